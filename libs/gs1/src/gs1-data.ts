// The data types every entry point of the library shares: an AI with its value, a parsed scan,
// and the options that relax the parsers' defaults.

/** One application identifier and its value, e.g. `{ ai: '17', value: '261231' }`. */
export interface Gs1Ai {
  readonly ai: string;
  readonly value: string;
}

/** What a scan carried. */
export interface Gs1Data {
  /** The symbology identifier as transmitted (e.g. `]d2`), or null for input without one. */
  symbology: string | null;
  /** The AIs in the order they were carried (Digital Link: path, then query string). */
  ais: Array<{ ai: string; value: string }>;
}

/** Options shared by the parsers. Every switch is off by default: GS1's strict rules apply. */
export interface Gs1ParseOptions {
  /**
   * Check digits, dates, duplicates and AI pairings after parsing (default true). Known AIs,
   * lengths and character sets are always checked: the data cannot be read without them.
   */
  validate?: boolean;
  /** Digital Link: accept a GTIN-8, -12 or -13 as the value of (01) and pad it to 14 digits. */
  permitZeroSuppressedGtin?: boolean;
  /** Digital Link: accept the path words `gtin`, `lot`, `ser`, `sscc`, ... in place of AIs. */
  permitConvenienceAlphas?: boolean;
  /** Scan data: read a plain EAN-13/UPC-A (`]E0`) or EAN-8 (`]E4`) as AI (01), padded to 14. */
  eanUpcAsGtin?: boolean;
}
