// GS1 mod-10 check digits against the examples of the GS1 General Specifications and the
// identifiers used across the standards' test data.

import {
  gs1CheckDigit,
  hasValidCheckDigit,
  isValidGln,
  isValidGtin,
  isValidSscc,
} from './check-digit';
import { Gs1Error } from './gs1.error';

describe('gs1CheckDigit', () => {
  test.each([
    ['0950600013435', 2], // GTIN-14 09506000134352
    ['211234567890', 0], // EAN-13 2112345678900
    ['0234567', 3], // EAN-8 02345673
    ['00614141123456789', 0], // SSCC 006141411234567890
    ['952012345678', 8], // GLN 9520123456788
  ])('%s -> %d', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
  });

  test('rejects non-digits with a sentence', () => {
    expect(() => gs1CheckDigit('12A')).toThrow(Gs1Error);
    expect(() => gs1CheckDigit('')).toThrow('must be digits only');
  });
});

describe('validators', () => {
  test('hasValidCheckDigit', () => {
    expect(hasValidCheckDigit('09506000134352')).toBe(true);
    expect(hasValidCheckDigit('09506000134353')).toBe(false);
    expect(hasValidCheckDigit('0950600013435A')).toBe(false);
    expect(hasValidCheckDigit('7')).toBe(false);
  });

  test('isValidGtin accepts GTIN-8/12/13/14 only', () => {
    expect(
      ['02345673', '416000336108', '2112345678900', '09506000134352'].map(isValidGtin),
    ).toEqual([true, true, true, true]);
    expect(isValidGtin('000002345673')).toBe(true);
    expect(isValidGtin('0000000002345673')).toBe(false); // 16 digits
    expect(isValidGtin('2112345678901')).toBe(false);
  });

  test('isValidGln and isValidSscc check length and check digit', () => {
    expect(isValidGln('9520123456788')).toBe(true);
    expect(isValidGln('9520123456787')).toBe(false);
    expect(isValidGln('09520123456788')).toBe(false);
    expect(isValidSscc('006141411234567890')).toBe(true);
    expect(isValidSscc('006141411234567891')).toBe(false);
    expect(isValidSscc('06141411234567890')).toBe(false);
  });
});
