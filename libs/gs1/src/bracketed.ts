// The bracketed human-readable form of GS1 data, `(01)09506000134352(17)261231(10)ABC123`, as
// printed under barcodes and typed by people. A `(` inside a value is escaped as `\(`.

import { requireAi, shown } from './ai-table';
import { Gs1Error } from './gs1.error';
import type { Gs1Ai, Gs1ParseOptions } from './gs1-data';
import { checkParsed } from './validate';

/** Options shared by the bracketed reader and writer. */
export type BracketedOptions = Pick<Gs1ParseOptions, 'validate'>;

/**
 * Reads the bracketed human-readable form `(01)09506000134352(10)ABC`. A `(` inside a value is
 * written `\(`.
 * @throws {Gs1Error} NOT_GS1_DATA when the input does not start with `(`, UNKNOWN_AI, and any
 * validateAis code
 * @example parseBracketed('(01)09506000134352(17)261231') // [{ai:'01',...}, {ai:'17',value:'261231'}]
 */
export function parseBracketed(text: string, options: BracketedOptions = {}): Gs1Ai[] {
  if (!text.startsWith('(')) {
    throw new Gs1Error('NOT_GS1_DATA', `not GS1 data: "${shown(text)}" does not start with (AI)`);
  }
  const ais: Gs1Ai[] = [];
  let pos = 0;
  while (pos < text.length) {
    const m = /^\((\d{2,4})\)/.exec(text.slice(pos));
    if (!m) {
      throw new Gs1Error(
        'UNKNOWN_AI',
        `expected an (AI) in brackets at "${shown(text.slice(pos), 12)}"`,
      );
    }
    const ai = requireAi(m[1]).ai;
    pos += m[0].length;
    let value = '';
    while (pos < text.length && text[pos] !== '(') {
      const escaped = text[pos] === '\\' && text[pos + 1] === '(';
      value += escaped ? '(' : text[pos];
      pos += escaped ? 2 : 1;
    }
    ais.push({ ai, value });
  }
  checkParsed(ais, options.validate);
  return ais;
}

/**
 * Writes AIs in the bracketed human-readable form, escaping `(` in values as `\(`.
 * @throws {Gs1Error} any validateAis code (structure only with `validate: false`)
 * @example toBracketed([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'AB' }])
 * // '(01)09506000134352(10)AB'
 */
export function toBracketed(ais: readonly Gs1Ai[], options: BracketedOptions = {}): string {
  checkParsed(ais, options.validate);
  return ais.map(({ ai, value }) => `(${ai})${value.replace(/\(/g, '\\(')}`).join('');
}
