// Byte helpers shared by the library: hex, standard base64 (RFC 4648 §4, strict), big-endian
// u64 and constant-shape comparisons. Written here rather than taken from Buffer so the library
// runs unchanged in the browser.
import { LedgerError } from './ledger-error';

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/**
 * Lower-case hex of `bytes`.
 * @throws never
 * @example toHex(new Uint8Array([1, 255])) // '01ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}

/**
 * Bytes of a hex string (either case, even length).
 * @throws LedgerError INVALID_ENCODING when the string is not hex
 * @example fromHex('01ff') // Uint8Array [1, 255]
 */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new LedgerError(
      'INVALID_ENCODING',
      `"${hex.slice(0, 16)}..." is not an even-length hex string.`,
    );
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Standard base64 with padding (RFC 4648 §4).
 * @throws never
 * @example toBase64(new Uint8Array([0xfb])) // '+w=='
 */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Decodes standard padded base64, rejecting anything but the one canonical encoding
 * (wrong alphabet, missing padding, non-zero trailing bits), so a signature or hash has
 * exactly one textual form.
 * @throws LedgerError INVALID_ENCODING when the text is not canonical base64
 * @example fromBase64('+w==') // Uint8Array [251]
 */
export function fromBase64(text: string): Uint8Array {
  const bad = (): LedgerError =>
    new LedgerError('INVALID_ENCODING', `"${text.slice(0, 24)}" is not canonical padded base64.`);
  if (text.length % 4 !== 0) throw bad();
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      let v: number;
      if (last && c === 61 && j >= 4 - pad) v = 0;
      else v = c < 128 ? B64_INDEX[c]! : -1;
      if (v < 0) throw bad();
      n = (n << 6) | v;
    }
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
    if (last && ((pad === 1 && (n & 0xff) !== 0) || (pad === 2 && (n & 0xffff) !== 0))) throw bad();
  }
  return out;
}

/**
 * Concatenation of byte arrays.
 * @throws never
 * @example concatBytes(a, b).length === a.length + b.length
 */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * True when both arrays hold the same bytes. Not constant-time: only for public data.
 * @throws never
 * @example bytesEqual(root, expectedRoot)
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const TWO_32 = 0x1_0000_0000;

/** Writes a non-negative safe integer as 8 big-endian bytes at `offset`. */
export function writeU64(out: Uint8Array, offset: number, value: number, what: string): void {
  assertU53(value, what);
  const hi = Math.floor(value / TWO_32);
  const lo = value % TWO_32;
  out[offset] = hi >>> 24;
  out[offset + 1] = (hi >>> 16) & 255;
  out[offset + 2] = (hi >>> 8) & 255;
  out[offset + 3] = hi & 255;
  out[offset + 4] = lo >>> 24;
  out[offset + 5] = (lo >>> 16) & 255;
  out[offset + 6] = (lo >>> 8) & 255;
  out[offset + 7] = lo & 255;
}

/** Reads 8 big-endian bytes at `offset`; throws when the value exceeds 2^53 - 1. */
export function readU64(bytes: Uint8Array, offset: number, what: string): number {
  const hi =
    ((bytes[offset]! << 24) |
      (bytes[offset + 1]! << 16) |
      (bytes[offset + 2]! << 8) |
      bytes[offset + 3]!) >>>
    0;
  const lo =
    ((bytes[offset + 4]! << 24) |
      (bytes[offset + 5]! << 16) |
      (bytes[offset + 6]! << 8) |
      bytes[offset + 7]!) >>>
    0;
  const value = hi * TWO_32 + lo;
  if (hi >= 0x20_0000) {
    throw new LedgerError(
      'INVALID_ENCODING',
      `${what} exceeds 2^53 - 1, the largest size this library handles.`,
    );
  }
  return value;
}

/** Throws unless `value` is an integer in [0, 2^53 - 1]. */
export function assertU53(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `${what} must be an integer between 0 and 2^53 - 1, got ${value}.`,
    );
  }
}

/** Throws unless `bytes` is a Uint8Array of exactly `length` bytes. */
export function assertLength(bytes: Uint8Array, length: number, what: string): void {
  if (!isBytes(bytes) || bytes.length !== length) {
    const got = isBytes(bytes) ? `${bytes.length} bytes` : typeof bytes;
    throw new LedgerError('INVALID_ARGUMENT', `${what} must be ${length} bytes, got ${got}.`);
  }
}

/**
 * True for a Uint8Array, including a Node Buffer or one made in another realm (a test VM).
 * @throws never
 * @example isBytes(new Uint8Array(2)) // true
 */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) &&
      (value as Uint8Array).BYTES_PER_ELEMENT === 1 &&
      !(value instanceof DataView))
  );
}
