/**
 * What the consumer page shows, as the JSON it answers API clients with (`Accept:
 * application/json`, or a GS1 link type of JSON_LINK_TYPES) and the HTML template reads. Nothing
 * in it names a site, a GLN or an organisation other than the manufacturer (DESIGN.md, "Places").
 */
import type { PackAction, PackState, VerdictCode } from '@pedigree/domain';
import { z } from 'zod';
import type { InclusionView } from '../../ledger/dto/ledger.dto';
import type { Language } from '../consumer-request';
import type { Level } from '../consumer-words';

/**
 * The query parameters the page reads besides the link's own GS1 data attributes (`17`), which
 * pass through untouched. A repeated or empty parameter is ignored rather than refused: a visitor
 * with a mangled link still gets the verdict.
 */
export const consumerQuerySchema = z.looseObject({
  lang: z.string().optional().catch(undefined),
  linkType: z.string().optional().catch(undefined),
});

export type ConsumerQuery = z.infer<typeof consumerQuerySchema>;

/** One step of the pack's journey: what, when, in which city and country. */
export interface JourneyStepView {
  action: PackAction;
  /** ISO 8601: when the platform recorded the step. */
  recordedAt: string;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** Whether the sealer has put the step into the ledger (within about a second). */
  sealed: boolean;
  /** Its inclusion proof in the tree of `ledger.checkpoint`; null while not sealed. */
  proof: InclusionView | null;
}

export interface ConsumerView {
  /** The canonical GS1 Digital Link of what was asked about. */
  link: string;
  language: Language;
  verdict: {
    code: VerdictCode;
    level: Level;
    /** The verdict in plain words, in `language`. */
    sentence: string;
  };
  /** What the link carries: a lot or expiry that differs from `pack` is a mismatch. */
  read: {
    gtin: string;
    serial: string;
    lot: string | null;
    /** YYMMDD, and as an ISO date. */
    expiry: string | null;
    expiryDate: string | null;
  };
  /** null when no product has this GTIN. */
  product: {
    gtin: string;
    name: string;
    form: string;
    strength: string;
    packSize: number;
    manufacturer: string | null;
  } | null;
  /** null when the serial was never commissioned. */
  pack: {
    serial: string;
    lot: string;
    /** YYMMDD as on the pack (GS1 AI 17). */
    expiry: string;
    /** ISO date: the last day the pack may be used. */
    expiryDate: string | null;
    state: PackState;
  } | null;
  /** The batch recall or product withdrawal, when there is one. */
  recall: { scope: 'batch' | 'product'; at: string; reason: string | null } | null;
  journey: JourneyStepView[];
  /**
   * The signed checkpoint every journey proof leads to and the vkey(s) it must be signed by;
   * null while no step is sealed.
   */
  ledger: { checkpoint: string; keys: string[] } | null;
}
