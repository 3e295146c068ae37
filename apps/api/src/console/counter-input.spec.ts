// What the counter page sends must be what the API reads: each typed form goes through the
// API's own parser (parseScanData) here, for fixed cases and for random valid pharma data.

import { GS as GS1_GS, gs1CheckDigit, parseScanData } from '@pedigree/gs1';
import { GS_SUBSTITUTE } from '@pedigree/scanner';
import fc from 'fast-check';
import {
  DEFAULT_GS_SUBSTITUTE,
  GS,
  manualCode,
  normaliseExpiry,
  normaliseGtin,
  scanData,
} from './counter-input';

const ais = (data: string) =>
  Object.fromEntries(parseScanData(data).ais.map(({ ai, value }) => [ai, value]));

describe('scanData', () => {
  it('keeps the raw GS byte and drops the line ending', () => {
    expect(scanData(`]d20109506000134352172812311042${GS}21ABC\r\n`, '')).toBe(
      `]d20109506000134352172812311042${GS}21ABC`,
    );
  });

  it('turns the substitute the scanner sends into GS, whatever it is', () => {
    for (const substitute of ['^', '|', '~', '<GS>']) {
      const typed = `]d2010950600013435210L42${substitute}21X7Q2`;
      expect(ais(scanData(typed, substitute)!)).toEqual({
        '01': '09506000134352',
        '10': 'L42',
        '21': 'X7Q2',
      });
    }
  });

  it('uses the scanner agent’s default substitute, <GS>, and GS1’s separator', () => {
    expect(DEFAULT_GS_SUBSTITUTE).toBe(GS_SUBSTITUTE);
    expect(GS).toBe(GS1_GS);
  });

  it('leaves a Digital Link or bracketed AIs as they are, and an empty scan as nothing', () => {
    const link = 'https://id.gs1.org/01/09506000134352/10/L42/21/X7Q2?17=281231';
    expect(scanData(link, '^')).toBe(link);
    expect(scanData('(01)09506000134352(21)X7Q2', '^')).toBe('(01)09506000134352(21)X7Q2');
    expect(scanData(' \r\n', '^')).toBeNull();
  });
});

describe('manual entry', () => {
  it('writes a GTIN-8, -12 or -13 as the GTIN-14 of AI (01), and leaves anything else', () => {
    expect(normaliseGtin('9506000 134352')).toBe('09506000134352');
    expect(normaliseGtin('09506000134352')).toBe('09506000134352');
    expect(normaliseGtin('95012346')).toBe('00000095012346');
    expect(normaliseGtin('950600013435')).toBe('00950600013435');
    expect(normaliseGtin('PZN-1234567')).toBe('PZN-1234567');
  });

  it('reads the expiry in the forms printed on packs, day 00 for a month', () => {
    expect(normaliseExpiry('301231')).toBe('301231');
    expect(normaliseExpiry('2030-12-31')).toBe('301231');
    expect(normaliseExpiry('31/12/2030')).toBe('301231');
    expect(normaliseExpiry('31.12.2030')).toBe('301231');
    expect(normaliseExpiry('2030-12')).toBe('301200');
    expect(normaliseExpiry('12/2030')).toBe('301200');
    expect(normaliseExpiry(' Dec 2030 ')).toBe('Dec 2030');
  });

  it('gives the API the four elements in the bracketed form, a "(" in a value escaped', () => {
    const code = manualCode({
      gtin: '9506000134352',
      serial: 'A(1)B',
      lot: ' L42 ',
      expiry: '12/2030',
    });
    expect(code).toBe('(01)09506000134352(17)301200(10)L42(21)A\\(1)B');
    expect(ais(code)).toEqual({
      '01': '09506000134352',
      '17': '301200',
      '10': 'L42',
      '21': 'A(1)B',
    });
  });

  it('lets the API say what is wrong with a typed code', () => {
    const code = manualCode({ gtin: '09506000134353', serial: 'X', lot: 'L', expiry: '301231' });
    expect(() => parseScanData(code)).toThrow(/check digit/);
  });

  it('is read back as typed, for any valid pharma data (property)', () => {
    const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
    const cset82 = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 });
    const gtin13 = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
      .map((d) => `${d.join('')}${gs1CheckDigit(d.join(''))}`);
    const expiry = fc
      .record({
        year: fc.integer({ min: 2000, max: 2049 }),
        month: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ year, month }) => `${String(month).padStart(2, '0')}/${year}`);
    fc.assert(
      fc.property(gtin13, cset82, cset82, expiry, (gtin, serial, lot, exp) => {
        expect(ais(manualCode({ gtin, serial, lot, expiry: exp }))).toEqual({
          '01': `0${gtin}`,
          '17': `${exp.slice(5)}${exp.slice(0, 2)}00`,
          '10': lot,
          '21': serial,
        });
      }),
    );
  });
});
