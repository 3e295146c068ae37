/**
 * Verification at the counter (EU Delegated Regulation 2016/161, Art. 11): what the scanner read,
 * in any GS1 form, answered with one verdict of DESIGN.md's vocabulary and its sentence, the
 * pack's state and the product and batch facts. A lot or expiry read from the pack that differs
 * from the record is a mismatch, never a silent pass. Verifying changes no pack and locks nothing;
 * a verdict that points at a falsified pack raises an alert (DESIGN.md).
 */
import { Injectable } from '@nestjs/common';
import {
  VERDICT_SENTENCES,
  decide,
  expiryIsoDate,
  judgedState,
  type PackState,
  type VerdictCode,
} from '@pedigree/domain';
import {
  AlertRepository,
  PackRepository,
  type Organisation,
  type ProductFacts,
  type Site,
} from '@pedigree/persistence';
import { Clock, alertsOf, countVerdicts, parseItems, toView } from '@pedigree/recording';
import { SitesService } from '../sites/sites.service';
import type { VerifyDto } from './verify.dto';

export interface Verification {
  code: VerdictCode;
  sentence: string;
  /** The particulars: which state, when, where; which field differs. */
  detail?: string;
  pack?: {
    gtin: string;
    serial: string;
    lot: string;
    /** ISO date, the end of the month for a YYMMDD with day 00. */
    expiry: string | null;
    state: PackState;
    /** Whether the verifying site holds it, or it is on its way there. */
    atYourSite: boolean | null;
  };
  product?: ProductFacts;
}

@Injectable()
export class VerifyService {
  constructor(
    private readonly packs: PackRepository,
    private readonly sites: SitesService,
    private readonly clock: Clock,
    private readonly alerts: AlertRepository,
  ) {}

  /**
   * The verdict on what was read; one that points at a falsified pack is kept as an alert too.
   * @throws ApiException NOT_FOUND when `siteGln` is not one of the caller's sites
   */
  async verify(organisation: Organisation, request: VerifyDto): Promise<Verification> {
    const site: Site | undefined = request.siteGln
      ? await this.sites.own(organisation, request.siteGln)
      : undefined;
    const answer = await this.judge(organisation, site, request.code);
    countVerdicts('verify', [answer.code]);
    await this.alerts.raise(
      alertsOf(
        [{ item: request.code, code: answer.code, detail: answer.detail ?? answer.sentence }],
        organisation.id,
        site?.id ?? null,
        'verify',
      ),
    );
    return answer;
  }

  private async judge(
    organisation: Organisation,
    site: Site | undefined,
    code: string,
  ): Promise<Verification> {
    const now = this.clock.now();
    const { items, refused } = parseItems([code]);
    const item = items[0];
    if (!item || item.kind === 'container') {
      return verdict(
        'MALFORMED_CODE',
        refused[0]?.reason ??
          'this is a case or pallet label (SSCC): verify each pack by its own code',
      );
    }
    const { product, pack: record } = await this.packs.findForVerification(item.gtin, item.serial);
    if (!product) {
      return verdict('UNKNOWN_PRODUCT', `no product with GTIN ${item.gtin} is registered`);
    }
    if (!record) {
      return {
        ...verdict('UNKNOWN_SERIAL', `GTIN ${item.gtin} has no pack with serial ${item.serial}`),
        product,
      };
    }
    const view = toView(record);
    const decision = decide(
      view,
      { action: 'verify', at: now, organisationId: organisation.id, siteId: site?.id ?? null },
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
    return {
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
  }
}

function verdict(
  code: VerdictCode,
  detail?: string,
): Pick<Verification, 'code' | 'sentence' | 'detail'> {
  return { code, sentence: VERDICT_SENTENCES[code], ...(detail !== undefined && { detail }) };
}
