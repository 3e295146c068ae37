import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, their sites (GLN) and their API keys (SHA-256 of the key, never the key). */
export class Identity1795510800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['manufacturer', 'distributor', 'pharmacy', 'regulator', 'admin']
        ),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        gln char(13) NOT NULL UNIQUE CHECK (gln ~ '^[0-9]{13}$'),
        name text NOT NULL,
        address text NOT NULL,
        city text NOT NULL,
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sites_organisation_id ON sites (organisation_id)`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        key_id text NOT NULL UNIQUE,
        secret_sha256 bytea NOT NULL CHECK (length(secret_sha256) = 32),
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_keys_organisation_id ON api_keys (organisation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE sites`);
    await db.query(`DROP TABLE organisations`);
  }
}
