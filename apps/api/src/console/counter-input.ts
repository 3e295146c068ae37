/**
 * What the counter page sends to the API, from what a keyboard-wedge scanner typed or a person
 * entered by hand. Pure, and bundled into the page's script: it only rewrites the text (the GS
 * separator, the four data elements) into a form the API's own parser reads (libs/gs1
 * `parseScanData`); every check of the code is the API's, which names what is wrong.
 */

/** The ASCII 29 group separator GS1 element strings carry for FNC1. */
export const GS = '\u001d';

/**
 * The text the page takes for GS unless the browser is told another: the same default as the
 * scanner agent's `--gs` (docs/scanner.md). The raw byte always works too.
 */
export const DEFAULT_GS_SUBSTITUTE = '<GS>';

/**
 * The scan data a typed scan stands for: each `substitute` turned into GS, the line ending and
 * surrounding spaces dropped; null when nothing is left.
 * @example scanData(']d201095060001343521X7Q2^10L42\r', '^') // ']d201095060001343521X7Q2\u001d10L42'
 */
export function scanData(typed: string, substitute: string): string | null {
  const data = (substitute ? typed.replaceAll(substitute, GS) : typed).trim();
  return data === '' ? null : data;
}

/** The four data elements printed in clear on a pack, as a person types them. */
export interface ManualEntry {
  gtin: string;
  serial: string;
  lot: string;
  expiry: string;
}

/**
 * A GTIN as typed: spaces dropped, and an 8, 12 or 13-digit one (GTIN-8, UPC-A, EAN-13 printed
 * as such) written with leading zeros as the GTIN-14 that AI (01) carries. Anything else is left
 * as typed, for the API to say what is wrong with it.
 * @example normaliseGtin('9506000 134352') // '09506000134352'
 */
export function normaliseGtin(typed: string): string {
  const gtin = typed.replace(/\s+/g, '');
  return /^(\d{8}|\d{12}|\d{13})$/.test(gtin) ? gtin.padStart(14, '0') : gtin;
}

/**
 * An expiry as typed, as GS1 writes it (YYMMDD, day 00 for the end of the month): YYMMDD as it
 * is, `YYYY-MM-DD`, `DD/MM/YYYY`, and `YYYY-MM` or `MM/YYYY` (month only: day 00). Anything else
 * is left as typed, for the API to say what is wrong with it.
 * @example normaliseExpiry('2030-12') // '301200'
 * @example normaliseExpiry('31/12/2030') // '301231'
 */
export function normaliseExpiry(typed: string): string {
  const text = typed.trim();
  const forms: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^(\d{2})(\d{2})(\d{2})$/, (m) => `${m[1]}${m[2]}${m[3]}`],
    [/^\d{2}(\d{2})-(\d{2})-(\d{2})$/, (m) => `${m[1]}${m[2]}${m[3]}`],
    [/^(\d{2})[/.](\d{2})[/.]\d{2}(\d{2})$/, (m) => `${m[3]}${m[2]}${m[1]}`],
    [/^\d{2}(\d{2})-(\d{2})$/, (m) => `${m[1]}${m[2]}00`],
    [/^(\d{2})[/.]\d{2}(\d{2})$/, (m) => `${m[2]}${m[1]}00`],
  ];
  for (const [form, write] of forms) {
    const match = form.exec(text);
    if (match) return write(match);
  }
  return text;
}

/**
 * The four data elements as the bracketed GS1 form the API reads, `(01)…(17)…(10)…(21)…`, each
 * value trimmed and a `(` inside one escaped as `\(`.
 * @example manualCode({ gtin: '9506000134352', serial: 'X7Q2', lot: 'L42', expiry: '2030-12' })
 * // '(01)09506000134352(17)301200(10)L42(21)X7Q2'
 */
export function manualCode(entry: ManualEntry): string {
  const value = (text: string) => text.trim().replaceAll('(', '\\(');
  return [
    `(01)${value(normaliseGtin(entry.gtin))}`,
    `(17)${value(normaliseExpiry(entry.expiry))}`,
    `(10)${value(entry.lot)}`,
    `(21)${value(entry.serial)}`,
  ].join('');
}
