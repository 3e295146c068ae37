// C2SP tlog-cosignature v1 (https://c2sp.org/tlog-cosignature), Ed25519 type 0x04: how a
// consortium witness states "as of time t, this is the largest consistent tree head I saw".
//
// ENCODING:
//   key ID          = SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]
//   signature bytes = timestamp (u64 big-endian, POSIX seconds) || Ed25519 signature (64)
//   signed message  = "cosignature/v1\n" || "time " decimal(timestamp) "\n" || checkpoint text
// where the checkpoint text is the whole note text, extension lines included, final newline
// included, signature lines excluded. The witness supplies the time; nothing here reads a clock.
import { assertU53, readU64, writeU64 } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';
import { NOTE_KEY_COSIGNATURE_V1, type NoteSignerKey } from './note-key';
import type { NoteSignature } from './signed-note';

/** Bytes after the key ID in a cosignature/v1 line: 8-byte time + 64-byte signature. */
export const COSIGNATURE_V1_SIZE = 72;

/**
 * The exact bytes a cosignature/v1 signs.
 * @throws LedgerError INVALID_ARGUMENT when timestamp is not an integer in [0, 2^53 - 1]
 * @example cosignatureMessage(1679315147, checkpointText)
 */
export function cosignatureMessage(timestamp: number, checkpointText: string): Uint8Array {
  assertU53(timestamp, 'A cosignature timestamp');
  return new TextEncoder().encode(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/**
 * The timestamp of a cosignature/v1 signature payload, or undefined when it is not 72 bytes
 * or its time exceeds 2^53 - 1.
 * @throws never
 * @example readCosignatureTime(line.signature) // 1679315147
 */
export function readCosignatureTime(signature: Uint8Array): number | undefined {
  if (signature.length !== COSIGNATURE_V1_SIZE) return undefined;
  try {
    return readU64(signature, 0, 'The cosignature timestamp');
  } catch {
    return undefined;
  }
}

/**
 * A witness's cosignature/v1 line over checkpoint text, at POSIX time `timestamp` (seconds).
 * @throws LedgerError INVALID_KEY when the signer is not a type 0x04 key; INVALID_ARGUMENT on a bad time
 * @example const line = cosignatureLine(backend, opened.text, witnessKey, Math.floor(nowMs / 1000));
 */
export function cosignatureLine(
  backend: CryptoBackend,
  checkpointText: string,
  signer: NoteSignerKey,
  timestamp: number,
): NoteSignature {
  if (signer.type !== NOTE_KEY_COSIGNATURE_V1) {
    throw new LedgerError('INVALID_KEY', `Key "${signer.name}" is not a cosigner key (type 0x04).`);
  }
  const sig = backend.sign(signer.seed, cosignatureMessage(timestamp, checkpointText));
  const signature = new Uint8Array(COSIGNATURE_V1_SIZE);
  writeU64(signature, 0, timestamp, 'A cosignature timestamp');
  signature.set(sig, 8);
  return { name: signer.name, keyId: signer.keyId, signature };
}

/**
 * Splits a cosignature/v1 payload into time and Ed25519 signature.
 * @throws LedgerError MALFORMED_COSIGNATURE when it is not 72 bytes or the time exceeds 2^53 - 1
 * @example const { timestamp } = parseCosignature(line.signature);
 */
export function parseCosignature(signature: Uint8Array): {
  timestamp: number;
  signature: Uint8Array;
} {
  const timestamp = readCosignatureTime(signature);
  if (timestamp === undefined) {
    throw new LedgerError(
      'MALFORMED_COSIGNATURE',
      `A cosignature/v1 is an 8-byte time and a 64-byte signature (72 bytes), got ${signature.length} bytes or a time beyond 2^53 - 1.`,
    );
  }
  return { timestamp, signature: signature.slice(8) };
}
