// The block header: what the sealer signs and what links each block to the one before it.
//
// CANONICAL ENCODING (version 1, 89 bytes, all integers unsigned big-endian):
//   offset  size  field
//        0     1  version        0x01
//        1     8  height         0 for the genesis block, then +1 per block
//        9    32  previousHash   blockHash of block height-1; 32 zero bytes at height 0
//       41     8  timeMs         sealing time, milliseconds since 1970-01-01T00:00:00Z
//       49     8  treeSize       number of leaves in the Merkle log covered by this block
//       57    32  root           RFC 6962 root of the log at treeSize (merkle-hash.ts)
// blockHash        = SHA-256(encoding)
// signed message   = ASCII "pedigree/block-header/v1\n" || encoding   (Ed25519, RFC 8032)
// The context line keeps a header signature from being valid as any other message the same key
// signs: C2SP notes and cosignatures are text without control bytes, and the encoding starts
// with 0x01. Integers above 2^53 - 1 are refused (JavaScript numbers stay exact below).
import { assertLength, assertU53, bytesEqual, concatBytes, readU64, writeU64 } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';

/** Length of an encoded version-1 header. */
export const BLOCK_HEADER_SIZE = 89;

/** previousHash of the genesis block. */
export const GENESIS_PREVIOUS_HASH: Uint8Array = new Uint8Array(32);

const CONTEXT = new TextEncoder().encode('pedigree/block-header/v1\n');

/** A block header, version 1. */
export interface BlockHeader {
  readonly version: 1;
  readonly height: number;
  readonly previousHash: Uint8Array;
  readonly timeMs: number;
  readonly treeSize: number;
  readonly root: Uint8Array;
}

function malformed(why: string): LedgerError {
  return new LedgerError('MALFORMED_BLOCK_HEADER', `The block header is malformed: ${why}.`);
}

/**
 * The canonical 89-byte encoding of a header.
 * @throws LedgerError MALFORMED_BLOCK_HEADER on a wrong version, a genesis block whose previousHash
 *   is not zero; INVALID_ARGUMENT on out-of-range integers or hashes that are not 32 bytes
 * @example encodeBlockHeader({ version: 1, height: 0, previousHash: GENESIS_PREVIOUS_HASH, timeMs, treeSize, root })
 */
export function encodeBlockHeader(header: BlockHeader): Uint8Array {
  if (header.version !== 1)
    throw malformed(`version ${String(header.version)} is not supported (only 1)`);
  assertLength(header.previousHash, 32, 'previousHash');
  assertLength(header.root, 32, 'root');
  assertU53(header.height, 'height');
  if (header.height === 0 && !bytesEqual(header.previousHash, GENESIS_PREVIOUS_HASH)) {
    throw malformed('the genesis block (height 0) must have an all-zero previousHash');
  }
  const out = new Uint8Array(BLOCK_HEADER_SIZE);
  out[0] = 1;
  writeU64(out, 1, header.height, 'height');
  out.set(header.previousHash, 9);
  writeU64(out, 41, header.timeMs, 'timeMs');
  writeU64(out, 49, header.treeSize, 'treeSize');
  out.set(header.root, 57);
  return out;
}

/**
 * Parses a canonical encoding; `encodeBlockHeader(decodeBlockHeader(b))` equals `b`.
 * @throws LedgerError MALFORMED_BLOCK_HEADER on a wrong length, version or genesis previousHash;
 *   INVALID_ENCODING on an integer above 2^53 - 1
 * @example const header = decodeBlockHeader(row.headerBytes);
 */
export function decodeBlockHeader(bytes: Uint8Array): BlockHeader {
  if (bytes.length !== BLOCK_HEADER_SIZE) {
    throw malformed(`it must be ${BLOCK_HEADER_SIZE} bytes, got ${bytes.length}`);
  }
  if (bytes[0] !== 1) throw malformed(`version ${bytes[0]} is not supported (only 1)`);
  const header: BlockHeader = {
    version: 1,
    height: readU64(bytes, 1, 'height'),
    previousHash: bytes.slice(9, 41),
    timeMs: readU64(bytes, 41, 'timeMs'),
    treeSize: readU64(bytes, 49, 'treeSize'),
    root: bytes.slice(57, 89),
  };
  if (header.height === 0 && !bytesEqual(header.previousHash, GENESIS_PREVIOUS_HASH)) {
    throw malformed('the genesis block (height 0) must have an all-zero previousHash');
  }
  return header;
}

/**
 * SHA-256 of the canonical encoding: the next block's previousHash.
 * @throws as {@link encodeBlockHeader}
 * @example next.previousHash = blockHash(backend, header);
 */
export function blockHash(backend: CryptoBackend, header: BlockHeader): Uint8Array {
  return backend.sha256(encodeBlockHeader(header));
}

/**
 * The exact bytes an Ed25519 header signature covers: "pedigree/block-header/v1\n" || encoding.
 * @throws as {@link encodeBlockHeader}
 * @example backend.sign(seed, blockSigningMessage(header))
 */
export function blockSigningMessage(header: BlockHeader): Uint8Array {
  return concatBytes(CONTEXT, encodeBlockHeader(header));
}

/**
 * Signs a header with the sealer's 32-byte Ed25519 seed; returns the 64-byte signature.
 * @throws as {@link encodeBlockHeader}; LedgerError INVALID_KEY on a seed that is not 32 bytes
 * @example const signature = signBlockHeader(backend, sealerSeed, header);
 */
export function signBlockHeader(
  backend: CryptoBackend,
  seed: Uint8Array,
  header: BlockHeader,
): Uint8Array {
  return backend.sign(seed, blockSigningMessage(header));
}

/**
 * Verifies a header signature. Returns false (never throws) for a malformed header or signature.
 * @throws never
 * @example verifyBlockHeader(backend, sealerPublicKey, header, signature) // true
 */
export function verifyBlockHeader(
  backend: CryptoBackend,
  publicKey: Uint8Array,
  header: BlockHeader,
  signature: Uint8Array,
): boolean {
  let msg: Uint8Array;
  try {
    msg = blockSigningMessage(header);
  } catch {
    return false;
  }
  return backend.verify(publicKey, msg, signature);
}
