import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger: signed blocks over one RFC 6962 Merkle log of events (docs/ledger.md). `blocks`
 * holds what each block commits to and its signatures, so the chain can be re-verified from the
 * table alone; `merkle_nodes` holds every complete subtree hash (level 0 = leaf hashes), so
 * inclusion and consistency proofs are read from it in one query and a standby sealer rebuilds
 * the frontier from it. Both tables are append-only: the sealer never updates a row.
 */
export class Ledger1795518000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE blocks (
        height bigint PRIMARY KEY CHECK (height >= 0),
        previous_hash bytea NOT NULL CHECK (length(previous_hash) = 32),
        sealed_at timestamptz NOT NULL,
        tree_size bigint NOT NULL UNIQUE CHECK (tree_size > 0),
        root bytea NOT NULL CHECK (length(root) = 32),
        signature bytea NOT NULL CHECK (length(signature) = 64),
        checkpoint text NOT NULL CHECK (checkpoint LIKE '%' || E'\\n'),
        signer text NOT NULL CHECK (length(signer) BETWEEN 1 AND 1000)
      )`);
    await db.query(`
      CREATE TABLE merkle_nodes (
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 63),
        idx bigint NOT NULL CHECK (idx >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE merkle_nodes');
    await db.query('DROP TABLE blocks');
  }
}
