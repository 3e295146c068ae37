// C2SP signed-note keys (https://c2sp.org/signed-note, golang.org/x/mod/sumdb/note).
//
// KEY ENCODINGS:
//   key ID = SHA-256(name || 0x0A || type || 32-byte Ed25519 public key)[:4], read big-endian
//   type   = 0x01 for Ed25519 note signatures, 0x04 for tlog-cosignature/v1 (timestamped) keys
//   vkey   = name "+" hex8(key ID) "+" base64(type || public key)
//   skey   = "PRIVATE+KEY+" name "+" hex8(key ID) "+" base64(type || 32-byte seed)
// Names are non-empty and contain no Unicode space, no "+" and no control character. The base64
// part may itself contain "+", so a key is split on its first separators only.
import { assertLength, concatBytes, fromBase64, toBase64 } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';

/** Signature type byte: Ed25519 note signature (signed-note). */
export const NOTE_KEY_ED25519 = 0x01;
/** Signature type byte: timestamped Ed25519 witness cosignature (tlog-cosignature v1). */
export const NOTE_KEY_COSIGNATURE_V1 = 0x04;

/** The signature types this library handles. */
export type NoteKeyType = typeof NOTE_KEY_ED25519 | typeof NOTE_KEY_COSIGNATURE_V1;

/** A parsed vkey: who may sign, and with which public key. */
export interface NoteVerifierKey {
  readonly name: string;
  /** uint32 key ID. */
  readonly keyId: number;
  readonly type: NoteKeyType;
  readonly publicKey: Uint8Array;
}

/** A parsed skey. Holds the secret seed: keep it out of logs. */
export interface NoteSignerKey extends NoteVerifierKey {
  readonly seed: Uint8Array;
}

const SKEY_PREFIX = 'PRIVATE+KEY+';

/**
 * True for a valid key name: non-empty, no Unicode space, no "+", no control character.
 * @throws never
 * @example isValidKeyName('pedigree.example/sealer') // true
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0000-\u001f\u007f]/u.test(name);
}

function assertName(name: string): void {
  if (!isValidKeyName(name)) {
    throw new LedgerError(
      'INVALID_KEY',
      `"${name}" is not a valid note key name: it must be non-empty, with no spaces, "+" or control characters.`,
    );
  }
}

/**
 * C2SP key ID: SHA-256(name || 0x0A || type || publicKey)[:4] as a uint32.
 * @throws LedgerError INVALID_KEY on an invalid name
 * @example noteKeyId(backend, 'sum.golang.org', 1, pub).toString(16) // '33de0ae'
 */
export function noteKeyId(
  backend: CryptoBackend,
  name: string,
  type: NoteKeyType,
  publicKey: Uint8Array,
): number {
  assertName(name);
  const h = backend.sha256(
    concatBytes(new TextEncoder().encode(name), Uint8Array.of(0x0a, type), publicKey),
  );
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

function hex8(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function splitKey(text: string, what: string): [string, number, number, Uint8Array] {
  const bad = (why: string): LedgerError =>
    new LedgerError('INVALID_KEY', `This ${what} is malformed: ${why}.`);
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) throw bad('expected name+keyid+base64');
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  if (!isValidKeyName(name)) throw bad(`"${name}" is not a valid key name`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw bad('the key ID must be 8 lower-case hex digits');
  let material: Uint8Array;
  try {
    material = fromBase64(text.slice(second + 1));
  } catch {
    throw bad('the key material is not canonical base64');
  }
  const type = material[0];
  if (material.length !== 33 || (type !== NOTE_KEY_ED25519 && type !== NOTE_KEY_COSIGNATURE_V1)) {
    throw bad(
      'only Ed25519 keys (type 0x01) and cosignature keys (type 0x04) of 32 bytes are supported',
    );
  }
  return [name, parseInt(idHex, 16), type, material.slice(1)];
}

/**
 * Parses a vkey and checks that its key ID matches its name and public key.
 * @throws LedgerError INVALID_KEY when malformed or when the key ID does not match
 * @example parseVerifierKey(backend, 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8')
 */
export function parseVerifierKey(backend: CryptoBackend, vkey: string): NoteVerifierKey {
  const [name, keyId, type, publicKey] = splitKey(vkey, 'verifier key');
  if (noteKeyId(backend, name, type as NoteKeyType, publicKey) !== keyId) {
    throw new LedgerError(
      'INVALID_KEY',
      `The key ID ${hex8(keyId)} of verifier key "${name}" does not match its public key.`,
    );
  }
  return { name, keyId, type: type as NoteKeyType, publicKey };
}

/**
 * Formats a verifier key as `name+hex8+base64(type||publicKey)`.
 * @throws LedgerError INVALID_KEY on an invalid name; INVALID_ARGUMENT on a key that is not 32 bytes
 * @example formatVerifierKey(key) // 'PeterNeumann+c74f20a3+ARpc...'
 */
export function formatVerifierKey(key: NoteVerifierKey): string {
  assertName(key.name);
  assertLength(key.publicKey, 32, 'A note public key');
  return `${key.name}+${hex8(key.keyId)}+${toBase64(concatBytes(Uint8Array.of(key.type), key.publicKey))}`;
}

/**
 * Parses an skey, derives its public key and checks the key ID.
 * @throws LedgerError INVALID_KEY when malformed or when the key ID does not match
 * @example parseSignerKey(backend, 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK...')
 */
export function parseSignerKey(backend: CryptoBackend, skey: string): NoteSignerKey {
  if (!skey.startsWith(SKEY_PREFIX)) {
    throw new LedgerError('INVALID_KEY', 'A signer key must start with "PRIVATE+KEY+".');
  }
  const [name, keyId, type, seed] = splitKey(skey.slice(SKEY_PREFIX.length), 'signer key');
  const publicKey = backend.publicKeyFromSeed(seed);
  if (noteKeyId(backend, name, type as NoteKeyType, publicKey) !== keyId) {
    throw new LedgerError(
      'INVALID_KEY',
      `The key ID ${hex8(keyId)} of signer key "${name}" does not match its seed.`,
    );
  }
  return { name, keyId, type: type as NoteKeyType, publicKey, seed };
}

/**
 * Formats a signer key as `PRIVATE+KEY+name+hex8+base64(type||seed)`.
 * @throws LedgerError INVALID_KEY on an invalid name; INVALID_ARGUMENT on a seed that is not 32 bytes
 * @example formatSignerKey(key)
 */
export function formatSignerKey(key: NoteSignerKey): string {
  assertName(key.name);
  assertLength(key.seed, 32, 'A note secret seed');
  return `${SKEY_PREFIX}${key.name}+${hex8(key.keyId)}+${toBase64(concatBytes(Uint8Array.of(key.type), key.seed))}`;
}

/**
 * Builds a signer key (and its verifier half) from a name and a 32-byte seed the caller drew.
 * @throws LedgerError INVALID_KEY on an invalid name or a seed that is not 32 bytes
 * @example const signer = noteSignerKey(backend, 'pedigree.example/sealer', seed);
 */
export function noteSignerKey(
  backend: CryptoBackend,
  name: string,
  seed: Uint8Array,
  type: NoteKeyType = NOTE_KEY_ED25519,
): NoteSignerKey {
  const publicKey = backend.publicKeyFromSeed(seed);
  return {
    name,
    keyId: noteKeyId(backend, name, type, publicKey),
    type,
    publicKey,
    seed: Uint8Array.from(seed),
  };
}

/**
 * The skey/vkey pair `pedigree keys generate` prints. The caller supplies the random seed
 * (e.g. `crypto.randomBytes(32)`): this library reads no randomness.
 * @throws LedgerError INVALID_KEY on an invalid name or a seed that is not 32 bytes
 * @example const { skey, vkey } = generateNoteKey('pedigree.example/sealer', randomBytes(32), backend);
 */
export function generateNoteKey(
  name: string,
  seed32: Uint8Array,
  backend: CryptoBackend,
  type: NoteKeyType = NOTE_KEY_ED25519,
): { skey: string; vkey: string } {
  const key = noteSignerKey(backend, name, seed32, type);
  return { skey: formatSignerKey(key), vkey: formatVerifierKey(key) };
}
