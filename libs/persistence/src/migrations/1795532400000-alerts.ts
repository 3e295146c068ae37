import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts (DESIGN.md, "Verdicts and alerts"): a verdict that points at a falsified pack or a
 * broken record, kept with what was read, who read it where and when, and (when the GTIN and
 * serial are known) the pack and its manufacturer, who investigates it with the regulator.
 * `source` says where it was raised: a verification, a scanner's scan or an HTTP step.
 */
export class Alerts1795532400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alerts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        raised_at timestamptz NOT NULL DEFAULT now(),
        code text NOT NULL,
        detail text NOT NULL,
        item text NOT NULL,
        gtin text,
        serial text,
        pack_id bigint REFERENCES packs (id),
        manufacturer_id uuid REFERENCES organisations (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        site_id uuid REFERENCES sites (id),
        source text NOT NULL CHECK (source IN ('verify', 'scan', 'step'))
      )`);
    await db.query(`CREATE INDEX alerts_manufacturer_id ON alerts (manufacturer_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alerts`);
  }
}
