// Property tests: for random valid pharma data (GTIN with its check digit, lot and serial from
// GS1 character set 82, a real expiry date), writing then reading gives back the same AIs in
// each of the three forms: element string, bracketed text and Digital Link.

import fc from 'fast-check';
import { parseBracketed, toBracketed } from './bracketed';
import { gs1CheckDigit } from './check-digit';
import { buildDigitalLink, parseDigitalLink } from './digital-link';
import { parseElementString, toElementString } from './element-string';
import type { Gs1Ai } from './gs1-data';
import { parseScanData } from './scan-data';

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const cset82 = (max: number) =>
  fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
const gtin = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 })
  .map((d) => `${d.join('')}${gs1CheckDigit(d.join(''))}`);
const two = (n: number) => String(n).padStart(2, '0');
/** YYMMDD with day 00 allowed (yymmd0), always a real date; leap years by YY % 4. */
const expiry = fc
  .record({
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.nat(31),
  })
  .map(({ yy, mm, dd }) => {
    const days = mm === 2 ? (yy % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mm) ? 30 : 31;
    return `${two(yy)}${two(mm)}${two(dd % (days + 1))}`;
  });

/** Canonical Digital Link order: key, qualifiers (10 then 21), then attributes (17). */
const pack = fc
  .record({
    gtin,
    lot: fc.option(cset82(20)),
    serial: fc.option(cset82(20)),
    expiry: fc.option(expiry),
  })
  .map(({ gtin: g, lot, serial, expiry: exp }) => {
    const ais: Gs1Ai[] = [{ ai: '01', value: g }];
    if (lot !== null) ais.push({ ai: '10', value: lot });
    if (serial !== null) ais.push({ ai: '21', value: serial });
    if (exp !== null) ais.push({ ai: '17', value: exp });
    return ais;
  });

test('element string: format then parse is identity (GS and ^ as FNC1)', () => {
  fc.assert(
    fc.property(pack, (ais) => {
      expect(parseElementString(toElementString(ais))).toEqual(ais);
      expect(parseElementString(toElementString(ais, { fnc1: '^' }), { fnc1: '^' })).toEqual(ais);
      expect(parseScanData(`]d2${toElementString(ais)}`)).toEqual({ symbology: ']d2', ais });
    }),
  );
});

test('bracketed: format then parse is identity', () => {
  fc.assert(
    fc.property(pack, (ais) => {
      expect(parseBracketed(toBracketed(ais))).toEqual(ais);
      expect(parseScanData(toBracketed(ais))).toEqual({ symbology: null, ais });
    }),
  );
});

test('Digital Link: build then parse is identity, base included', () => {
  const base = fc.constantFrom('https://id.gs1.org', 'https://example.com/pedigree/', 'http://a');
  fc.assert(
    fc.property(pack, base, (ais, b) => {
      const uri = buildDigitalLink(ais, b);
      expect(parseDigitalLink(uri)).toEqual({ base: b.replace(/\/$/, ''), ais });
      expect(parseScanData(`]Q1${uri}`)).toEqual({ symbology: ']Q1', ais });
    }),
  );
});

test('Digital Link canonical form does not depend on input order', () => {
  fc.assert(
    fc.property(pack, fc.nat(), (ais, seed) => {
      const shuffled = [...ais].sort(
        (a, b) => ((a.ai.charCodeAt(0) * seed) % 7) - ((b.ai.charCodeAt(0) * seed) % 7),
      );
      expect(buildDigitalLink(shuffled)).toBe(buildDigitalLink(ais));
    }),
  );
});
