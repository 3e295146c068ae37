/**
 * EPCIS capture (docs/epcis.md, "Capture"): records the events of a document an organisation
 * sent, each judged by the same pack rules as a scan or an HTTP step and stored as it came, with
 * the platform's `recordTime`, its `eventID` (the GS1 event hash when it had none) and the
 * document's `@context`, so the stored event stands alone. The events are judged in document
 * order inside one transaction, a later one seeing what an earlier one did. An event recorded
 * before (same GS1 event hash) is recognised and not stored again. With `rollback` one refusal
 * stores nothing; with `proceed` the events that pass are stored.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  decide,
  epcisIndexOf,
  expiryIsoDate,
  packUri,
  type EpcisEvent,
  type VerdictCode,
} from '@pedigree/domain';
import { eventHash, type EventHashOptions, type JsonObject, type JsonValue } from '@pedigree/epcis';
import { canonicalJson } from '@pedigree/ledger';
import {
  AlertRepository,
  CaptureJobRepository,
  ProductRepository,
  SiteRepository,
  EventRepository,
  PackRepository,
  type CaptureJobError,
  type CaptureOutcome,
  type NewEvent,
  type Organisation,
  type Site,
} from '@pedigree/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { capturedStep, CaptureRefusal, type CapturedStep } from './capture-step';
import { Clock } from './clock';
import { alertsOf, EventRecorder, type PackStep } from './event-recorder.service';
import { refuseIfAny, type ItemRef } from './item-code';
import { PackMoves } from './pack-moves';
import { toView } from './pack-projection';
import { PackResolver } from './pack-resolver';
import { RecordingError } from './recording-error';

export type CaptureErrorBehaviour = 'rollback' | 'proceed';

export interface CaptureRequest {
  organisation: Organisation;
  /** The document's events, in order (`epcisDocumentEvents`), and their hashing options. */
  events: readonly JsonObject[];
  options: EventHashOptions;
  behaviour: CaptureErrorBehaviour;
}

/** A refused pack, for the alerts. */
type Refusal = { item: string; code: VerdictCode; detail: string };

/** Thrown inside the transaction to undo a `rollback` capture that had refusals. */
class RolledBack extends Error {}

@Injectable()
export class CaptureRecorder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recorder: EventRecorder,
    private readonly resolver: PackResolver,
    private readonly sites: SiteRepository,
    private readonly products: ProductRepository,
    private readonly events: EventRepository,
    private readonly packs: PackRepository,
    private readonly jobs: CaptureJobRepository,
    private readonly alerts: AlertRepository,
    private readonly clock: Clock,
  ) {}

  /** Judges and stores the document's events; never throws for a refusal, it reports it. */
  async capture(request: CaptureRequest): Promise<CaptureOutcome> {
    const errors: CaptureJobError[] = [];
    const refusals: Refusal[] = [];
    let stored: string[] = [];
    let duplicates: string[] = [];
    try {
      await this.db.transaction(async (tx) => {
        const result = await this.judge(request, errors, refusals, tx);
        duplicates = result.duplicates;
        if (errors.length > 0 && request.behaviour === 'rollback') throw new RolledBack();
        stored = await this.store(result.accepted, tx);
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    // A refusal that points at a falsified pack is kept as an alert, whatever was stored.
    await this.alerts.raise(alertsOf(refusals, request.organisation.id, null, 'step'));
    return { success: errors.length === 0, errors, eventIds: stored, duplicates };
  }

  private async judge(
    request: CaptureRequest,
    errors: CaptureJobError[],
    refusals: Refusal[],
    tx: EntityManager,
  ): Promise<{ accepted: Array<{ event: NewEvent; packIds: string[] }>; duplicates: string[] }> {
    const { organisation, events, options } = request;
    const now = this.clock.now();
    const hashes = events.map((event) => eventHash(event, options));
    const recorded = await this.jobs.recordedHashes(hashes, tx);
    const steps = events.map((event): CapturedStep | CaptureRefusal => {
      try {
        return capturedStep(event);
      } catch (error) {
        if (error instanceof CaptureRefusal) return error;
        throw error;
      }
    });
    const sites = await this.sitesOf(steps, tx);
    const accepted: Array<{ event: NewEvent; packIds: string[] }> = [];
    const duplicates: string[] = [];
    let run: PackMoves | null = null;
    for (const [index, event] of events.entries()) {
      const hash = hashes[index]!;
      const eventID = typeof event.eventID === 'string' ? event.eventID : null;
      if (recorded.has(hash)) {
        duplicates.push(eventID ?? hash);
        continue;
      }
      recorded.add(hash);
      const refuse = (code: CaptureJobError['code'], reason: string) =>
        errors.push({ eventIndex: index, eventID, code, reason });
      const step = steps[index]!;
      if (step instanceof CaptureRefusal) {
        refuse(step.code, step.message);
        continue;
      }
      // Shipments and receipts in a row are judged together in memory; any other step works on
      // the database, so the run before it is written first.
      if (!inRun(step) && run) {
        await this.packs.applyChanges(run.changes(), tx);
        run = null;
      }
      if (inRun(step) && !run) run = await this.startRun(steps, index, tx);
      try {
        const { site, packIds } = await this.apply(organisation, step, event, sites, run, tx);
        const document: EpcisEvent = {
          ...(options.context !== undefined && { '@context': options.context as JsonValue }),
          ...event,
          eventID: eventID ?? hash,
          recordTime: now.toISOString(),
        };
        accepted.push({
          event: {
            organisationId: organisation.id,
            siteId: site?.id ?? null,
            action: step.kind === 'move' ? step.action : step.kind,
            document: canonicalJson(document),
            index: epcisIndexOf(document, hash),
          },
          packIds,
        });
      } catch (error) {
        if (error instanceof CaptureRefusal) refuse(error.code, error.message);
        else if (error instanceof RecordingError) {
          refuse(error.code, error.message);
          for (const d of error.details ?? []) {
            refusals.push({ item: d.item, code: d.code, detail: d.reason });
          }
        } else throw error;
      }
    }
    if (run) await this.packs.applyChanges(run.changes(), tx);
    return { accepted, duplicates };
  }

  /**
   * A run of the shipments and receipts from `start` on, their items looked up at once; they
   * change no container, so what a later one reaches inside a case stays as looked up.
   */
  private async startRun(
    steps: ReadonlyArray<CapturedStep | CaptureRefusal>,
    start: number,
    tx: EntityManager,
  ): Promise<PackMoves> {
    const items: ItemRef[] = [];
    for (const step of steps.slice(start)) {
      if (step instanceof CaptureRefusal) continue;
      if (!inRun(step)) break;
      items.push(...step.items);
    }
    const resolutions = await this.resolver.resolveEach(items, true, tx);
    return new PackMoves(
      new Map(items.map((item, i) => [item, resolutions[i]!])),
      this.clock.now(),
    );
  }

  /** The registered sites the steps name, by GLN, in one look-up. */
  private async sitesOf(
    steps: ReadonlyArray<CapturedStep | CaptureRefusal>,
    tx: EntityManager,
  ): Promise<Map<string, Site>> {
    const glns = new Set<string>();
    for (const step of steps) {
      if (step instanceof CaptureRefusal) continue;
      for (const gln of [step.readPointGln, step.bizLocationGln]) if (gln) glns.add(gln);
      if (step.kind === 'move' && step.destinationGln) glns.add(step.destinationGln);
    }
    const found = await this.sites.findByGlns([...glns], tx);
    return new Map(found.map((site) => [site.gln, site]));
  }

  /**
   * Judges one event and moves its packs. Its place is the caller's: readPoint and bizLocation,
   * when given, are the caller's sites, and the site that acts is the bizLocation (else the
   * readPoint).
   * @throws CaptureRefusal or RecordingError with the rule that refused it
   */
  private async apply(
    organisation: Organisation,
    step: CapturedStep,
    event: JsonObject,
    sites: Map<string, Site>,
    run: PackMoves | null,
    tx: EntityManager,
  ): Promise<{ site: Site | null; packIds: string[] }> {
    for (const gln of [step.readPointGln, step.bizLocationGln]) {
      if (gln && sites.get(gln)?.organisationId !== organisation.id) {
        throw new CaptureRefusal(
          'FORBIDDEN',
          `GLN ${gln} is not one of your sites: an organisation captures events at its own sites only`,
        );
      }
    }
    const gln = step.bizLocationGln ?? step.readPointGln;
    const site = gln ? sites.get(gln)! : null;
    const at = new Date(String(event.eventTime));
    if (step.kind === 'observation') {
      await this.observe(organisation, site, step, at, tx);
      return { site, packIds: [] };
    }
    if (!site) {
      throw new CaptureRefusal(
        'WRONG_CUSTODY',
        'the event names no readPoint or bizLocation: a step about packs happens at one of your sites',
      );
    }
    if (step.kind === 'commission')
      return { site, packIds: await this.commission(organisation, site, step, at, tx) };
    const destination = step.destinationGln ? sites.get(step.destinationGln) : undefined;
    if (step.destinationGln && !destination) {
      throw new CaptureRefusal(
        'WRONG_CUSTODY',
        `no site with GLN ${step.destinationGln} is registered: check the destination`,
      );
    }
    const move: PackStep = {
      organisation,
      site,
      action: step.action,
      items: step.items,
      destination,
      destinationUndeclared: step.action === 'ship' && !step.destinationGln,
      containerSscc: step.containerSscc,
    };
    const packIds = run ? run.move(move, at) : await this.recorder.moveCaptured(move, at, tx);
    return { site, packIds };
  }

  /**
   * Commissioning by capture: only of the caller's own products, into a batch it registered (the
   * batch's expiry and quantity are master data the platform checks, so a capture never creates
   * one), with an expiry, when given, that is the batch's.
   */
  private async commission(
    organisation: Organisation,
    site: Site,
    step: Extract<CapturedStep, { kind: 'commission' }>,
    at: Date,
    tx: EntityManager,
  ): Promise<string[]> {
    const gtins = [...new Set(step.items.map((i) => (i.kind === 'pack' ? i.gtin : '')))];
    if (gtins.length !== 1 || gtins[0] === '') {
      throw new CaptureRefusal(
        'MALFORMED_CODE',
        'a commissioning names packs (SGTINs) of one product: split it per product',
      );
    }
    const gtin = gtins[0]!;
    const product = await this.products.findByGtin(gtin, tx);
    if (!product || product.organisationId !== organisation.id) {
      throw new CaptureRefusal(
        'UNKNOWN_PRODUCT',
        `GTIN ${gtin} is not one of your products: register it (POST /products) before commissioning its packs`,
      );
    }
    const batch = await this.products.findBatch(product.id, step.lot, tx);
    if (!batch) {
      throw new CaptureRefusal(
        'UNKNOWN_PRODUCT',
        `GTIN ${gtin} has no lot ${step.lot}: register the batch (POST /products/${gtin}/batches) with its expiry and quantity first`,
      );
    }
    const expiry = expiryIsoDate(batch.expiry, at);
    if (step.expiry !== null && expiry !== step.expiry) {
      throw new CaptureRefusal(
        'EXPIRY_MISMATCH',
        `the event says expiry ${step.expiry}; lot ${step.lot} expires ${expiry}`,
      );
    }
    return this.recorder.commissionCaptured(
      {
        organisation,
        site,
        product,
        batch,
        serials: step.items.map((i) => (i.kind === 'pack' ? i.serial : '')),
        at,
      },
      tx,
    );
  }

  /**
   * An event that is no pack action of ours (an inspection, a sensor report, a transaction, a
   * transformation) changes no pack, but it is a statement about the packs it names: each must
   * be known and pass a verification at the event's site (held there or on its way there, and
   * not decommissioned, recalled or locked), so a capture cannot say through an observation what
   * the rules refuse (a dispensed pack shipped under a purchase order).
   */
  private async observe(
    organisation: Organisation,
    site: Site | null,
    step: Extract<CapturedStep, { kind: 'observation' }>,
    at: Date,
    tx: EntityManager,
  ): Promise<void> {
    const now = this.clock.now();
    const packs = await this.resolver.resolve(step.items, false, tx);
    const refused = packs.flatMap(({ item, record }) => {
      const decision = decide(
        toView(record),
        {
          action: 'verify',
          at,
          organisationId: organisation.id,
          siteId: site?.id ?? null,
          containerSscc: record.containerSscc ?? undefined,
        },
        now,
      );
      return decision.ok
        ? []
        : [
            {
              item: item ?? packUri(record.gtin, record.serial),
              code: decision.code,
              reason: decision.reason,
            },
          ];
    });
    refuseIfAny(refused);
  }

  /** Inserts the accepted events in one statement and links them to their packs. */
  private async store(
    accepted: ReadonlyArray<{ event: NewEvent; packIds: string[] }>,
    tx: EntityManager,
  ): Promise<string[]> {
    if (accepted.length === 0) return [];
    const ids = await this.events.insertMany(
      accepted.map((a) => a.event),
      tx,
    );
    await this.events.linkPacks(
      accepted.flatMap((a, i) => a.packIds.map(() => ids[i]!)),
      accepted.flatMap((a) => a.packIds),
      tx,
    );
    return ids;
  }
}

/** Steps judged in a run (`PackMoves`) rather than one by one against the database. */
const inRun = (step: CapturedStep): boolean =>
  step.kind === 'move' && (step.action === 'ship' || step.action === 'receive');
