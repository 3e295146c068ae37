import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scanners enrolled by organisations at their sites: each signs its envelopes with its own Ed25519
 * key (the raw 32 bytes, unique platform-wide). A revoked device keeps its row, so its past
 * envelopes still name it; the ingest refuses it from `revoked_at` on. `last_seen_at`, `envelopes`
 * and `scans` are written by the ingest.
 */
export class Devices1795521600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        site_id uuid NOT NULL REFERENCES sites (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        public_key bytea NOT NULL UNIQUE CHECK (length(public_key) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_seen_at timestamptz,
        envelopes bigint NOT NULL DEFAULT 0 CHECK (envelopes >= 0),
        scans bigint NOT NULL DEFAULT 0 CHECK (scans >= 0)
      )`);
    await db.query(`CREATE INDEX devices_organisation_id ON devices (organisation_id)`);
    await db.query(`CREATE INDEX devices_site_id ON devices (site_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE devices`);
  }
}
