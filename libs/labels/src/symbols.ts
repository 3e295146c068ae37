// The two symbols on a pack's label, as SVG or PNG: a GS1 DataMatrix carrying the GS1 element
// string (FNC1 in first position, GS between variable-length values), which EU packs must carry
// (Delegated Regulation 2016/161, Art. 5), and a QR code carrying the pack's GS1 Digital Link, which
// a phone camera opens as a web page. Both are drawn with a quiet zone and a white background, so
// a PNG reads the same on any page, and an SVG has a viewBox and no fixed size, so it scales.

import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { parseElementString, toBracketed } from '@pedigree/gs1';

export type SymbolFormat = 'svg' | 'png';

/** What each format is served as. */
export const MEDIA_TYPES: Readonly<Record<SymbolFormat, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Pixels per module in a PNG: large enough to print sharply at 300 dpi, about 0.85 mm a module. */
const PNG_MODULE_PX = 10;

/**
 * Level M restores up to 15 % of a damaged QR code: a scuffed carton still reads, and the symbol
 * of a Digital Link with a 20-character lot and serial stays under 60 modules wide.
 */
const QR_ERROR_CORRECTION = 'M';

/** ISO/IEC 18004 asks for a quiet zone of four modules around a QR code. */
const QR_QUIET_MODULES = 4;

/**
 * BWIPP draws a Data Matrix module two points wide, and pads in points: 2 points is the quiet
 * zone of one module that the GS1 DataMatrix Guideline asks for.
 */
const DATAMATRIX_PADDING = 2;

/**
 * A QR code carrying `uri`, byte for byte.
 * @throws {Error} when the text is too long for a QR code (over 2,331 bytes at level M)
 * @example await qrCode('https://verify.example.org/01/09506000134352/10/L42/21/A1?17=281231', 'svg')
 * // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 45 45" ...'
 */
export function qrCode(uri: string, format: 'svg'): Promise<string>;
export function qrCode(uri: string, format: 'png'): Promise<Uint8Array>;
export function qrCode(uri: string, format: SymbolFormat): Promise<string | Uint8Array>;
export async function qrCode(uri: string, format: SymbolFormat): Promise<string | Uint8Array> {
  const options = { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_QUIET_MODULES } as const;
  return format === 'svg'
    ? QRCode.toString(uri, { ...options, type: 'svg' })
    : QRCode.toBuffer(uri, { ...options, type: 'png', scale: PNG_MODULE_PX });
}

/**
 * A GS1 DataMatrix carrying the element string: `]d2` when scanned, then the same AIs, values and
 * GS separators. The element string is read with @pedigree/gs1 first, so a symbol never carries
 * data the platform would refuse to parse.
 * @throws {Gs1Error} when `elementString` is not valid GS1 data (the error names the AI at fault)
 * @example await dataMatrix('0109506000134352172812311042\x1d21A1', 'png') // Uint8Array (PNG)
 */
export function dataMatrix(elementString: string, format: 'svg'): Promise<string>;
export function dataMatrix(elementString: string, format: 'png'): Promise<Uint8Array>;
export function dataMatrix(
  elementString: string,
  format: SymbolFormat,
): Promise<string | Uint8Array>;
export async function dataMatrix(
  elementString: string,
  format: SymbolFormat,
): Promise<string | Uint8Array> {
  const options = {
    bcid: 'gs1datamatrix',
    text: bwippText(elementString),
    // BWIPP reads ^NNN as the character with that code; bwippText uses it for brackets in values.
    parse: true,
    padding: DATAMATRIX_PADDING,
    backgroundcolor: 'FFFFFF',
  };
  return format === 'svg'
    ? bwipjs.toSVG(options)
    : bwipjs.toBuffer({ ...options, scale: PNG_MODULE_PX / 2 });
}

/**
 * BWIPP's input for a GS1 symbol is the bracketed form, where an opening bracket inside a value
 * would be read as the start of the next AI. @pedigree/gs1 writes such a bracket as `\(`, which
 * BWIPP does not know; `^040` (its character code, read with `parse`) says the same to BWIPP. A
 * caret cannot be in GS1 data (no GS1 character set has it), so no value is misread.
 */
function bwippText(elementString: string): string {
  return toBracketed(parseElementString(elementString)).replaceAll('\\(', '^040');
}
