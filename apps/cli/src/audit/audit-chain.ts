/**
 * Runs a ChainAudit over a chain source (the database or the ledger API): blocks in height order
 * and, before each, the leaves it covers, read in ranges with the next range fetched while the
 * current one is hashed. The audit covers the chain up to the newest block at its start.
 */
import {
  ChainAudit,
  type AuditFinding,
  type CryptoBackend,
  type NoteVerifierKey,
} from '@pedigree/ledger';
import type { ChainSource, SourceBlock, SourceLeaf } from './chain-source';

const LEAF_RANGE = 50_000;
const BLOCK_PAGE = 1_000;
const PROGRESS_EVERY = 25_000;

export interface AuditOutcome {
  finding: AuditFinding | null;
  blocks: number;
  leaves: number;
  /** The newest block verified. */
  head: SourceBlock | null;
}

/** Sealed events in leaf order up to `total`, a range at a time, the next one read ahead. */
async function* leafRanges(source: ChainSource, total: number): AsyncGenerator<SourceLeaf[]> {
  let next = source.leaves(0, Math.min(LEAF_RANGE, total));
  for (let from = 0; from < total; from += LEAF_RANGE) {
    const rows = await next;
    const after = from + LEAF_RANGE;
    if (after < total) next = source.leaves(after, Math.min(after + LEAF_RANGE, total));
    yield rows;
  }
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
 * @throws whatever the source throws (AuditSourceError when it cannot be read)
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
  const ranges = leafRanges(source, total);
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
      const finding = audit.leaf(
        row.leafIndex,
        row.document,
        `event ${row.eventId}`,
        row.sealedHash ?? undefined,
      );
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
    if (finding) return done(finding);
    head = block;
  }
  progress(audit.summary().leaves, total);
  return done(null);
}
