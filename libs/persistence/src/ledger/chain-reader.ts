/**
 * Reads the chain for `pedigree audit`, straight from PostgreSQL on one plain connection (the
 * audit runs outside the apps): blocks in height order, and sealed events in leaf order with the
 * leaf hash the sealer recorded for each, in ranges so that a missing row shows as a gap.
 */
import type { Client } from 'pg';

export interface ChainBlockRow {
  height: number;
  previousHash: Buffer;
  sealedAt: Date;
  treeSize: number;
  root: Buffer;
  signature: Buffer;
  checkpoint: string;
  signer: string;
}

export interface ChainLeafRow {
  leafIndex: number;
  eventId: string;
  document: Buffer;
  /** What merkle_nodes holds at level 0 for this leaf; null when missing. */
  sealedHash: Buffer | null;
}

export class ChainReader {
  constructor(private readonly client: Client) {}

  /** Blocks with height >= `fromHeight`, at most `limit`, in height order. */
  async blocks(fromHeight: number, limit: number): Promise<ChainBlockRow[]> {
    const { rows } = await this.client.query(
      `SELECT height::float8 AS height, previous_hash AS "previousHash", sealed_at AS "sealedAt",
              tree_size::float8 AS "treeSize", root, signature, checkpoint, signer
         FROM blocks WHERE height >= $1 ORDER BY height LIMIT $2`,
      [fromHeight, limit],
    );
    return rows;
  }

  /** Sealed events with leaf index in [from, to), in leaf order. */
  async leaves(from: number, to: number): Promise<ChainLeafRow[]> {
    const { rows } = await this.client.query(
      `SELECT e.leaf_index::float8 AS "leafIndex", e.id::text AS "eventId", e.document,
              n.hash AS "sealedHash"
         FROM events e LEFT JOIN merkle_nodes n ON n.level = 0 AND n.idx = e.leaf_index
        WHERE e.leaf_index >= $1 AND e.leaf_index < $2 ORDER BY e.leaf_index`,
      [from, to],
    );
    return rows;
  }

  /** The vkeys that signed blocks. */
  async signers(): Promise<string[]> {
    const { rows } = await this.client.query(`SELECT DISTINCT signer FROM blocks ORDER BY signer`);
    return rows.map((row: { signer: string }) => row.signer);
  }

  /** Events not sealed yet (they are not part of the chain the audit checks). */
  async unsealedCount(): Promise<number> {
    const { rows } = await this.client.query(
      `SELECT count(*)::float8 AS count FROM events WHERE leaf_index IS NULL`,
    );
    return rows[0].count;
  }

  /** The size of the log at the newest block, 0 when nothing is sealed. */
  async treeSize(): Promise<number> {
    const { rows } = await this.client.query(
      `SELECT coalesce(max(tree_size), 0)::float8 AS size FROM blocks`,
    );
    return rows[0].size;
  }
}
