// RFC 6962 / RFC 9162 §2.1.1 Merkle tree hashing, with SHA-256 from the injected backend.
//
// THE HASHING SPECIFICATION (pinned by merkle/rfc6962_reference_tree.json):
//   leaf hash   = SHA-256(0x00 || leaf bytes)
//   node hash   = SHA-256(0x01 || left child hash || right child hash)
//   MTH({})     = SHA-256("")                     (the root of the empty tree)
//   MTH(D[n])   = node hash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two < n
// An odd node is never duplicated: a tree of n leaves is the complete subtree of the largest
// power of two below n joined to the (recursively built) tree of what remains. The distinct
// 0x00 / 0x01 prefixes keep a leaf from ever being read as an interior node (second preimage).
// What a leaf holds is the caller's canonical event encoding; this file hashes bytes.
import { isBytes } from './bytes';
import type { CryptoBackend } from './crypto-backend';

/** Length of every hash in the log. */
export const HASH_SIZE = 32;

/**
 * RFC 6962 leaf hash: SHA-256(0x00 || data).
 * @throws never
 * @example leafHash(backend, new Uint8Array()) // 6e340b9c...afa01d
 */
export function leafHash(backend: CryptoBackend, data: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + data.length);
  buf.set(data, 1);
  return backend.sha256(buf);
}

/** Hashes leaves through one reusable buffer: {@link leafHash} without an allocation per leaf. */
export type LeafHasher = (data: Uint8Array) => Uint8Array;

/**
 * A leaf hasher for hot loops (sealing, auditing a million events): one scratch buffer, grown to
 * the largest leaf seen, instead of a new buffer per leaf. Safe because `sha256` is synchronous.
 * @throws never
 * @example const hashLeaf = createLeafHasher(backend); hashLeaf(document)
 */
export function createLeafHasher(backend: CryptoBackend): LeafHasher {
  let scratch = new Uint8Array(1024);
  return (data) => {
    if (scratch.length < 1 + data.length) scratch = new Uint8Array(2 * (1 + data.length));
    scratch[0] = 0;
    scratch.set(data, 1);
    return backend.sha256(scratch.subarray(0, 1 + data.length));
  };
}

/**
 * RFC 6962 interior node hash: SHA-256(0x01 || left || right). Children are normally 32-byte
 * hashes; any lengths are accepted so the hasher known-answer test can pin the framing.
 * @throws never
 * @example nodeHash(backend, leafHash(backend, a), leafHash(backend, b))
 */
export function nodeHash(backend: CryptoBackend, left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = 1;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return backend.sha256(buf);
}

/**
 * Root of the empty tree: SHA-256 of no bytes.
 * @throws never
 * @example toHex(emptyRoot(backend)) // 'e3b0c442...b855'
 */
export function emptyRoot(backend: CryptoBackend): Uint8Array {
  return backend.sha256(new Uint8Array(0));
}

/** Hashes two 32-byte children through one reusable 65-byte buffer. */
export type NodeHasher = (left: Uint8Array, right: Uint8Array) => Uint8Array;

/**
 * A node hasher for hot loops (append, proof folding) that reuses one 65-byte buffer instead
 * of allocating per node; falls back to {@link nodeHash} for children that are not 32 bytes.
 * Not re-entrant across threads (there are none in JS); safe because `sha256` is synchronous.
 * @throws never
 * @example const h = createNodeHasher(backend); const parent = h(left, right);
 */
export function createNodeHasher(backend: CryptoBackend): NodeHasher {
  const buf = new Uint8Array(1 + 2 * HASH_SIZE);
  buf[0] = 1;
  return (left, right) => {
    if (left.length !== HASH_SIZE || right.length !== HASH_SIZE)
      return nodeHash(backend, left, right);
    buf.set(left, 1);
    buf.set(right, 1 + HASH_SIZE);
    return backend.sha256(buf);
  };
}

/** True when `value` is a 32-byte hash. */
export function isHash(value: unknown): value is Uint8Array {
  return isBytes(value) && value.length === HASH_SIZE;
}
