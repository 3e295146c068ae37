// What scanners actually send: a symbology identifier (`]d2` GS1 DataMatrix, `]Q3` GS1 QR,
// `]C1` GS1-128, `]e0` GS1 DataBar, `]J1`, ...) then an element string with GS for FNC1; or a
// Digital Link URI in a plain QR/DataMatrix (`]Q1`, `]d1`, `]J0`); or, from keyboard-wedge
// scanners that send no identifier, the bare element string, bracketed text or bare URI.

import { shown } from './ai-table';
import { gs1CheckDigit } from './check-digit';
import { isDigitalLinkScheme, parseDigitalLink } from './digital-link';
import { parseBracketed } from './bracketed';
import { GS, parseElementString } from './element-string';
import { Gs1Error } from './gs1.error';
import type { Gs1Ai, Gs1Data, Gs1ParseOptions } from './gs1-data';
import { checkParsed } from './validate';

/** Symbology identifiers whose data is a GS1 element string (FNC1 in first position). */
const GS1_MODES: Readonly<Record<string, string>> = {
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']C1': 'GS1-128',
  ']e0': 'GS1 DataBar or composite',
  ']J1': 'GS1 DotCode',
};
/** Symbology identifiers of plain (non-GS1) modes, which may carry a Digital Link URI. */
const PLAIN_MODES: Readonly<Record<string, string>> = {
  ']Q1': 'QR Code',
  ']d1': 'Data Matrix',
  ']J0': 'DotCode',
};
/** EAN/UPC identifiers and the number of digits they carry. */
const EAN_UPC: Readonly<Record<string, { name: string; digits: number }>> = {
  ']E0': { name: 'EAN-13/UPC-A', digits: 13 },
  ']E4': { name: 'EAN-8', digits: 8 },
};

function notGs1(why: string): Gs1Error {
  return new Gs1Error('NOT_GS1_DATA', `not GS1 data: ${why}`);
}

/** A plain EAN/UPC: check it, then refuse it or, with `eanUpcAsGtin`, read it as AI (01). */
function parseEanUpc(sym: string, data: string, options: Gs1ParseOptions): Gs1Ai[] {
  const { name, digits } = EAN_UPC[sym];
  const [linear, composite] = data.split(/\|(.*)/s);
  if (linear.length !== digits) {
    throw new Gs1Error(
      'BAD_LENGTH',
      `the ${name} barcode must carry ${digits} digits, found ${linear.length}`,
    );
  }
  if (!/^\d+$/.test(linear)) {
    throw new Gs1Error(
      'BAD_CHARSET',
      `the ${name} barcode ${shown(linear)} must contain digits only`,
    );
  }
  const check = gs1CheckDigit(linear.slice(0, -1));
  if (String(check) !== linear.slice(-1)) {
    throw new Gs1Error(
      'BAD_CHECK_DIGIT',
      `the ${name} barcode ${linear}: check digit should be ${check}`,
      '01',
    );
  }
  if (composite !== undefined && !composite.startsWith(']e0')) {
    throw notGs1(`the ${name} barcode's composite part "${shown(composite)}" is not GS1 data`);
  }
  if (!options.eanUpcAsGtin) {
    throw notGs1(
      `the ${name} barcode ${linear} holds a bare product number without application identifiers`,
    );
  }
  const ais = [{ ai: '01', value: linear.padStart(14, '0') }];
  if (composite !== undefined)
    ais.push(...parseElementString(composite.slice(3), { validate: false }));
  checkParsed(ais, options.validate);
  return ais;
}

/**
 * Parses one scan as a scanner transmits it, and validates it (check digits, dates, pairings)
 * unless `validate: false`.
 * @throws {Gs1Error} NOT_GS1_DATA for plain text, a plain EAN/UPC, non-URI text in a plain
 * QR/DataMatrix or an unknown symbology; otherwise the code of the first problem
 * @example parseScanData(']d20109506000134352172612311012AB\x1d21XYZ')
 * // { symbology: ']d2', ais: [{ai:'01',...}, {ai:'17',...}, {ai:'10',value:'12AB'}, {ai:'21',value:'XYZ'}] }
 */
export function parseScanData(input: string, options: Gs1ParseOptions = {}): Gs1Data {
  if (input === '') throw notGs1('the scan is empty');
  if (input.startsWith(']')) {
    const sym = input.slice(0, 3);
    const data = input.slice(3);
    if (sym.length < 3) throw notGs1(`"${shown(input)}" is not a complete symbology identifier`);
    if (Object.hasOwn(GS1_MODES, sym)) {
      if (data === '') throw notGs1(`the ${GS1_MODES[sym]} scan (${sym}) carries no data`);
      return { symbology: sym, ais: parseElementString(data, { validate: options.validate }) };
    }
    if (Object.hasOwn(PLAIN_MODES, sym)) {
      if (!isDigitalLinkScheme(data)) {
        const what = data === '' ? 'nothing' : `the text "${shown(data)}"`;
        throw notGs1(`the ${PLAIN_MODES[sym]} (${sym}) holds ${what}, not a GS1 Digital Link URI`);
      }
      return { symbology: sym, ais: parseDigitalLink(data, options).ais };
    }
    if (Object.hasOwn(EAN_UPC, sym))
      return { symbology: sym, ais: parseEanUpc(sym, data, options) };
    throw notGs1(`the symbology identifier ${shown(sym)} is not one that carries GS1 data`);
  }
  if (input.startsWith('(')) return { symbology: null, ais: parseBracketed(input, options) };
  if (isDigitalLinkScheme(input))
    return { symbology: null, ais: parseDigitalLink(input, options).ais };
  if (/^\d/.test(input) || input.startsWith(GS)) {
    return { symbology: null, ais: parseElementString(input, { validate: options.validate }) };
  }
  throw notGs1(`"${shown(input)}" is neither a GS1 barcode nor a Digital Link URI`);
}
