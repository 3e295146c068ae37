import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scans' hot path, measured with `npm run bench:ingest`:
 *
 * - An envelope's answer is kept as the exact bytes of the verdict message that was published
 *   (`answer`), sent again as they are for a redelivery, instead of JSON that PostgreSQL parses on
 *   every insert and the ingest encodes twice.
 * - Cases and pallets are walked down by `parent_sscc` for every case or pallet scanned.
 * - A pack row is rewritten at each step of its journey, so pack pages keep 30% free for
 *   PostgreSQL to update rows in place (HOT) instead of touching every index.
 */
export class ScanHotPath1795528800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE envelopes ADD COLUMN answer bytea`);
    await db.query(`UPDATE envelopes SET answer = convert_to(verdicts::text, 'UTF8')`);
    await db.query(`ALTER TABLE envelopes ALTER COLUMN answer SET NOT NULL`);
    await db.query(`ALTER TABLE envelopes DROP COLUMN verdicts`);
    await db.query(
      `CREATE INDEX containers_parent_sscc ON containers (parent_sscc) WHERE parent_sscc IS NOT NULL`,
    );
    await db.query(`ALTER TABLE packs SET (fillfactor = 70)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE packs RESET (fillfactor)`);
    await db.query(`DROP INDEX containers_parent_sscc`);
    await db.query(`ALTER TABLE envelopes ADD COLUMN verdicts jsonb`);
    await db.query(`UPDATE envelopes SET verdicts = convert_from(answer, 'UTF8')::jsonb`);
    await db.query(`ALTER TABLE envelopes ALTER COLUMN verdicts SET NOT NULL`);
    await db.query(`ALTER TABLE envelopes DROP COLUMN answer`);
  }
}
