// The ledger API's pages as an audit's blocks and leaves (docs/ledger.md, "Auditing"):
// GET /ledger/blocks and GET /ledger/leaves read page by page, by `pedigree audit --api` and by the
// regulator's browser alike. Each caller says how it GETs JSON (its key or session, its errors).
// The server does not send the leaf hashes it sealed, so a changed event is caught by its block's
// root.

import type { ChainSource, SourceBlock, SourceLeaf } from './audit-chain';
import { fromBase64 } from './bytes';

/** A block as GET /ledger/blocks answers it. */
export interface LedgerBlockJson {
  height: number;
  previousHash: string;
  timeMs: number;
  treeSize: number;
  root: string;
  signature: string;
  checkpoint: string;
}

/** GETs a path of the ledger API and parses its JSON; throws what the caller wants said. */
export type LedgerGet = <T>(path: string) => Promise<T>;

/** The most blocks GET /ledger/blocks answers in one page. */
const BLOCKS_PAGE = 1_000;

/**
 * `blocks` and `leaves` of a ChainSource over the API: leaves `leavesPage` at a time (the API
 * allows 10,000), `leavesRead` told after each page how far the reading has got.
 */
export function ledgerApiPages(
  get: LedgerGet,
  options: { leavesPage: number; leavesRead?: (next: number) => void },
): Pick<ChainSource, 'blocks' | 'leaves'> {
  return {
    async blocks(from: number, limit: number): Promise<SourceBlock[]> {
      const page = await get<{ blocks: LedgerBlockJson[] }>(
        `/ledger/blocks?from=${from}&limit=${Math.min(limit, BLOCKS_PAGE)}`,
      );
      return page.blocks.map((block) => ({
        height: block.height,
        previousHash: fromBase64(block.previousHash),
        timeMs: block.timeMs,
        treeSize: block.treeSize,
        root: fromBase64(block.root),
        signature: fromBase64(block.signature),
        checkpoint: block.checkpoint,
      }));
    },

    /**
     * Page after page from `from` on. The server may cut a page short (by bytes): the next page
     * starts after the last leaf received, or after the page when it held none (those are
     * missing, and the audit names the gap).
     */
    async *leaves(from: number, to: number): AsyncGenerator<SourceLeaf[]> {
      let next = from;
      while (next < to) {
        const limit = Math.min(options.leavesPage, to - next);
        const page = await get<{
          leaves: Array<{ leafIndex: number; eventId: string; document: string }>;
        }>(`/ledger/leaves?from=${next}&limit=${limit}`);
        const leaves = page.leaves.map((leaf) => ({
          leafIndex: leaf.leafIndex,
          eventId: leaf.eventId,
          document: fromBase64(leaf.document),
        }));
        next = leaves.length > 0 ? leaves[leaves.length - 1]!.leafIndex + 1 : next + limit;
        options.leavesRead?.(Math.min(next, to));
        yield leaves;
      }
    },
  };
}
