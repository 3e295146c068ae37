/** SQL reads of the block chain: the latest block, a block by height or by tree size. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BlockHeader } from '@pedigree/ledger';
import type { Block } from './ledger.rows';

export const BLOCK_COLUMNS = `height, previous_hash AS "previousHash", sealed_at AS "sealedAt",
  tree_size AS "treeSize", root, signature, checkpoint, signer`;

/** pg returns bigint as text; the ledger's integers are exact JavaScript numbers. */
export function toBlock(row: Record<string, unknown>): Block {
  return {
    ...(row as unknown as Block),
    height: Number(row.height),
    treeSize: Number(row.treeSize),
  };
}

/** The version-1 header a stored block signed (the ledger library encodes and hashes it). */
export function headerOfBlock(block: Block): BlockHeader {
  return {
    version: 1,
    height: block.height,
    previousHash: block.previousHash,
    timeMs: block.sealedAt.getTime(),
    treeSize: block.treeSize,
    root: block.root,
  };
}

@Injectable()
export class BlockRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The newest block, or undefined before the first one is sealed. */
  async latest(): Promise<Block | undefined> {
    const [row] = await this.db.query(
      `SELECT ${BLOCK_COLUMNS} FROM blocks ORDER BY height DESC LIMIT 1`,
    );
    return row ? toBlock(row) : undefined;
  }

  async atHeight(height: number): Promise<Block | undefined> {
    const [row] = await this.db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE height = $1`, [
      height,
    ]);
    return row ? toBlock(row) : undefined;
  }

  /** The block whose checkpoint is at exactly `treeSize` leaves (sizes are unique). */
  async withTreeSize(treeSize: number): Promise<Block | undefined> {
    const [row] = await this.db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE tree_size = $1`, [
      treeSize,
    ]);
    return row ? toBlock(row) : undefined;
  }

  /** Blocks from `fromHeight` on, oldest first (auditing, tests). */
  async range(fromHeight: number, limit: number): Promise<Block[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${BLOCK_COLUMNS} FROM blocks WHERE height >= $1 ORDER BY height LIMIT $2`,
      [fromHeight, limit],
    );
    return rows.map(toBlock);
  }
}
