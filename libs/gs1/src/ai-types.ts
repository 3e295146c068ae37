// The shape of one application identifier (AI) as the GS1 Barcode Syntax Dictionary describes it.
// ai-table.generated.ts holds the data; this file holds only the types, so the generator's output
// stays plain data and the rest of the library reads one documented shape.

/** Character set of a component: N digits, X GS1 CSET 82, Y GS1 CSET 39, Z base64url (CSET 64). */
export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N14,csum` or `[X..17]`. */
export interface AiComponent {
  readonly cset: AiCharset;
  /** Minimum length; equal to `max` for a fixed-length component. */
  readonly min: number;
  readonly max: number;
  /** Optional components may be left out once the data is exhausted. */
  readonly optional: boolean;
  /** Dictionary linters applied to this component, e.g. `csum`, `yymmd0`, `iso3166`. */
  readonly linters: readonly string[];
}

/** One AI with everything the dictionary says about it. */
export interface AiEntry {
  /** The AI itself, 2 to 4 digits, e.g. `01`, `3103`. */
  readonly ai: string;
  /** The GS1 data title, e.g. `GTIN`, `BATCH/LOT` (empty for the few untitled coupon AIs). */
  readonly title: string;
  /** Dictionary flag `*`: predefined length, no FNC1 separator needed after it. */
  readonly predefinedLength: boolean;
  /** Dictionary flag `?`: allowed as a data attribute in a Digital Link query string. */
  readonly dlDataAttribute: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  readonly components: readonly AiComponent[];
  /**
   * `req=` attributes: each inner list must be satisfied by one of its alternatives, an
   * alternative being AIs or patterns joined by `+` (`01+21`, `35nn`; `n` is any digit).
   */
  readonly req: readonly (readonly string[])[];
  /** `ex=` attribute: AIs or patterns that must not appear with this AI. */
  readonly ex: readonly string[];
  /**
   * `dlpkey`: null when the AI is not a Digital Link primary key, otherwise the alternative
   * ordered sequences of key qualifiers (`[[]]` for a key that takes none).
   */
  readonly dlpkey: readonly (readonly string[])[] | null;
}
