/**
 * The one door through which anything that happens to packs is recorded: HTTP today, the MQTT
 * ingest and EPCIS capture later. It judges every pack with the domain's state machine, writes
 * the EPCIS event (its canonical bytes are what the ledger seals), links the event to its packs
 * and moves the packs' projection, all in one transaction: either the whole step is recorded or
 * nothing is, and a refusal names each pack and the rule that refused it.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALERT_CODES,
  decide,
  epcisIndexOf,
  expiryIsoDate,
  packUri,
  type EpcisEvent,
  type PackAction,
  type PackView,
  type VerdictCode,
} from '@pedigree/domain';
import { canonicalJson } from '@pedigree/ledger';
import {
  AlertRepository,
  EventRepository,
  PackRepository,
  ProductRepository,
  SiteRepository,
  VerificationRepository,
  type Batch,
  type NewAlert,
  type NewEvent,
  type Organisation,
  type Product,
  type PackChange,
  type Site,
} from '@pedigree/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { RecordingError, type RefusedItem } from './recording-error';
import { Clock } from './clock';
import { containerCodes, parseItems, refuseIfAny, type ItemRef } from './item-code';
import { toChange, toView } from './pack-projection';
import { PackMoves } from './pack-moves';
import { PackResolver } from './pack-resolver';
import { PlaceNames } from './place-names';
import { commissionDocument, recallDocument, stepDocument } from './step-document';

/** A step about packs or cases, taken by an organisation at one of its sites. */
export interface PackStep {
  organisation: Organisation;
  site: Site;
  action: Exclude<PackAction, 'commission' | 'recall' | 'verify'>;
  items: readonly ItemRef[];
  /** ship: where the goods go. */
  destination?: Site;
  /** ship by EPCIS capture with no destination declared: the first site to receive takes them. */
  destinationUndeclared?: boolean;
  /** pack and unpack: the case or pallet. */
  containerSscc?: string;
}

/** Serials per commissioning event: keeps one pack's proof under 64 KiB. */
export const COMMISSION_EVENT_SIZE = 1_000;

/** One scan from a checked envelope, for {@link EventRecorder.recordScans}. */
export interface ScanStep {
  /** The scanning device's organisation and site. */
  organisationId: string;
  site: { id: string; gln: string };
  action: Extract<PackAction, 'ship' | 'receive' | 'verify' | 'dispense'>;
  /** The scanned data as the scanner sent it: any GS1 form parseItems reads. */
  raw: string;
  /** When the scan happened: the event's time and the order scans are judged in. */
  at: Date;
  /** ship: the destination site's GLN, as scanned. */
  destinationGln?: string;
}

/** A scan's verdict, with the event it was recorded as when it was. */
export interface ScanOutcome {
  code: VerdictCode;
  /** The particulars of a refusal: which pack, which state, when, where. */
  detail?: string;
  eventId?: string;
}

export interface RecordedStep {
  eventId: string;
  packs: number;
}

@Injectable()
export class EventRecorder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly packs: PackRepository,
    private readonly products: ProductRepository,
    private readonly events: EventRepository,
    private readonly clock: Clock,
    private readonly resolver: PackResolver,
    private readonly sites: SiteRepository,
    private readonly alerts: AlertRepository,
    private readonly placeNames: PlaceNames,
    private readonly verifications: VerificationRepository,
  ) {}

  /**
   * Records one step about the items (packs, and cases or pallets with everything inside them).
   * @throws RecordingError with the verdict code of the first refused item, all of them in
   *   `details`, its sites and organisations named in words
   */
  async record(step: PackStep): Promise<RecordedStep> {
    try {
      return await this.recordStep(step);
    } catch (error) {
      if (!(error instanceof RecordingError) || !error.details) throw error;
      // Nothing was recorded, but a refusal that points at a falsified pack is kept as an alert.
      const [message, ...reasons] = await this.placeNames.inWords([
        error.message,
        ...error.details.map((d) => d.reason),
      ]);
      const details = error.details.map((d, i) => ({ ...d, reason: reasons[i]! }));
      await this.alerts.raise(
        alertsOf(
          details.map((d) => ({ item: d.item, code: d.code, detail: d.reason })),
          step.organisation.id,
          step.site.id,
          'step',
        ),
      );
      throw new RecordingError(error.code, message!, details);
    }
  }

  private async recordStep(step: PackStep): Promise<RecordedStep> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const changes = await this.moveItems(step, now, now, tx);
      const document = stepDocument(
        {
          action: step.action,
          siteGln: step.site.gln,
          items: step.items,
          destinationGln: step.destination?.gln,
          containerSscc: step.containerSscc,
        },
        now,
        now,
      );
      const [eventId] = await this.events.insertMany(
        [
          {
            organisationId: step.organisation.id,
            siteId: step.site.id,
            action: step.action,
            ...stored(document),
          },
        ],
        tx,
      );
      await this.events.linkPacks(
        changes.map(() => eventId),
        changes.map((c) => c.id),
        tx,
      );
      await this.packs.applyChanges(changes, tx);
      return { eventId, packs: changes.length };
    });
  }

  /**
   * Judges a batch of scans one by one, in scan-time order (arrival breaks ties), and records each
   * scan whose packs all allow it as one event at its scan time. A later scan sees what an earlier
   * one changed, so a pack shipped and received within one batch ends up received. An inspection
   * (`verify`) changes nothing and records nothing. Runs inside the caller's transaction, so the
   * ingest commits a whole batch of envelopes at once.
   * @returns one outcome per scan, in the order given
   */
  async recordScans(scans: readonly ScanStep[], tx: EntityManager): Promise<ScanOutcome[]> {
    const now = this.clock.now();
    const parsed = scans.map((scan): ItemRef | RefusedItem => {
      const { items, refused } = parseItems([scan.raw]);
      return items.length > 0 ? items[0]! : refused[0]!;
    });
    const items = parsed.filter((p): p is ItemRef => 'kind' in p);
    const resolutions = await this.resolver.resolveEach(items, true, tx);
    const resolved = new Map(items.map((item, i) => [item, resolutions[i]!]));
    const destinations = new Map(
      (
        await this.sites.findByGlns(
          [...new Set(scans.flatMap((s) => (s.destinationGln ? [s.destinationGln] : [])))],
          tx,
        )
      ).map((site) => [site.gln, site]),
    );
    const order = scans.map((_, i) => i).sort((a, b) => +scans[a]!.at - +scans[b]!.at || a - b);

    const outcomes: ScanOutcome[] = new Array(scans.length);
    const views = new Map<string, PackView>();
    const events: Array<{ scan: number; event: NewEvent; packIds: string[] }> = [];
    for (const i of order) {
      const scan = scans[i]!;
      const item = parsed[i]!;
      if (!('kind' in item)) {
        outcomes[i] = { code: item.code, detail: item.reason };
        continue;
      }
      const destination = scan.destinationGln && destinations.get(scan.destinationGln);
      if (scan.destinationGln && !destination) {
        outcomes[i] = {
          code: 'WRONG_CUSTODY',
          detail: `no site with GLN ${scan.destinationGln} is registered: check the destination`,
        };
        continue;
      }
      const resolution = resolved.get(item)!;
      if (!resolution.ok) {
        outcomes[i] = { code: resolution.refused.code, detail: resolution.refused.reason };
        continue;
      }
      const next: Array<[string, PackView]> = [];
      let refusal: ScanOutcome | undefined;
      for (const { item: named, record } of resolution.packs) {
        const view = views.get(record.id) ?? toView(record);
        const decision = decide(
          view,
          {
            action: scan.action,
            at: scan.at,
            organisationId: scan.organisationId,
            siteId: scan.site.id,
            destinationSiteId: destination ? destination.id : undefined,
            containerSscc: named === null ? (view.containerSscc ?? undefined) : undefined,
          },
          now,
        );
        if (!decision.ok) {
          const pack = named === null ? `pack ${packUri(record.gtin, record.serial)} inside: ` : '';
          refusal = { code: decision.code, detail: `${pack}${decision.reason}` };
          break;
        }
        next.push([record.id, decision.next]);
      }
      outcomes[i] = refusal ?? { code: 'OK' };
      if (refusal || scan.action === 'verify') continue;
      for (const [id, view] of next) views.set(id, view);
      const document = stepDocument(
        {
          action: scan.action,
          siteGln: scan.site.gln,
          items: [item],
          destinationGln: destination ? destination.gln : undefined,
        },
        scan.at,
        now,
      );
      events.push({
        scan: i,
        event: {
          organisationId: scan.organisationId,
          siteId: scan.site.id,
          action: scan.action,
          ...stored(document),
        },
        packIds: next.map(([id]) => id),
      });
    }
    if (events.length > 0) {
      const ids = await this.events.insertMany(
        events.map((e) => e.event),
        tx,
      );
      events.forEach((e, k) => (outcomes[e.scan]!.eventId = ids[k]));
      await this.events.linkPacks(
        events.flatMap((e, k) => e.packIds.map(() => ids[k]!)),
        events.flatMap((e) => e.packIds),
        tx,
      );
      await this.packs.applyChanges(
        [...views].map(([id, view]) => toChange(id, view)),
        tx,
      );
    }
    // An inspection is kept in the trail of verifications, as POST /verify is.
    await this.verifications.recordMany(
      scans.flatMap((scan, i) => {
        if (scan.action !== 'verify') return [];
        const item = parsed[i]!;
        const pack = 'kind' in item && item.kind === 'pack' ? item : undefined;
        return [
          {
            organisationId: scan.organisationId,
            siteId: scan.site.id,
            item: scan.raw,
            gtin: pack?.gtin,
            serial: pack?.serial,
            code: outcomes[i]!.code,
            at: scan.at,
          },
        ];
      }),
      tx,
    );
    // A refusal's sites and organisations, in words, for the scanner and the alert alike.
    const refused = outcomes.flatMap((o) => (o.detail === undefined ? [] : [o]));
    const worded = await this.placeNames.inWords(refused.map((o) => o.detail!));
    refused.forEach((outcome, i) => (outcome.detail = worded[i]));
    await this.alerts.raise(
      scans.flatMap((scan, i) =>
        alertsOf(
          [{ item: scan.raw, code: outcomes[i]!.code, detail: outcomes[i]!.detail ?? '' }],
          scan.organisationId,
          scan.site.id,
          'scan',
        ),
      ),
      tx,
    );
    return outcomes;
  }

  /**
   * Commissions new packs of a batch at the manufacturer's site: one ObjectEvent per 1,000
   * serials. `serials` draws fresh random serials; ones the product has already are drawn again.
   * @throws RecordingError RECALLED (batch recalled or product withdrawn), EXPIRED (by the domain's
   *   commissioning rule), CONFLICT (beyond the batch quantity)
   */
  async commission(request: {
    organisation: Organisation;
    site: Site;
    product: Product;
    batch: Batch;
    serials: (count: number) => string[];
    count: number;
  }): Promise<string[]> {
    const { organisation, site, product, batch } = request;
    const now = this.clock.now();
    if (batch.recalledAt || product.withdrawnAt) {
      throw new RecordingError(
        'RECALLED',
        `Lot ${batch.lot} of GTIN ${product.gtin} is recalled or the product withdrawn: it takes no new packs.`,
      );
    }
    return this.db.transaction(async (tx) => {
      const existing = await this.packs.lockBatchAndCount(batch.id, tx);
      if (existing + request.count > batch.quantity) {
        throw new RecordingError(
          'CONFLICT',
          `Lot ${batch.lot} holds ${batch.quantity} packs and ${existing} are commissioned: at most ${batch.quantity - existing} more.`,
        );
      }
      const command = {
        action: 'commission' as const,
        at: now,
        organisationId: organisation.id,
        siteId: site.id,
        expiry: batch.expiry,
      };
      const decision = decide(null, command, now);
      if (!decision.ok) throw new RecordingError(decision.code, decision.reason);
      const created: Array<{ id: string; serial: string }> = [];
      while (created.length < request.count) {
        const drawn = request.serials(request.count - created.length);
        created.push(
          ...(await this.packs.insertMany(
            {
              productId: product.id,
              batchId: batch.id,
              state: decision.next.state,
              custodySiteId: site.id,
            },
            drawn,
            tx,
          )),
        );
      }
      const expiry = expiryIsoDate(batch.expiry, now)!;
      const chunks: Array<Array<{ id: string; serial: string }>> = [];
      for (let at = 0; at < created.length; at += COMMISSION_EVENT_SIZE)
        chunks.push(created.slice(at, at + COMMISSION_EVENT_SIZE));
      const eventIds = await this.events.insertMany(
        chunks.map((chunk) => ({
          organisationId: organisation.id,
          siteId: site.id,
          action: 'commission',
          ...stored(
            commissionDocument(
              {
                siteGln: site.gln,
                gtin: product.gtin,
                serials: chunk.map((p) => p.serial),
                lot: batch.lot,
                expiry,
              },
              now,
            ),
          ),
        })),
        tx,
      );
      await this.events.linkPacks(
        chunks.flatMap((chunk, i) => chunk.map(() => eventIds[i])),
        created.map((p) => p.id),
        tx,
      );
      return eventIds;
    });
  }

  /**
   * Recalls a batch, or withdraws a product when no batch is given: irreversible. The event is
   * about the class (`quantityList` with the batch or product URI), not each pack: every pack of
   * it reads RECALLED from then on, through its batch or product. A second recall records nothing.
   * @returns the event id, or undefined when it was recalled already
   */
  async recall(request: {
    organisation: Organisation;
    product: Product;
    batch?: Batch;
    reason: string;
  }): Promise<string | undefined> {
    const { organisation, product, batch, reason } = request;
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const changed = batch
        ? await this.products.recallBatch(batch.id, reason, tx)
        : await this.products.withdraw(product.id, reason, tx);
      if (!changed) return undefined;
      const document = recallDocument({ gtin: product.gtin, lot: batch?.lot }, now);
      const [eventId] = await this.events.insertMany(
        [
          {
            organisationId: organisation.id,
            siteId: null,
            action: 'recall',
            ...stored(document),
          },
        ],
        tx,
      );
      await this.events.linkRecall(
        eventId!,
        batch ? { batchId: batch.id } : { productId: product.id },
        tx,
      );
      return eventId;
    });
  }

  /**
   * Judges and moves the packs of one step that EPCIS capture received, inside the capture's
   * transaction: the same rules as an HTTP step, at the event's own time. The caller stores the
   * event as it came.
   * @returns the ids of the packs the step moved
   * @throws RecordingError when any item is refused, every refusal in `details`
   */
  async moveCaptured(step: PackStep, at: Date, tx: EntityManager): Promise<string[]> {
    const changes = await this.moveItems(step, at, this.clock.now(), tx);
    await this.packs.applyChanges(changes, tx);
    return changes.map((c) => c.id);
  }

  /**
   * Commissions the serials a captured commissioning event names, of a batch the caller
   * registered, inside the capture's transaction. The caller stores the event as it came.
   * @returns the new packs' ids
   * @throws RecordingError SUSPECT (a serial commissioned already), RECALLED, EXPIRED, CONFLICT
   *   (beyond the batch quantity)
   */
  async commissionCaptured(
    request: {
      organisation: Organisation;
      site: Site;
      product: Product;
      batch: Batch;
      serials: readonly string[];
      at: Date;
    },
    tx: EntityManager,
  ): Promise<string[]> {
    const { organisation, site, product, batch, serials } = request;
    const now = this.clock.now();
    if (batch.recalledAt || product.withdrawnAt) {
      throw new RecordingError(
        'RECALLED',
        `Lot ${batch.lot} of GTIN ${product.gtin} is recalled or the product withdrawn: it takes no new packs.`,
      );
    }
    const existing = await this.packs.lockBatchAndCount(batch.id, tx);
    if (existing + serials.length > batch.quantity) {
      throw new RecordingError(
        'CONFLICT',
        `Lot ${batch.lot} holds ${batch.quantity} packs and ${existing} are commissioned: at most ${batch.quantity - existing} more.`,
      );
    }
    const decision = decide(
      null,
      {
        action: 'commission',
        at: request.at,
        organisationId: organisation.id,
        siteId: site.id,
        expiry: batch.expiry,
      },
      now,
    );
    if (!decision.ok) throw new RecordingError(decision.code, decision.reason);
    // Checked before inserting: in a `proceed` capture a refused event must leave nothing behind.
    const taken = await this.packs.lockByIdentity(
      serials.map((serial) => ({ gtin: product.gtin, serial })),
      tx,
    );
    refuseIfAny(
      taken.map((pack) => ({
        item: packUri(product.gtin, pack.serial),
        code: 'SUSPECT' as const,
        reason: `serial ${pack.serial} of GTIN ${product.gtin} is commissioned already: a serial is commissioned once`,
      })),
    );
    const created = await this.packs.insertMany(
      {
        productId: product.id,
        batchId: batch.id,
        state: decision.next.state,
        custodySiteId: site.id,
      },
      serials,
      tx,
    );
    return created.map((p) => p.id);
  }

  /**
   * Resolves the step's items, judges every pack they reach (each once) at `at`, and makes the
   * container moves of packing and unpacking; returns the packs' next states.
   * @throws RecordingError when any item is refused, every refusal in `details`
   */
  private async moveItems(
    step: PackStep,
    at: Date,
    now: Date,
    tx: EntityManager,
  ): Promise<PackChange[]> {
    // Packing and unpacking move the items named (packs, or whole cases onto a pallet); the other
    // steps move everything inside the cases and pallets named too.
    const nested = step.action !== 'pack' && step.action !== 'unpack';
    const resolutions = await this.resolver.resolveEach(step.items, nested, tx);
    const moves = new PackMoves(new Map(step.items.map((item, i) => [item, resolutions[i]!])), now);
    moves.move(step, at);
    if (step.action === 'pack') await this.packInto(step, tx);
    if (step.action === 'unpack')
      await this.packs.setContainerParent(containerCodes(step.items), null, tx);
    return moves.changes();
  }

  /** Creates the case or pallet if new, and nests the child containers in it. */
  private async packInto(step: PackStep, tx: EntityManager): Promise<void> {
    const sscc = step.containerSscc!;
    const [existing] = await this.packs.findContainers([sscc], tx);
    if (existing && existing.organisationId !== step.organisation.id) {
      throw new RecordingError(
        'WRONG_CUSTODY',
        `SSCC ${sscc} belongs to another organisation's case or pallet.`,
      );
    }
    if (!existing)
      await this.packs.insertContainer({ sscc, organisationId: step.organisation.id }, tx);
    const children = containerCodes(step.items);
    if (children.includes(sscc)) {
      throw new RecordingError('SUSPECT', `SSCC ${sscc} cannot be packed into itself.`);
    }
    await this.packs.setContainerParent(children, sscc, tx);
  }
}

/**
 * The alerts among refusals: those whose code raises one (ALERT_CODES), each with the GTIN and
 * serial its item names when it names a pack.
 */
export function alertsOf(
  refusals: ReadonlyArray<{ item: string; code: VerdictCode; detail: string }>,
  organisationId: string,
  siteId: string | null,
  source: NewAlert['source'],
): NewAlert[] {
  return refusals
    .filter((r) => ALERT_CODES.has(r.code))
    .map(({ item, code, detail }) => {
      const [ref] = parseItems([item]).items;
      return {
        code,
        detail,
        item,
        ...(ref?.kind === 'pack' && { gtin: ref.gtin, serial: ref.serial }),
        organisationId,
        siteId,
        source,
      };
    });
}

/** How the platform stores an event it built: its leaf bytes, and its index (its eventID is its hash). */
function stored(event: EpcisEvent): Pick<NewEvent, 'document' | 'index'> {
  return { document: canonicalJson(event), index: epcisIndexOf(event, String(event.eventID)) };
}
