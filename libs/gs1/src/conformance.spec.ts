// Every case of the GS1 Syntax Engine's Digital Link and scan-data tests, in
// ../shared/standards/gs1/, asserted one by one under default options (and, for the cases the
// engine ran with a leniency switched on, under the matching option where this library has one).
// How each class of case is treated is written down in libs/gs1/README.md.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDigitalLink, type DigitalLinkOptions } from './digital-link';
import { toElementString } from './element-string';
import { Gs1Error, type Gs1ErrorCode } from './gs1.error';
import type { Gs1Ai } from './gs1-data';
import { parseScanData } from './scan-data';

const STANDARDS = join(__dirname, '../../../../shared/standards/gs1');
const load = <T>(file: string): { cases: T[] } =>
  JSON.parse(readFileSync(join(STANDARDS, file), 'utf8')) as { cases: T[] };

interface DlCase {
  valid: boolean;
  uri: string;
  elementString: string;
  onlyWithNonDefaultOptions?: string[];
}
interface ScanCase {
  valid: boolean;
  scanData: string;
  symbology: string;
  expected: string;
}

/** The case file's notation: `^` then the element string with `^` for FNC1. */
const caret = (ais: Gs1Ai[]): string => `^${toElementString(ais, { fnc1: '^' })}`;
const printable = (s: string): string => JSON.stringify(s).replace(/\\u001d/g, '<GS>');

function codeOf(run: () => unknown): Gs1ErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (e) {
    if (e instanceof Gs1Error) return e.code;
    throw e;
  }
}

/** The engine's option names, mapped to ours; undefined where this library has no such option. */
const OPTIONS: Readonly<Record<string, DigitalLinkOptions | undefined>> = {
  PermitZeroSuppressedGTINinDLuris: { permitZeroSuppressedGtin: true },
  permitConvenienceAlphas: { permitConvenienceAlphas: true },
  PermitUnknownAIs: undefined,
  'validation:UNKNOWN_AI_NOT_DL_ATTR': undefined,
};

describe('GS1 Digital Link parse cases', () => {
  const dl = load<DlCase>('digital-link-parse-cases.json').cases;
  const plain = dl.filter((c) => !c.onlyWithNonDefaultOptions);
  const lenient = dl.filter((c) => c.onlyWithNonDefaultOptions);

  test.each(plain.filter((c) => c.valid).map((c) => [c.uri, c.elementString, c] as const))(
    'accepts %s as %s',
    (_uri, _es, c) => {
      expect(caret(parseDigitalLink(c.uri).ais)).toBe(c.elementString);
    },
  );

  test.each(plain.filter((c) => !c.valid).map((c) => [printable(c.uri), c] as const))(
    'rejects %s',
    (_uri, c) => {
      expect(codeOf(() => parseDigitalLink(c.uri))).not.toBe('no error');
    },
  );

  test.each(lenient.map((c) => [c.uri, (c.onlyWithNonDefaultOptions ?? []).join('+'), c] as const))(
    'rejects %s under default options (engine option %s)',
    (_uri, _opts, c) => {
      expect(codeOf(() => parseDigitalLink(c.uri))).not.toBe('no error');
    },
  );

  const names = (c: DlCase) => c.onlyWithNonDefaultOptions ?? [];
  const supported = lenient.filter((c) => names(c).every((n) => OPTIONS[n] !== undefined));
  test.each(supported.map((c) => [c.uri, c.valid ? c.elementString : 'rejected', c] as const))(
    'with the matching option, reads %s as %s',
    (_uri, _es, c) => {
      const options = Object.assign({}, ...names(c).map((n) => OPTIONS[n])) as DigitalLinkOptions;
      if (c.valid) expect(caret(parseDigitalLink(c.uri, options).ais)).toBe(c.elementString);
      else expect(codeOf(() => parseDigitalLink(c.uri, options))).not.toBe('no error');
    },
  );
});

describe('GS1 scan-data cases', () => {
  const scans = load<ScanCase>('scan-data-cases.json').cases;
  const gs1 = scans.filter((c) => c.valid && c.expected.startsWith('^'));
  const uri = scans.filter((c) => c.valid && /^https?:\/\//i.test(c.expected));
  const ean = scans.filter((c) => c.valid && /^\d/.test(c.expected));
  const text = scans.filter(
    (c) => c.valid && !gs1.includes(c) && !uri.includes(c) && !ean.includes(c),
  );
  const invalid = scans.filter((c) => !c.valid);

  test.each(gs1.map((c) => [printable(c.scanData), c.expected, c] as const))(
    'reads GS1 data %s as %s',
    (_scan, _expected, c) => {
      const data = parseScanData(c.scanData);
      expect(data.symbology).toBe(c.scanData.slice(0, 3));
      expect(caret(data.ais)).toBe(c.expected);
    },
  );

  test.each(uri.map((c) => [c.scanData, c] as const))(
    'reads the Digital Link in %s as the Digital Link parser does',
    (_scan, c) => {
      let expected: Gs1Ai[] | 'NOT_GS1_DATA';
      try {
        expected = parseDigitalLink(c.expected).ais;
      } catch {
        expected = 'NOT_GS1_DATA';
      }
      if (expected === 'NOT_GS1_DATA')
        expect(codeOf(() => parseScanData(c.scanData))).toBe(expected);
      else
        expect(parseScanData(c.scanData)).toEqual({
          symbology: c.scanData.slice(0, 3),
          ais: expected,
        });
    },
  );

  test.each(text.map((c) => [printable(c.scanData), c] as const))(
    'refuses the plain text %s as NOT_GS1_DATA',
    (_scan, c) => {
      expect(codeOf(() => parseScanData(c.scanData))).toBe('NOT_GS1_DATA');
    },
  );

  test.each(ean.map((c) => [printable(c.scanData), c] as const))(
    'refuses the plain EAN/UPC %s as NOT_GS1_DATA, reads it as (01) with eanUpcAsGtin',
    (_scan, c) => {
      expect(codeOf(() => parseScanData(c.scanData))).toBe('NOT_GS1_DATA');
      const [linear, composite] = c.expected.split('|');
      // (01) is of predefined length: no FNC1 between it and the composite's first AI.
      const gtin = `^01${linear.padStart(14, '0')}`;
      const data = parseScanData(c.scanData, { eanUpcAsGtin: true });
      expect(caret(data.ais)).toBe(composite ? `${gtin}${composite.slice(1)}` : gtin);
    },
  );

  test.each(invalid.map((c) => [printable(c.scanData), c] as const))('rejects %s', (_scan, c) => {
    expect(codeOf(() => parseScanData(c.scanData))).not.toBe('no error');
    expect(codeOf(() => parseScanData(c.scanData, { eanUpcAsGtin: true }))).not.toBe('no error');
  });
});
