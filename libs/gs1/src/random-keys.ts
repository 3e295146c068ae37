// Random valid GS1 keys, for simulations and tests: a fleet's sites, products and cases. The
// leading digit keeps them out of real allocations (GLN "9...": no GS1 Company Prefix starts so
// in this form; GTIN and SSCC "0" with random company digits). Uses Web Crypto, so it runs in
// Node and in the browser like the rest of this library.

import { gs1CheckDigit } from './check-digit';

function digits(count: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(count));
  return Array.from(bytes, (b) => String(b % 10)).join('');
}

const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;

/**
 * A random GLN (13 digits, valid check digit).
 * @example isValidGln(randomGln()) // true
 */
export function randomGln(): string {
  return withCheckDigit(`9${digits(11)}`);
}

/**
 * A random GTIN-14 (valid check digit).
 * @example isValidGtin(randomGtin()) // true
 */
export function randomGtin(): string {
  return withCheckDigit(`0${digits(12)}`);
}

/**
 * A random SSCC (18 digits, valid check digit).
 * @example isValidSscc(randomSscc()) // true
 */
export function randomSscc(): string {
  return withCheckDigit(`0${digits(16)}`);
}
