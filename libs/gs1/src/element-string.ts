// GS1 element strings: AIs and values run together, with FNC1 (sent by scanners as ASCII 29,
// GS) after every value whose AI is not of predefined length, except the last. This is what a
// GS1 DataMatrix, GS1 QR or GS1-128 carries after its symbology identifier.

import { aiAt, requireAi, shown } from './ai-table';
import { Gs1Error } from './gs1.error';
import type { Gs1Ai } from './gs1-data';
import { checkAiValue, checkParsed } from './validate';

/** The ASCII 29 group separator that scanners transmit for FNC1. */
export const GS = '\x1d';

/** Options of the element-string reader and writer. */
export interface ElementStringOptions {
  /** The FNC1 separator (default ASCII 29, GS). */
  fnc1?: string;
  /** See Gs1ParseOptions.validate (default true). */
  validate?: boolean;
}

/**
 * Reads an element string (without symbology identifier; a leading FNC1 is skipped). An FNC1
 * right after a predefined-length AI is tolerated.
 * @throws {Gs1Error} NOT_GS1_DATA when empty, UNKNOWN_AI, BAD_LENGTH, and any validateAis code
 * @example parseElementString('0109506000134352172612311012AB\x1d21XYZ')
 * // [{ai:'01',value:'09506000134352'}, {ai:'17',value:'261231'}, {ai:'10',value:'12AB'}, {ai:'21',value:'XYZ'}]
 */
export function parseElementString(data: string, options: ElementStringOptions = {}): Gs1Ai[] {
  const fnc1 = options.fnc1 ?? GS;
  let pos = data.startsWith(fnc1) ? fnc1.length : 0;
  if (pos >= data.length)
    throw new Gs1Error('NOT_GS1_DATA', 'not GS1 data: the element string is empty');
  const ais: Gs1Ai[] = [];
  while (pos < data.length) {
    const entry = aiAt(data, pos);
    if (!entry) {
      const at = shown(data.slice(pos), 12);
      const where = pos === 0 ? 'at the start' : `after ${shown(data.slice(0, pos), 24)}`;
      throw new Gs1Error('UNKNOWN_AI', `no known GS1 application identifier ${where}: "${at}"`);
    }
    pos += entry.ai.length;
    let value: string;
    if (entry.predefinedLength) {
      value = data.slice(pos, pos + entry.maxLength);
      pos += value.length;
      if (data.startsWith(fnc1, pos)) pos += fnc1.length;
    } else {
      const end = data.indexOf(fnc1, pos);
      value = data.slice(pos, end < 0 ? data.length : end);
      pos = end < 0 ? data.length : end + fnc1.length;
    }
    checkAiValue(entry.ai, value, false); // names the AI at fault before the next one is read
    ais.push({ ai: entry.ai, value });
  }
  checkParsed(ais, options.validate);
  return ais;
}

/**
 * Writes AIs as an element string, without a leading FNC1 (the symbology carries that): FNC1
 * only after values of AIs that are not of predefined length, never at the end.
 * @throws {Gs1Error} any validateAis code (structure only with `validate: false`)
 * @example toElementString([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'AB' }, { ai: '21', value: 'X' }])
 * // '010950600013435210AB\x1d21X'
 */
export function toElementString(
  ais: readonly Gs1Ai[],
  { fnc1 = GS, validate }: ElementStringOptions = {},
): string {
  checkParsed(ais, validate);
  return ais
    .map(({ ai, value }, i) => {
      const last = i === ais.length - 1;
      return `${ai}${value}${last || requireAi(ai).predefinedLength ? '' : fnc1}`;
    })
    .join('');
}
