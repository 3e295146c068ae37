import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the ingest keeps of every MQTT message it acknowledges (docs/protocol.md):
 *
 * - `envelopes`: each accepted envelope once per (device, seq), with the exact bytes the device
 *   signed and sent, the digest that tells an identical redelivery from a replay, and the verdict
 *   message it was answered with, sent again as it is when the envelope comes again.
 * - `quarantine`: every message refused as a whole, with its raw bytes, the topic it came on, the
 *   reason code and a sentence naming what was wrong. `device_id` is the device the topic names
 *   (no foreign key: it may be unknown); `organisation_id` its owner when it is enrolled, who can
 *   read the row through the API.
 */
export class ScanInbox1795525200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE envelopes (
        device_id uuid NOT NULL REFERENCES devices (id),
        seq bigint NOT NULL CHECK (seq >= 0),
        digest bytea NOT NULL CHECK (length(digest) = 32),
        received_at timestamptz NOT NULL DEFAULT now(),
        payload bytea NOT NULL,
        verdicts jsonb NOT NULL,
        PRIMARY KEY (device_id, seq)
      )`);
    await db.query(`
      CREATE TABLE quarantine (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        topic text NOT NULL,
        device_id uuid,
        organisation_id uuid REFERENCES organisations (id),
        seq bigint,
        reason text NOT NULL,
        detail text NOT NULL,
        payload bytea NOT NULL
      )`);
    await db.query(`CREATE INDEX quarantine_organisation_id ON quarantine (organisation_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE quarantine`);
    await db.query(`DROP TABLE envelopes`);
  }
}
