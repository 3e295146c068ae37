/**
 * Verification at the counter (EU Delegated Regulation 2016/161, Art. 11): what the scanner read,
 * in any GS1 form, answered with one verdict of DESIGN.md's vocabulary and its sentence, the
 * pack's state and the product and batch facts. A lot or expiry read from the pack that differs
 * from the record is a mismatch, never a silent pass. Verifying changes no pack and locks nothing;
 * a verdict that points at a falsified pack raises an alert (DESIGN.md). Each verification is kept
 * in the trail of verifications (what was read, by whom, where, the verdict), which a site's
 * activity lists. The consumer page asks the same judgement anonymously (`judge` with no caller),
 * and records nothing.
 */
import { Injectable } from '@nestjs/common';
import {
  VERDICT_SENTENCES,
  decide,
  expiryIsoDate,
  judgedState,
  type VerdictCode,
} from '@pedigree/domain';
import {
  AlertRepository,
  PackRepository,
  type Organisation,
  type PackRecord,
  type Site,
} from '@pedigree/persistence';
import {
  Clock,
  alertsOf,
  countVerdicts,
  parseItems,
  PlaceNames,
  toView,
  type ItemRef,
} from '@pedigree/recording';
import { SitesService } from '../sites/sites.service';
import { VerificationTrail } from './verification-trail';
import type { Verification, VerifyDto } from './verify.dto';

/** Who asks for a verdict: an organisation, at one of its sites or none. */
export interface Verifier {
  organisationId: string;
  site?: Site;
}

/** A verdict with what was read as a pack, and the record judged (none when unknown). */
export interface Judgement {
  verification: Verification;
  read?: PackRef;
  record?: PackRecord;
}

/** A code read as a pack: GTIN and serial, and the lot and expiry when it carries them. */
export type PackRef = Extract<ItemRef, { kind: 'pack' }>;

/**
 * The organisation a `verify` command names for an anonymous visitor. A verify without a site is
 * judged on the pack's state alone (pack-guards.ts): no rule reads who asks, and nothing of it is
 * recorded.
 */
const ANONYMOUS = 'anonymous';

@Injectable()
export class VerifyService {
  constructor(
    private readonly packs: PackRepository,
    private readonly sites: SitesService,
    private readonly clock: Clock,
    private readonly alerts: AlertRepository,
    private readonly trail: VerificationTrail,
    private readonly placeNames: PlaceNames,
  ) {}

  /**
   * The verdict on what was read, kept in the trail of verifications; one that points at a
   * falsified pack is kept as an alert too.
   * @throws ApiException NOT_FOUND when `siteGln` is not one of the caller's sites
   */
  async verify(organisation: Organisation, request: VerifyDto): Promise<Verification> {
    const site: Site | undefined = request.siteGln
      ? await this.sites.own(organisation, request.siteGln)
      : undefined;
    const { verification: judged, read } = await this.judge(request.code, {
      organisationId: organisation.id,
      site,
    });
    // Sites and organisations the rule names, in words for the pharmacist (never to the public).
    const answer = judged.detail
      ? { ...judged, detail: (await this.placeNames.inWords([judged.detail]))[0] }
      : judged;
    countVerdicts('verify', [answer.code]);
    await Promise.all([
      this.trail.record({
        organisationId: organisation.id,
        siteId: site?.id ?? null,
        item: request.code,
        gtin: read?.gtin,
        serial: read?.serial,
        code: answer.code,
      }),
      this.alerts.raise(
        alertsOf(
          [{ item: request.code, code: answer.code, detail: answer.detail ?? answer.sentence }],
          organisation.id,
          site?.id ?? null,
          'verify',
        ),
      ),
    ]);
    return answer;
  }

  /**
   * The verdict on what was read, for `verifier` or (null) an anonymous visitor, with the record
   * judged. Records nothing and raises no alert: that is the caller's business.
   */
  async judge(code: string, verifier: Verifier | null): Promise<Judgement> {
    const now = this.clock.now();
    const site = verifier?.site;
    const { items, refused } = parseItems([code]);
    const item = items[0];
    if (!item || item.kind === 'container') {
      return {
        verification: verdict(
          'MALFORMED_CODE',
          refused[0]?.reason ??
            'this is a case or pallet label (SSCC): verify each pack by its own code',
        ),
      };
    }
    const { product, pack: record } = await this.packs.findForVerification(item.gtin, item.serial);
    if (!product) {
      return {
        verification: verdict('UNKNOWN_PRODUCT', `no product with GTIN ${item.gtin} is registered`),
        read: item,
      };
    }
    if (!record) {
      return {
        verification: {
          ...verdict('UNKNOWN_SERIAL', `GTIN ${item.gtin} has no pack with serial ${item.serial}`),
          product,
        },
        read: item,
      };
    }
    const view = toView(record);
    const decision = decide(
      view,
      {
        action: 'verify',
        at: now,
        organisationId: verifier?.organisationId ?? ANONYMOUS,
        siteId: site?.id ?? null,
      },
      now,
    );
    const mismatch =
      item.lot !== undefined && item.lot !== record.lot
        ? verdict(
            'BATCH_MISMATCH',
            `the pack says lot ${item.lot}; its serial was commissioned in lot ${record.lot}`,
          )
        : item.expiry !== undefined && item.expiry !== record.expiry
          ? verdict(
              'EXPIRY_MISMATCH',
              `the pack says expiry ${item.expiry}; its batch expires ${record.expiry}`,
            )
          : undefined;
    const outcome =
      mismatch ?? (decision.ok ? verdict('OK') : verdict(decision.code, decision.reason));
    const verification: Verification = {
      ...outcome,
      pack: {
        gtin: item.gtin,
        serial: item.serial,
        lot: record.lot,
        expiry: expiryIsoDate(record.expiry, now),
        state: judgedState(view, now),
        atYourSite: site
          ? record.custodySiteId === site.id || record.inTransitTo === site.id
          : null,
      },
      product,
    };
    return { verification, read: item, record };
  }
}

function verdict(
  code: VerdictCode,
  detail?: string,
): Pick<Verification, 'code' | 'sentence' | 'detail'> {
  return { code, sentence: VERDICT_SENTENCES[code], ...(detail !== undefined && { detail }) };
}
