import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EPCIS capture jobs (docs/epcis.md, "Capture"): one row per captured document, owned by the
 * organisation that sent it, with what the REST binding's CaptureJob reports (running, success,
 * the error behaviour asked for, the errors) and what the platform adds: how many events the
 * document held, the ids of the events it stored and the eventIDs it recognised as duplicates.
 */
export class CaptureJobs1795543200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE capture_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        running boolean NOT NULL DEFAULT true,
        success boolean NOT NULL DEFAULT true,
        error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
        event_count integer NOT NULL,
        errors jsonb NOT NULL DEFAULT '[]',
        event_ids bigint[] NOT NULL DEFAULT '{}',
        duplicates text[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(
      `CREATE INDEX capture_jobs_organisation ON capture_jobs (organisation_id, created_at, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE capture_jobs`);
  }
}
