// Runs a ChainAudit over a chain source: blocks in height order and, before each, the leaves it
// covers, read in ranges with the next range fetched while the current one is hashed. The audit
// covers the chain up to the newest block at its start. The source does the I/O (PostgreSQL in
// @pedigree/persistence's ChainReader, the ledger API in the CLI); this file only drives it.
// Leaves come in ranges of leaf indexes, not counts of rows, so a missing event is a gap.
import { ChainAudit, type AuditFinding } from './chain-audit';
import type { CryptoBackend } from './crypto-backend';
import type { NoteVerifierKey } from './note-key';

/** A block as stored: the header's fields, its signature and its checkpoint note. */
export interface SourceBlock {
  height: number;
  previousHash: Uint8Array;
  timeMs: number;
  treeSize: number;
  root: Uint8Array;
  signature: Uint8Array;
  checkpoint: string;
}

/** A sealed event in leaf order. */
export interface SourceLeaf {
  leafIndex: number;
  eventId: string;
  /** The bytes its leaf commits to. */
  document: Uint8Array;
}

export interface ChainSource {
  /** Where the sealer keys of `signers()` come from, for the "Trusting ..." line. */
  readonly signersFrom: string;
  /** The tree size of the newest block; 0 before the first. */
  treeSize(): Promise<number>;
  /** Up to `limit` blocks from height `from` on, in height order. */
  blocks(from: number, limit: number): Promise<SourceBlock[]>;
  /**
   * Every sealed event with leaf index in [from, to), in leaf order, in batches of any size. A
   * missing event is simply absent (the audit names the gap).
   */
  leaves(from: number, to: number): AsyncIterable<SourceLeaf[]>;
  /** The vkeys the source says signed the chain (trusted only when no --key is given). */
  signers(): Promise<string[]>;
  /** Events recorded but not sealed yet; null when the source cannot tell. */
  unsealedCount(): Promise<number | null>;
  /**
   * The leaf hashes the sealer recorded for leaves [from, to), when the source has them (the
   * database does): read only after a block's root failed, to name the exact leaf.
   */
  sealedLeafHashes?(from: number, to: number): Promise<Map<number, Uint8Array>>;
}

const BLOCK_PAGE = 1_000;
const PROGRESS_EVERY = 25_000;

export interface AuditOutcome {
  finding: AuditFinding | null;
  blocks: number;
  leaves: number;
  /** The newest block verified. */
  head: SourceBlock | null;
}

/** Blocks in height order up to the one of tree size `total`. */
async function* blocks(source: ChainSource, total: number): AsyncGenerator<SourceBlock> {
  for (let height = 0; ; height += BLOCK_PAGE) {
    const page = await source.blocks(height, BLOCK_PAGE);
    for (const block of page) {
      if (block.treeSize > total) return;
      yield block;
    }
    if (page.length < BLOCK_PAGE) return;
  }
}

/**
 * Audits the whole chain; `progress` hears the number of leaves verified now and then.
 * @throws whatever the source throws when it cannot be read
 */
export async function auditChain(
  source: ChainSource,
  backend: CryptoBackend,
  keys: readonly NoteVerifierKey[],
  origin: string,
  progress: (leaves: number, total: number) => void,
): Promise<AuditOutcome> {
  const total = await source.treeSize();
  const audit = new ChainAudit(backend, keys, origin);
  const ranges = source.leaves(0, total)[Symbol.asyncIterator]();
  // The leaves not yet given to the audit: `range` from position `at` on (synchronous per leaf).
  let range: SourceLeaf[] = [];
  let at = 0;
  let head: SourceBlock | null = null;
  const done = (finding: AuditFinding | null): AuditOutcome => ({
    finding,
    ...audit.summary(),
    head,
  });
  for await (const block of blocks(source, total)) {
    for (;;) {
      if (at === range.length) {
        const next = await ranges.next();
        if (next.done) break;
        [range, at] = [next.value, 0];
        continue;
      }
      const row = range[at];
      if (row.leafIndex >= block.treeSize) break;
      const finding = audit.leaf(row.leafIndex, row.document, `event ${row.eventId}`);
      if (finding) return done(finding);
      if ((row.leafIndex + 1) % PROGRESS_EVERY === 0) progress(row.leafIndex + 1, total);
      at += 1;
    }
    const finding = audit.block({
      header: {
        version: 1,
        height: block.height,
        previousHash: block.previousHash,
        timeMs: block.timeMs,
        treeSize: block.treeSize,
        root: block.root,
      },
      signature: block.signature,
      checkpoint: block.checkpoint,
    });
    if (finding?.leaves && source.sealedLeafHashes) {
      const { from, to } = finding.leaves;
      const sealed = await source.sealedLeafHashes(from, to);
      const again: Array<{ index: number; document: Uint8Array; label: string }> = [];
      for await (const batch of source.leaves(from, to)) {
        for (const row of batch) {
          again.push({
            index: row.leafIndex,
            document: row.document,
            label: `event ${row.eventId}`,
          });
        }
      }
      return done(audit.pinpoint(again, sealed) ?? finding);
    }
    if (finding) return done(finding);
    head = block;
  }
  progress(audit.summary().leaves, total);
  return done(null);
}
