// A print-ready sheet of pack labels: A4 pages of 3 × 8 labels of 70 × 36 mm (the common
// 24-per-sheet label stock), each with the GS1 DataMatrix, the QR code of the Digital Link and the
// human-readable text under GS1's rules for healthcare: data titles instead of AIs in brackets,
// GTIN, LOT, EXP and SN, and the expiry as YYYY-MM-DD (YYYY-MM when its day is 00, as encoded).
// The symbols are drawn at a fixed module size, not stretched to a box, because a scanner's
// tolerance is set in millimetres per module.

import { expiryIsoDate } from '@pedigree/domain';
import { parseElementString } from '@pedigree/gs1';
import { dataMatrix, qrCode } from './symbols';
import { escapeHtml } from '@pedigree/html';

/** One pack's label: what its DataMatrix and its QR code carry. */
export interface SheetLabel {
  /** The GS1 element string, with (01), (17), (10) and (21). */
  elementString: string;
  digitalLink: string;
}

export interface SheetOptions {
  /** Shown above the labels on screen, never printed, e.g. the batch and the range. */
  title: string;
  /** Resolves the century of the expiry (GS1's sliding window). */
  now: Date;
}

const LABELS_PER_PAGE = 24;

/** Module sizes: DataMatrix 0.5 mm, QR 0.4 mm (BWIPP draws 4 SVG units a module, qrcode 1). */
const DATAMATRIX_MM_PER_UNIT = 0.5 / 4;
const QR_MM_PER_UNIT = 0.4;

/** The data titles GS1 gives for healthcare HRI, in the order printed. */
const TITLES: ReadonlyArray<readonly [ai: string, title: string]> = [
  ['01', 'GTIN'],
  ['10', 'LOT'],
  ['17', 'EXP'],
  ['21', 'SN'],
];

const STYLE = `
@page { size: A4 portrait; margin: 4.5mm 0; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font: 7.5pt/1.3 "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; color: #000; }
.page { display: grid; grid-template-columns: repeat(3, 70mm); grid-auto-rows: 36mm; width: 210mm; }
.page + .page { break-before: page; }
.label { display: grid; grid-template-columns: 1fr auto; grid-template-rows: auto 1fr;
  column-gap: 2mm; padding: 2mm 3mm; overflow: hidden; break-inside: avoid; }
.label .dm { grid-row: 1; grid-column: 1; }
.label .qr { grid-row: 1 / span 2; grid-column: 2; align-self: center; }
.label dl { grid-row: 2; grid-column: 1; margin: 1mm 0 0; }
.label dl div { white-space: nowrap; }
.label dt, .label dd { display: inline; margin: 0; }
.label dt { font-weight: bold; margin-right: 1.5mm; }
svg { display: block; }
@media screen {
  body { background: #e5e5e5; padding: 8mm 0; }
  h1 { font-size: 11pt; width: 210mm; margin: 0 auto 4mm; }
  .page { margin: 0 auto 8mm; background: #fff; padding: 4.5mm 0; }
  .label { outline: 0.2mm dashed #bbb; outline-offset: -0.1mm; }
}
@media print {
  h1 { display: none; }
}`;

/**
 * The HTML of a sheet with one label per entry, in order.
 * @throws {Gs1Error} when an element string is not valid GS1 data
 * @example await labelSheet([{ elementString, digitalLink }], { title: 'L42', now: new Date() })
 * // '<!doctype html><html lang="en">...'
 */
export async function labelSheet(
  labels: readonly SheetLabel[],
  options: SheetOptions,
): Promise<string> {
  const rendered: string[] = [];
  for (const label of labels) {
    rendered.push(await renderLabel(label, options.now));
    // A label takes some 8 ms of CPU, so a sheet of 500 would hold the event loop for seconds;
    // yielding after each lets the process answer verifications (300 ms at most) meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const pages: string[] = [];
  for (let start = 0; start < rendered.length; start += LABELS_PER_PAGE) {
    pages.push(
      `<section class="page">${rendered.slice(start, start + LABELS_PER_PAGE).join('')}</section>`,
    );
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
${pages.join('\n')}
</body>
</html>
`;
}

async function renderLabel(label: SheetLabel, now: Date): Promise<string> {
  const ais = parseElementString(label.elementString);
  const [matrix, qr] = await Promise.all([
    dataMatrix(label.elementString, 'svg'),
    qrCode(label.digitalLink, 'svg'),
  ]);
  const text = TITLES.flatMap(([ai, title]) => {
    const value = ais.find((entry) => entry.ai === ai)?.value;
    if (value === undefined) return [];
    const shown = ai === '17' ? expiryText(value, now) : value;
    return [`<div><dt>${title}</dt><dd>${escapeHtml(shown)}</dd></div>`];
  });
  return (
    `<article class="label">` +
    `<div class="dm">${sized(matrix, DATAMATRIX_MM_PER_UNIT)}</div>` +
    `<div class="qr">${sized(qr, QR_MM_PER_UNIT)}</div>` +
    `<dl>${text.join('')}</dl></article>`
  );
}

/** YYYY-MM-DD, or YYYY-MM for day 00, which the pack encodes as "the end of the month". */
function expiryText(yymmdd: string, now: Date): string {
  const iso = expiryIsoDate(yymmdd, now) ?? yymmdd;
  return yymmdd.endsWith('00') ? iso.slice(0, 7) : iso;
}

/** Gives an SVG its printed size from its viewBox, and hides it from screen readers (the text follows). */
function sized(svg: string, mmPerUnit: number): string {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error('the symbol SVG has no viewBox');
  const [width, height] = [Number(box[1]) * mmPerUnit, Number(box[2]) * mmPerUnit];
  return svg.replace(
    '<svg ',
    `<svg width="${width.toFixed(2)}mm" height="${height.toFixed(2)}mm" aria-hidden="true" `,
  );
}
