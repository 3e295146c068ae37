// The bytes a ledger leaf commits to: the JSON Canonicalization Scheme (RFC 8785) encoded as
// UTF-8. Object keys are sorted by UTF-16 code units, no whitespace is written, and strings and
// numbers are serialised as ECMAScript's JSON.stringify does, which is what RFC 8785 specifies.
// Two systems that hold the same event therefore hash the same bytes.

import { LedgerError } from './ledger-error';

/** A value canonical JSON can hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The RFC 8785 canonical form of `value` as UTF-8 bytes.
 * @throws LedgerError INVALID_ARGUMENT on a non-finite number or a value JSON cannot hold
 * @example new TextDecoder().decode(canonicalJson({ b: 1, a: [true, null] })) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: JsonValue): Uint8Array {
  return new TextEncoder().encode(serialise(value));
}

function serialise(value: JsonValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new LedgerError('INVALID_ARGUMENT', `Canonical JSON cannot hold the number ${value}.`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${serialise(value[key])}`).join(',')}}`;
  }
  throw new LedgerError('INVALID_ARGUMENT', `Canonical JSON cannot hold a ${typeof value}.`);
}
