/**
 * Request parameters of the ledger endpoints (zod, validated by the global Standard Schema pipe)
 * and the JSON they answer with. Every byte string is standard padded base64.
 */
import { z } from 'zod';

const size = (name: string) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^(0|[1-9][0-9]{0,14})$/, {
      error: `${name} must be a whole number such as 42, without sign, spaces or leading zeros`,
    })
    .transform(Number);

export const heightSchema = z.union([z.literal('latest'), size('height')], {
  error: 'height must be a block height such as 0 or 42, or "latest"',
});

export const eventIdSchema = z.string().regex(/^[1-9][0-9]{0,17}$/, {
  error: 'the event id must be a positive whole number such as 42',
});

export const consistencyQuerySchema = z.object({
  from: size('from'),
  to: size('to').optional(),
});

export const proofQuerySchema = z.object({ treeSize: size('treeSize').optional() });

/** The most leaves and blocks one page answers: about 10 MB of JSON for typical events. */
export const MAX_LEAVES_PAGE = 10_000;
export const MAX_BLOCKS_PAGE = 1_000;

const page = (max: number) =>
  z.object({
    from: size('from').optional().default(0),
    limit: size('limit')
      .optional()
      .default(max)
      .refine((limit) => limit >= 1 && limit <= max, {
        error: `limit must be between 1 and ${max}: page through with from`,
      }),
  });

export const leavesQuerySchema = page(MAX_LEAVES_PAGE);
export const blocksQuerySchema = page(MAX_BLOCKS_PAGE);

export type ConsistencyQuery = z.infer<typeof consistencyQuerySchema>;
export type ProofQuery = z.infer<typeof proofQuerySchema>;
export type PageQuery = z.infer<typeof leavesQuerySchema>;

/** GET /ledger/blocks/:height */
export interface BlockView {
  height: number;
  /** blockHash of the previous block (32 zero bytes for height 0). */
  previousHash: string;
  /** ISO 8601, millisecond precision: the header's timeMs. */
  sealedAt: string;
  timeMs: number;
  treeSize: number;
  root: string;
  /** Ed25519 signature over "pedigree/block-header/v1\n" || header. */
  signature: string;
  /** The 89-byte header encoding. */
  header: string;
  /** SHA-256(header): the next block's previousHash. */
  hash: string;
  /** The C2SP signed checkpoint note at treeSize. */
  checkpoint: string;
  /** The C2SP vkey that signed this block. */
  signer: string;
}

/** GET /ledger/consistency */
export interface ConsistencyView {
  from: number;
  to: number;
  proof: string[];
}

/** GET /ledger/events/:id/leaf */
export interface LeafView {
  eventId: string;
  leafIndex: number;
  /** The exact bytes the leaf commits to (canonical JSON of the EPCIS event). */
  document: string;
  /** SHA-256(0x00 || document). */
  leafHash: string;
}

/** One leaf's inclusion proof in a tree the caller knows the size of (from its checkpoint). */
export interface InclusionView {
  leafIndex: number;
  /** SHA-256(0x00 || document). */
  leafHash: string;
  /** RFC 9162 inclusion proof, leaf to root. */
  path: string[];
}

/** GET /ledger/events/:id/proof */
export interface ProofView {
  eventId: string;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  /** RFC 9162 inclusion proof, leaf to root. */
  path: string[];
  /** The block whose root the path leads to, with its signed checkpoint. */
  block: BlockView;
}

/** GET /ledger/blocks?from=&limit=: blocks with height >= from, oldest first. */
export interface BlocksView {
  blocks: BlockView[];
}

/** One sealed event of GET /ledger/leaves. */
export interface SealedLeafView {
  leafIndex: number;
  eventId: string;
  /** The exact bytes the leaf commits to. */
  document: string;
}

/**
 * GET /ledger/leaves?from=&limit=: the sealed events with leafIndex in [from, from + limit), in
 * leaf order. A range of indexes, so a missing event shows as a gap in leafIndex.
 */
export interface LeavesView {
  from: number;
  limit: number;
  leaves: SealedLeafView[];
}
