import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investigating an alert (docs/api.md, "Alerts"): the manufacturer of the pack, a regulator or the
 * admin writes notes on it as they find things out, and closes it with a reason. Notes are only
 * ever added; an alert is closed once, by whom and why kept beside it.
 */
export class AlertInvestigations1795561200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alerts
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by uuid REFERENCES organisations (id),
        ADD COLUMN close_reason text,
        ADD CONSTRAINT alerts_closed_whole CHECK (
          (closed_at IS NULL AND closed_by IS NULL AND close_reason IS NULL) OR
          (closed_at IS NOT NULL AND closed_by IS NOT NULL AND close_reason IS NOT NULL))`);
    await db.query(`
      CREATE TABLE alert_notes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id bigint NOT NULL REFERENCES alerts (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        written_at timestamptz NOT NULL DEFAULT now(),
        text text NOT NULL
      )`);
    await db.query(`CREATE INDEX alert_notes_alert ON alert_notes (alert_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert_notes`);
    await db.query(`
      ALTER TABLE alerts DROP CONSTRAINT alerts_closed_whole,
        DROP COLUMN close_reason, DROP COLUMN closed_by, DROP COLUMN closed_at`);
  }
}
