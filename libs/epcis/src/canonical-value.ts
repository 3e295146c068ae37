// How one value is written in the pre-hash (rules 5 to 9 and 14 to 18 of the algorithm): trimmed;
// timestamps in UTC at millisecond precision; numbers without trailing zeros; standard
// vocabulary as full CBV URIs; CURIEs expanded; EPC URIs and Digital Links in the constrained
// canonical Digital Link form. The same event written by two systems then reads the same.

import { localName, splitCurie, type Prefixes } from './context';
import { canonicalDigitalLink } from './digital-link';
import { epcUriToDigitalLink } from './epc-uri';
import { CBV_URNS, type Vocabulary } from './vocabulary';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})?$/;

/**
 * An xsd:dateTime as UTC with exactly three fraction digits; sub-millisecond digits round half
 * up (`.1415` → `.142`). A time without an offset is read as UTC, so that the result never
 * depends on the machine's time zone. Null when the text is not such a date-time.
 * @throws never
 * @example canonicalTimestamp('2005-04-03T20:33:31.116000-06:00') // '2005-04-04T02:33:31.116Z'
 */
export function canonicalTimestamp(text: string): string | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const fraction = match[7] ?? '';
  const offset = match[8] ?? 'Z';
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) return null;
  let millis = date.getTime();
  if (fraction.charCodeAt(3) >= 0x35) millis += 1;
  if (offset !== 'Z' && offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    millis -= sign * offsetMinutes * 60_000;
  }
  return new Date(millis).toISOString();
}

/**
 * A number as the reference implementation (Python) writes it: an integral value as an integer
 * (`452.0` → `452`), anything else in the shortest form that reads back the same, with an
 * exponent below 1e-4 (`1e-05`).
 * @throws never
 * @example canonicalNumber(26.0) // '26'
 */
export function canonicalNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const power = Number(exponent);
  return power < -4 ? `${mantissa}e-${String(-power).padStart(2, '0')}` : String(value);
}

/** Python's float literal: digits with single `_` separators, optional fraction and exponent. */
const NUMERIC_TEXT =
  /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/**
 * A value of the pre-hash, written as rules 5 to 9 and 14 to 18 say.
 * @param value the JSON value (never an object or array)
 * @param key the field's key; a name containing `time` but not `offset` marks a timestamp
 * @param prefixes CURIE prefixes in force
 * @param vocabulary the standard vocabulary of this field, if it has one
 */
export function canonicalValue(
  value: string | number | boolean,
  key: string,
  prefixes: Prefixes,
  vocabulary?: Vocabulary,
): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) ? canonicalNumber(value) : String(value);
  }
  const text = value.trim();
  const name = localName(key).toLowerCase();
  if (name.includes('time') && !name.includes('offset')) {
    const timestamp = canonicalTimestamp(text);
    if (timestamp !== null) return timestamp;
  }
  for (const [urn, uri] of CBV_URNS) {
    if (text.startsWith(urn)) return uri + text.slice(urn.length);
  }
  if (vocabulary?.words.has(text)) return vocabulary.base + text;
  const curie = splitCurie(text, prefixes);
  if (curie) return curie[0] + curie[1];
  if (NUMERIC_TEXT.test(text)) {
    const number = Number(text.replaceAll('_', ''));
    if (Number.isFinite(number)) return canonicalNumber(number);
  }
  return canonicalEpc(text);
}

/**
 * An identifier in the one form two systems compare: an EPC URN or any GS1 Digital Link as the
 * canonical `https://id.gs1.org/...` URI; anything else as it is.
 * @example canonicalEpc('urn:epc:id:sscc:0614141.1234567890') // 'https://id.gs1.org/00/106141412345678908'
 */
export function canonicalEpc(text: string): string {
  if (text.startsWith('urn:epc:')) return epcUriToDigitalLink(text) ?? text;
  return canonicalDigitalLink(text) ?? text;
}
