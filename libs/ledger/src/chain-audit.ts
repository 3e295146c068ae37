// Re-verifies a whole chain from its parts, trusting nothing but the sealer's public keys: every
// leaf re-hashed from its event's bytes, every block's root recomputed from the leaves, the links
// between blocks, every header signature and every checkpoint note. The caller streams blocks in
// height order and, before each block, the leaves it covers in index order; the first thing that
// does not hold is reported with where it is, and the audit stops there.
import { bytesEqual, toBase64 } from './bytes';
import { blockHash, verifyBlockHeader, type BlockHeader } from './block-header';
import { parseCheckpoint } from './checkpoint';
import { CompactRange } from './compact-range';
import type { CryptoBackend } from './crypto-backend';
import { createLeafHasher, type LeafHasher } from './merkle-hash';
import { openNote } from './signed-note';
import type { NoteVerifierKey } from './note-key';

/** A block as the audit needs it: the signed header, its signature, its checkpoint note. */
export interface AuditedBlock {
  header: BlockHeader;
  signature: Uint8Array;
  checkpoint: string;
}

/** The first place where the chain does not hold. */
export interface AuditFinding {
  /** e.g. "leaf 41 (event 57)" or "block 3". */
  where: string;
  what: string;
  /** For a block whose root does not match: the leaves it covers, [from, to), to pinpoint. */
  leaves?: { from: number; to: number };
}

/**
 * An audit in progress.
 * @example
 * const audit = new ChainAudit(backend, [sealerKey], 'pedigree.local/chain');
 * audit.leaf(0, bytes, 'event 1'); audit.block(block0); ... audit.summary()
 */
export class ChainAudit {
  private readonly range: CompactRange;
  private readonly hashLeaf: LeafHasher;
  private previous: { height: number; hash: Uint8Array; treeSize: number } | null = null;
  private leaves = 0;
  private blocks = 0;

  constructor(
    private readonly backend: CryptoBackend,
    private readonly keys: readonly NoteVerifierKey[],
    private readonly origin: string,
  ) {
    this.range = CompactRange.empty(backend);
    this.hashLeaf = createLeafHasher(backend);
  }

  /**
   * The next leaf's bytes. `label` names the leaf's source in findings (e.g. "event 57").
   * @throws never
   */
  leaf(index: number, document: Uint8Array, label: string): AuditFinding | null {
    if (index !== this.leaves) {
      return index > this.leaves
        ? {
            where: `leaf ${this.leaves}`,
            what: `missing: the next event on record is leaf ${index} (${label}); an event row was deleted`,
          }
        : {
            where: `leaf ${index} (${label})`,
            what: `appears twice or out of order (leaf ${this.leaves} was expected)`,
          };
    }
    const hash = this.hashLeaf(document);
    this.range.append(hash);
    this.leaves += 1;
    return null;
  }

  /**
   * After a block whose root does not match (its finding carries `leaves`): hashes that block's
   * events again and compares each with the leaf hash the sealer recorded, naming the first that
   * differs; null when they all agree (the block's finding stands). Off the hot path: only a
   * failed audit reads the events twice.
   * @throws never
   */
  pinpoint(
    leaves: ReadonlyArray<{ index: number; document: Uint8Array; label: string }>,
    sealed: ReadonlyMap<number, Uint8Array>,
  ): AuditFinding | null {
    for (const { index, document, label } of leaves) {
      const recorded = sealed.get(index);
      if (!recorded || !bytesEqual(this.hashLeaf(document), recorded)) {
        return {
          where: `leaf ${index} (${label})`,
          what: recorded
            ? "its event's bytes do not hash to the leaf hash sealed for it: the event was changed"
            : 'no leaf hash was recorded for it when it was sealed',
        };
      }
    }
    return null;
  }

  /**
   * The next block, once the leaves it covers have been given.
   * @throws never
   */
  block(block: AuditedBlock): AuditFinding | null {
    const { header } = block;
    const where = `block ${header.height}`;
    const expectedHeight = this.previous ? this.previous.height + 1 : 0;
    if (header.height !== expectedHeight) {
      return {
        where,
        what: `comes where block ${expectedHeight} was expected: a block is missing or out of order`,
      };
    }
    if (this.previous && !bytesEqual(header.previousHash, this.previous.hash)) {
      return {
        where,
        what: `its previous-block hash does not match block ${this.previous.height}: the link is broken`,
      };
    }
    if (header.treeSize !== this.leaves) {
      return {
        where,
        what: `covers ${header.treeSize} leaves, but ${this.leaves} sealed events lead up to it`,
      };
    }
    if (this.previous && header.treeSize <= this.previous.treeSize) {
      return { where, what: `covers no new events (tree size ${header.treeSize})` };
    }
    if (!bytesEqual(header.root, this.range.root())) {
      return {
        where,
        leaves: { from: this.previous?.treeSize ?? 0, to: header.treeSize },
        what: `its root ${toBase64(header.root)} is not the root of the events it covers (${toBase64(this.range.root())}): an event was changed, swapped or removed`,
      };
    }
    if (
      !this.keys.some((key) =>
        verifyBlockHeader(this.backend, key.publicKey, header, block.signature),
      )
    ) {
      return { where, what: 'its signature does not verify with any trusted sealer key' };
    }
    const problem = this.checkpointProblem(block);
    if (problem) return { where, what: problem };
    this.previous = {
      height: header.height,
      hash: blockHash(this.backend, header),
      treeSize: header.treeSize,
    };
    this.blocks += 1;
    return null;
  }

  /** What was verified so far. */
  summary(): { blocks: number; leaves: number } {
    return { blocks: this.blocks, leaves: this.leaves };
  }

  private checkpointProblem(block: AuditedBlock): string | null {
    try {
      const checkpoint = parseCheckpoint(openNote(this.backend, block.checkpoint, this.keys).text);
      if (checkpoint.origin !== this.origin)
        return `its checkpoint names the log "${checkpoint.origin}", not "${this.origin}"`;
      if (
        checkpoint.size !== block.header.treeSize ||
        !bytesEqual(checkpoint.root, block.header.root)
      ) {
        return 'its checkpoint does not state the same tree size and root as its header';
      }
      return null;
    } catch (error) {
      return `its checkpoint note does not verify: ${(error as Error).message}`;
    }
  }
}
