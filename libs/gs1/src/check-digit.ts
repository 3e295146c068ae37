// GS1 mod-10 check digits, shared by GTIN-8/12/13/14, GLN, SSCC, GSRN and every `csum` AI:
// weights 3 and 1 alternate from the rightmost data digit.

import { Gs1Error } from './gs1.error';

/**
 * The GS1 check digit for the digits that precede it.
 * @throws {Gs1Error} BAD_CHARSET when the input is empty or has a non-digit
 * @example gs1CheckDigit('0950600013435') // 2
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) {
    throw new Gs1Error(
      'BAD_CHARSET',
      `cannot compute a check digit: "${digitsWithoutCheck}" must be digits only`,
    );
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * True when the last digit is the GS1 check digit of the others; false for non-digits.
 * @example hasValidCheckDigit('09506000134352') // true
 */
export function hasValidCheckDigit(s: string): boolean {
  if (!/^\d{2,}$/.test(s)) return false;
  return gs1CheckDigit(s.slice(0, -1)) === s.charCodeAt(s.length - 1) - 48;
}

/**
 * A GTIN-8, -12, -13 or -14 with a correct check digit.
 * @example isValidGtin('09506000134352') // true
 */
export function isValidGtin(s: string): boolean {
  return [8, 12, 13, 14].includes(s.length) && hasValidCheckDigit(s);
}

/**
 * A 13-digit GLN (Global Location Number) with a correct check digit.
 * @example isValidGln('9520123456788') // true
 */
export function isValidGln(s: string): boolean {
  return s.length === 13 && hasValidCheckDigit(s);
}

/**
 * An 18-digit SSCC (Serial Shipping Container Code) with a correct check digit.
 * @example isValidSscc('006141411234567890') // true
 */
export function isValidSscc(s: string): boolean {
  return s.length === 18 && hasValidCheckDigit(s);
}
