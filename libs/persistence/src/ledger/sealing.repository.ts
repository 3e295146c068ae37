/**
 * The sealer's one write: a block, its new Merkle nodes and its events' leaf indexes, in ONE
 * transaction with batched statements (`unnest`), so a block is all there or not at all.
 *
 * Two guards keep the chain single even if two sealers ever believe they are active (a lost lock
 * session, a takeover while the old one still runs): the block must be the next height after the
 * latest one this sealer built on, and every event must still be unsealed. Either failing aborts
 * the whole transaction with a SealConflictError; the primary keys on blocks.height,
 * merkle_nodes(level, idx) and the unique events.leaf_index back both up in the database.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SealedBatch } from './ledger.rows';

/** The database moved on under this sealer: it must rebuild its state from the tables. */
export class SealConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealConflictError';
  }
}

@Injectable()
export class SealingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** @throws SealConflictError when another sealer extended the chain or sealed an event first. */
  async seal({ block, eventIds, nodes }: SealedBatch): Promise<void> {
    const firstLeaf = block.treeSize - eventIds.length;
    await this.db.transaction(async (tx) => {
      const [{ latest }] = await tx.query(`SELECT max(height) AS latest FROM blocks`);
      const expected = latest === null ? 0 : Number(latest) + 1;
      if (expected !== block.height) {
        throw new SealConflictError(
          `Block ${block.height} cannot be sealed: the chain's next height is ${expected}, so another sealer extended it.`,
        );
      }
      const [, updated] = await tx.query(
        `UPDATE events e SET leaf_index = $2::bigint + u.n - 1
           FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, n)
          WHERE e.id = u.id AND e.leaf_index IS NULL`,
        [eventIds, firstLeaf],
      );
      if (updated !== eventIds.length) {
        throw new SealConflictError(
          `Block ${block.height} cannot be sealed: ${eventIds.length - Number(updated)} of its ${eventIds.length} events were sealed by another sealer.`,
        );
      }
      await tx.query(
        `INSERT INTO merkle_nodes (level, idx, hash)
         SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
        [nodes.levels, nodes.indexes, nodes.hashes],
      );
      await tx.query(
        `INSERT INTO blocks
           (height, previous_hash, sealed_at, tree_size, root, signature, checkpoint, signer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          block.height,
          block.previousHash,
          block.sealedAt,
          block.treeSize,
          block.root,
          block.signature,
          block.checkpoint,
          block.signer,
        ],
      );
    });
  }
}
