/**
 * A keyboard-wedge scanner types each code as a line of text. GS1 data needs the group separator
 * (GS, 0x1D) between variable-length fields; many wedges cannot type it and send a substitute
 * instead, so a line may carry GS as the raw byte or as `<GS>` (set `--gs` for another).
 */
import type { VerdictMessage } from '@pedigree/contracts';

/** The default text that stands for GS in a typed line. */
export const GS_SUBSTITUTE = '<GS>';

/**
 * The scan data a typed line stands for: GS substitutes replaced, the line ending dropped; null
 * for an empty line.
 * @example wedgeLine(']d201095060001343521X1<GS>10L1\r') // ']d201095060001343521X1\u001d10L1'
 */
export function wedgeLine(line: string, substitute = GS_SUBSTITUTE): string | null {
  const data = line.replace(/\r?\n?$/, '').replaceAll(substitute, '\u001d');
  return data.trim() === '' ? null : data;
}

/**
 * A verdict in plain words for the person at the scanner: `OK` or `REFUSED <CODE>`, then the
 * sentence, then the particulars.
 * @example describeVerdict(message, 0) // 'OK: This pack is genuine and may be supplied.'
 */
export function describeVerdict(message: VerdictMessage, index: number): string {
  if (!message.accepted) {
    return `NOT RECORDED ${message.reason}: ${message.detail}`;
  }
  const verdict = message.verdicts[index];
  if (!verdict) return 'NO VERDICT: the platform answered without this scan.';
  const head = verdict.code === 'OK' ? 'OK' : `REFUSED ${verdict.code}`;
  return `${head}: ${verdict.sentence}${verdict.detail ? ` (${verdict.detail})` : ''}`;
}
