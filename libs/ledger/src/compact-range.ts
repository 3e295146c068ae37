// The sealer's view of the log: the frontier, i.e. the roots of the complete subtrees that make
// up leaves [0, size), one per set bit of size, largest first. Appending a leaf merges equal-sized
// subtrees like a binary counter carry: O(log n) hashes, amortised 2, never a rebuild. The root at
// the current size folds the frontier from the right (RFC 9162 MTH, no duplicated odd node).
//
// Serialized form (what the sealer persists next to each block):
//   size (u64 big-endian) || hash of each frontier subtree, largest (leftmost) first, 32 bytes each
// so its length is 8 + 32 * popcount(size).
import { assertU53, readU64, writeU64 } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';
import { createNodeHasher, emptyRoot, HASH_SIZE, isHash, type NodeHasher } from './merkle-hash';
import type { MerkleStore, NodeId } from './merkle-store';
import { popCount } from './tree-math';

/** Called for each complete node an append creates: the leaf itself (level 0), then each merge. */
export type NodeVisitor = (level: number, index: number, hash: Uint8Array) => void;

/**
 * The complete subtrees covering [0, size), largest first: the nodes a root at `size` folds.
 * @throws LedgerError INVALID_ARGUMENT when size is not an integer in [0, 2^53 - 1]
 * @example frontierNodeIds(6) // [{level: 2, index: 0}, {level: 1, index: 2}]
 */
export function frontierNodeIds(size: number): NodeId[] {
  assertU53(size, 'A tree size');
  const ids: NodeId[] = [];
  let start = 0;
  let width = 1;
  let level = 0;
  while (width * 2 <= size) {
    width *= 2;
    level++;
  }
  for (; width >= 1; width /= 2, level--) {
    if (start + width <= size) {
      ids.push({ level, index: start / width });
      start += width;
    }
  }
  return ids;
}

/**
 * An append-only Merkle frontier over leaves [0, size). Holds popcount(size) hashes.
 *
 * @example
 * const range = CompactRange.empty(backend);
 * range.append(leafHash(backend, event), store.visitor);
 * const root = range.root();
 * const saved = range.toBytes(); // later: CompactRange.fromBytes(backend, saved)
 */
export class CompactRange {
  private readonly hashNode: NodeHasher;

  private constructor(
    private readonly backend: CryptoBackend,
    private currentSize: number,
    private readonly stack: Uint8Array[],
  ) {
    this.hashNode = createNodeHasher(backend);
  }

  /**
   * The frontier of the empty tree.
   * @throws never
   * @example CompactRange.empty(backend).size // 0
   */
  static empty(backend: CryptoBackend): CompactRange {
    return new CompactRange(backend, 0, []);
  }

  /**
   * Rebuilds a frontier from its size and subtree hashes (largest first).
   * @throws LedgerError INVALID_SIZE when the hash count is not popcount(size), INVALID_HASH on a non-32-byte hash
   * @example CompactRange.fromHashes(backend, 3, [h01, h2])
   */
  static fromHashes(
    backend: CryptoBackend,
    size: number,
    hashes: readonly Uint8Array[],
  ): CompactRange {
    assertU53(size, 'A tree size');
    if (hashes.length !== popCount(size)) {
      throw new LedgerError(
        'INVALID_SIZE',
        `A frontier of size ${size} holds ${popCount(size)} hashes, got ${hashes.length}.`,
      );
    }
    if (!hashes.every(isHash))
      throw new LedgerError('INVALID_HASH', 'Every frontier hash must be 32 bytes.');
    return new CompactRange(
      backend,
      size,
      hashes.map((h) => Uint8Array.from(h)),
    );
  }

  /**
   * Restores a frontier saved with {@link CompactRange.toBytes}.
   * @throws LedgerError INVALID_ENCODING when the bytes are not a serialized frontier
   * @example CompactRange.fromBytes(backend, row.frontier)
   */
  static fromBytes(backend: CryptoBackend, bytes: Uint8Array): CompactRange {
    if (bytes.length < 8 || (bytes.length - 8) % HASH_SIZE !== 0) {
      throw new LedgerError('INVALID_ENCODING', 'A serialized frontier is 8 + 32 * n bytes.');
    }
    const size = readU64(bytes, 0, 'The frontier size');
    const hashes: Uint8Array[] = [];
    for (let o = 8; o < bytes.length; o += HASH_SIZE) hashes.push(bytes.slice(o, o + HASH_SIZE));
    if (hashes.length !== popCount(size)) {
      throw new LedgerError(
        'INVALID_ENCODING',
        `A serialized frontier of size ${size} holds ${popCount(size)} hashes, got ${hashes.length}.`,
      );
    }
    return new CompactRange(backend, size, hashes);
  }

  /**
   * Rebuilds the frontier at `size` from stored nodes (e.g. after losing the saved frontier).
   * @throws LedgerError MISSING_NODE when the store lacks a frontier node
   * @example CompactRange.fromStore(backend, 1000, store)
   */
  static fromStore(backend: CryptoBackend, size: number, store: MerkleStore): CompactRange {
    const hashes = frontierNodeIds(size).map(({ level, index }) => store.getNode(level, index));
    return CompactRange.fromHashes(backend, size, hashes);
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.currentSize;
  }

  /** Copies of the frontier hashes, largest subtree first. */
  get hashes(): Uint8Array[] {
    return this.stack.map((h) => Uint8Array.from(h));
  }

  /**
   * Appends one leaf hash; O(log n) node hashes, amortised 2. `visitor` sees the leaf at
   * (0, size) and every complete node the append closes, so a store can record them.
   * @throws LedgerError INVALID_HASH when leafHash is not 32 bytes; INVALID_SIZE when the log is full (2^53 - 1)
   * @example range.append(leafHash(backend, data), store.visitor)
   */
  append(leafHash: Uint8Array, visitor?: NodeVisitor): void {
    if (!isHash(leafHash)) throw new LedgerError('INVALID_HASH', 'A leaf hash must be 32 bytes.');
    if (this.currentSize >= Number.MAX_SAFE_INTEGER) {
      throw new LedgerError(
        'INVALID_SIZE',
        'The log holds 2^53 - 1 leaves, the most this library supports.',
      );
    }
    let hash = leafHash;
    let index = this.currentSize;
    let level = 0;
    visitor?.(0, index, hash);
    while (index % 2 === 1) {
      hash = this.hashNode(this.stack.pop()!, hash);
      index = (index - 1) / 2;
      level++;
      visitor?.(level, index, hash);
    }
    this.stack.push(hash);
    this.currentSize++;
  }

  /**
   * The RFC 6962 root at the current size (SHA-256("") when empty).
   * @throws never
   * @example toHex(range.root())
   */
  root(): Uint8Array {
    const n = this.stack.length;
    if (n === 0) return emptyRoot(this.backend);
    let root = this.stack[n - 1]!;
    for (let i = n - 2; i >= 0; i--) root = this.hashNode(this.stack[i]!, root);
    return n === 1 ? Uint8Array.from(root) : root;
  }

  /**
   * Serializes as size (u64 BE) || frontier hashes, largest first.
   * @throws never
   * @example const saved = range.toBytes();
   */
  toBytes(): Uint8Array {
    const out = new Uint8Array(8 + HASH_SIZE * this.stack.length);
    writeU64(out, 0, this.currentSize, 'The frontier size');
    this.stack.forEach((h, i) => out.set(h, 8 + HASH_SIZE * i));
    return out;
  }

  /**
   * An independent copy (e.g. to compute a tentative root without committing the appends).
   * @throws never
   * @example const draft = range.clone();
   */
  clone(): CompactRange {
    return new CompactRange(this.backend, this.currentSize, this.stack.slice());
  }
}
