// Where the log's stored node hashes come from. Roots at earlier sizes and proofs need hashes of
// complete subtrees that the frontier (compact-range.ts) has long folded away. The sealer records
// every complete node as it appends (the CompactRange visitor); the server keeps them in
// PostgreSQL, tests and benchmarks in memory. The interface is synchronous so proof code stays
// simple and fast: a server first asks merkle-tree.ts which node ids a proof needs
// (`inclusionProofNodeIds`, ...), fetches them in one query, then runs the proof on an
// InMemoryMerkleStore filled with just those nodes.
import { assertU53 } from './bytes';
import { LedgerError } from './ledger-error';
import { isHash } from './merkle-hash';

/**
 * Address of a complete subtree: it covers leaves [index * 2^level, (index + 1) * 2^level).
 * Level 0 nodes are leaf hashes.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/**
 * Source of complete-subtree hashes.
 *
 * @example
 * const store: MerkleStore = { getNode: (level, index) => rows.get(`${level}/${index}`)! };
 */
export interface MerkleStore {
  /**
   * The hash of the complete subtree at (level, index).
   * @throws LedgerError MISSING_NODE when the store does not hold it
   */
  getNode(level: number, index: number): Uint8Array;
}

/**
 * A MerkleStore in memory: one Map per level. Fill it from `CompactRange.append(hash, store.visitor)`
 * or with {@link InMemoryMerkleStore.setNode} from nodes fetched elsewhere.
 *
 * @example
 * const store = new InMemoryMerkleStore();
 * range.append(leafHash(backend, data), store.visitor);
 * inclusionProof(backend, 0, range.size, store);
 */
export class InMemoryMerkleStore implements MerkleStore {
  private readonly levels: Map<number, Uint8Array>[] = [];

  /** Pass to `CompactRange.append` to record every complete node it produces. */
  readonly visitor = (level: number, index: number, hash: Uint8Array): void => {
    this.setNode(level, index, hash);
  };

  /**
   * Records the hash of the complete subtree at (level, index).
   * @throws LedgerError INVALID_ARGUMENT on a bad level or index, INVALID_HASH on a non-32-byte hash
   * @example store.setNode(0, 0, leafHash(backend, data));
   */
  setNode(level: number, index: number, hash: Uint8Array): void {
    assertU53(index, 'A node index');
    if (!Number.isInteger(level) || level < 0 || level > 53) {
      throw new LedgerError(
        'INVALID_ARGUMENT',
        `A node level must be an integer in 0..53, got ${level}.`,
      );
    }
    if (!isHash(hash)) throw new LedgerError('INVALID_HASH', 'A node hash must be 32 bytes.');
    let map = this.levels[level];
    if (map === undefined) {
      for (let l = this.levels.length; l <= level; l++) this.levels.push(new Map());
      map = this.levels[level]!;
    }
    map.set(index, hash);
  }

  /**
   * @throws LedgerError MISSING_NODE when the node was never recorded
   * @example store.getNode(3, 0) // root of the first 8 leaves
   */
  getNode(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.get(index);
    if (hash === undefined) {
      throw new LedgerError(
        'MISSING_NODE',
        `The store holds no node at level ${level}, index ${index}: was every leaf appended through the store's visitor?`,
      );
    }
    return hash;
  }

  /** Number of nodes held, over all levels. */
  get nodeCount(): number {
    let n = 0;
    for (const map of this.levels) n += map.size;
    return n;
  }
}
