// Roots at earlier sizes and proof generation over stored complete-subtree hashes, following the
// recursive definitions of RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (SUBPROOF).
// Each proof needs O(log n) stored nodes: siblings inside complete subtrees are stored as they
// are; the one "ephemeral" sibling on the right edge of a non-power-of-two tree is recomputed
// from the complete subtrees that cover it. Proof elements are ordered leaf-to-root, as RFC 9162
// verifiers (merkle-proof.ts) consume them.
//
// Servers whose store is asynchronous (PostgreSQL) call the *NodeIds functions first, fetch
// those nodes in one query into an InMemoryMerkleStore, then call the proof function on it.
import { assertU53 } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';
import { createNodeHasher, emptyRoot, type NodeHasher } from './merkle-hash';
import type { MerkleStore, NodeId } from './merkle-store';
import { isPowerOfTwo, largestPowerOfTwoBelow, log2Exact } from './tree-math';

interface Walker {
  get(level: number, index: number): Uint8Array;
  hash: NodeHasher;
}

/** MTH of the n leaves starting at lo (lo a multiple of the subtree's split sizes). */
function mth(w: Walker, lo: number, n: number): Uint8Array {
  if (isPowerOfTwo(n)) return w.get(log2Exact(n), lo / n);
  const k = largestPowerOfTwoBelow(n);
  return w.hash(mth(w, lo, k), mth(w, lo + k, n - k));
}

/** RFC 9162 PATH(m, D[lo:lo+n]), appended leaf-to-root to out. */
function path(w: Walker, m: number, lo: number, n: number, out: Uint8Array[]): void {
  if (n <= 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(w, m, lo, k, out);
    out.push(mth(w, lo + k, n - k));
  } else {
    path(w, m - k, lo + k, n - k, out);
    out.push(mth(w, lo, k));
  }
}

/** RFC 9162 SUBPROOF(m, D[lo:lo+n], b), appended to out. */
function subproof(
  w: Walker,
  m: number,
  lo: number,
  n: number,
  b: boolean,
  out: Uint8Array[],
): void {
  if (m === n) {
    if (!b) out.push(mth(w, lo, n));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(w, m, lo, k, b, out);
    out.push(mth(w, lo + k, n - k));
  } else {
    subproof(w, m - k, lo + k, n - k, false, out);
    out.push(mth(w, lo, k));
  }
}

function walker(backend: CryptoBackend, store: MerkleStore): Walker {
  return { get: (level, index) => store.getNode(level, index), hash: createNodeHasher(backend) };
}

const PLACEHOLDER = new Uint8Array(32);

/** Runs a proof walk without hashing, recording the stored nodes it reads. */
function recordIds(run: (w: Walker) => void): NodeId[] {
  const ids: NodeId[] = [];
  run({
    get(level, index) {
      ids.push({ level, index });
      return PLACEHOLDER;
    },
    hash: () => PLACEHOLDER,
  });
  return ids;
}

function checkInclusionArgs(index: number, size: number): void {
  assertU53(index, 'A leaf index');
  assertU53(size, 'A tree size');
  if (index >= size) {
    throw new LedgerError('INVALID_SIZE', `Leaf index ${index} is not in a tree of size ${size}.`);
  }
}

function checkConsistencyArgs(size1: number, size2: number): void {
  assertU53(size1, 'The first tree size');
  assertU53(size2, 'The second tree size');
  if (size1 > size2) {
    throw new LedgerError(
      'INVALID_SIZE',
      `A tree of size ${size1} cannot be a prefix of one of size ${size2}.`,
    );
  }
}

/**
 * The RFC 6962 root of the first `size` leaves, from stored nodes (at most log2(size) reads).
 * @throws LedgerError INVALID_ARGUMENT on a bad size; MISSING_NODE when the store lacks a node
 * @example rootAt(backend, 5, store) // root of leaves 0..4
 */
export function rootAt(backend: CryptoBackend, size: number, store: MerkleStore): Uint8Array {
  assertU53(size, 'A tree size');
  if (size === 0) return emptyRoot(backend);
  return Uint8Array.from(mth(walker(backend, store), 0, size));
}

/**
 * The stored nodes {@link rootAt} reads for `size` (for batch-fetching from an async store).
 * @throws LedgerError INVALID_ARGUMENT on a bad size
 * @example rootNodeIds(6) // [{level: 2, index: 0}, {level: 1, index: 2}]
 */
export function rootNodeIds(size: number): NodeId[] {
  assertU53(size, 'A tree size');
  return size === 0 ? [] : recordIds((w) => mth(w, 0, size));
}

/**
 * RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf `index` in the tree of `size` leaves.
 * @throws LedgerError INVALID_SIZE when index >= size; MISSING_NODE when the store lacks a node
 * @example const proof = inclusionProof(backend, 5, 8, store); // 3 hashes
 */
export function inclusionProof(
  backend: CryptoBackend,
  index: number,
  size: number,
  store: MerkleStore,
): Uint8Array[] {
  checkInclusionArgs(index, size);
  const out: Uint8Array[] = [];
  path(walker(backend, store), index, 0, size, out);
  return out;
}

/**
 * The stored nodes {@link inclusionProof} reads.
 * @throws LedgerError INVALID_SIZE when index >= size
 * @example inclusionProofNodeIds(2, 3) // [{level: 1, index: 0}]
 */
export function inclusionProofNodeIds(index: number, size: number): NodeId[] {
  checkInclusionArgs(index, size);
  return recordIds((w) => path(w, index, 0, size, []));
}

/**
 * RFC 9162 §2.1.4.1 consistency proof from the tree of `size1` leaves to the tree of `size2`.
 * Empty when size1 is 0 or equals size2.
 * @throws LedgerError INVALID_SIZE when size1 > size2; MISSING_NODE when the store lacks a node
 * @example const proof = consistencyProof(backend, 6, 8, store);
 */
export function consistencyProof(
  backend: CryptoBackend,
  size1: number,
  size2: number,
  store: MerkleStore,
): Uint8Array[] {
  checkConsistencyArgs(size1, size2);
  const out: Uint8Array[] = [];
  if (size1 === 0 || size1 === size2) return out;
  subproof(walker(backend, store), size1, 0, size2, true, out);
  return out;
}

/**
 * The stored nodes {@link consistencyProof} reads.
 * @throws LedgerError INVALID_SIZE when size1 > size2
 * @example consistencyProofNodeIds(6, 8)
 */
export function consistencyProofNodeIds(size1: number, size2: number): NodeId[] {
  checkConsistencyArgs(size1, size2);
  if (size1 === 0 || size1 === size2) return [];
  return recordIds((w) => subproof(w, size1, 0, size2, true, []));
}
