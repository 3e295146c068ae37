import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of the web console (docs/console.md): a browser signs in with an organisation's API key
 * and is given a random session token in an HttpOnly cookie. Only the SHA-256 of the token is
 * kept, so a copy of this table opens no session. A session speaks for the key it was made from:
 * it ends when that key is revoked (the lookup joins the key) and when it expires; sign-out
 * deletes it. In a table, so every API process behind a load balancer knows every session.
 */
export class ConsoleSessions1795554000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE console_sessions (
        token_sha256 bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
        api_key_id uuid NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX console_sessions_api_key_id ON console_sessions (api_key_id)`);
    await db.query(`CREATE INDEX console_sessions_expires_at ON console_sessions (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE console_sessions`);
  }
}
