/**
 * Runs a ChainAudit over the chain as PostgreSQL holds it: blocks in height order and, before
 * each, the leaves it covers, read in ranges with the next range fetched while the current one is
 * hashed. The audit covers the chain up to the newest block at its start.
 */
import {
  ChainAudit,
  type AuditFinding,
  type CryptoBackend,
  type NoteVerifierKey,
} from '@pedigree/ledger';
import type { ChainBlockRow, ChainLeafRow, ChainReader } from '@pedigree/persistence';

const LEAF_RANGE = 50_000;
const BLOCK_PAGE = 1_000;

export interface AuditOutcome {
  finding: AuditFinding | null;
  blocks: number;
  leaves: number;
  /** The newest block verified. */
  head: ChainBlockRow | null;
}

/** Sealed events in leaf order up to `total`, one range read ahead. */
async function* leaves(reader: ChainReader, total: number): AsyncGenerator<ChainLeafRow> {
  let next = reader.leaves(0, LEAF_RANGE);
  for (let from = 0; from < total; from += LEAF_RANGE) {
    const rows = await next;
    if (from + LEAF_RANGE < total) next = reader.leaves(from + LEAF_RANGE, from + 2 * LEAF_RANGE);
    yield* rows;
  }
}

/** Blocks in height order up to the one of tree size `total`. */
async function* blocks(reader: ChainReader, total: number): AsyncGenerator<ChainBlockRow> {
  for (let height = 0; ; height += BLOCK_PAGE) {
    const page = await reader.blocks(height, BLOCK_PAGE);
    for (const block of page) {
      if (block.treeSize > total) return;
      yield block;
    }
    if (page.length < BLOCK_PAGE) return;
  }
}

/** Audits the whole chain; `progress` hears the number of leaves verified now and then. */
export async function auditChain(
  reader: ChainReader,
  backend: CryptoBackend,
  keys: readonly NoteVerifierKey[],
  origin: string,
  progress: (leaves: number, total: number) => void,
): Promise<AuditOutcome> {
  const total = await reader.treeSize();
  const audit = new ChainAudit(backend, keys, origin);
  const leafRows = leaves(reader, total);
  let pending = await leafRows.next();
  let head: ChainBlockRow | null = null;
  const done = (finding: AuditFinding | null): AuditOutcome => ({
    finding,
    ...audit.summary(),
    head,
  });
  for await (const block of blocks(reader, total)) {
    while (!pending.done && pending.value.leafIndex < block.treeSize) {
      const row = pending.value;
      const finding = audit.leaf(
        row.leafIndex,
        row.document,
        `event ${row.eventId}`,
        row.sealedHash ?? undefined,
      );
      if (finding) return done(finding);
      if ((row.leafIndex + 1) % 25_000 === 0) progress(row.leafIndex + 1, total);
      pending = await leafRows.next();
    }
    const finding = audit.block({
      header: {
        version: 1,
        height: block.height,
        previousHash: block.previousHash,
        timeMs: block.sealedAt.getTime(),
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
