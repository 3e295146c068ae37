import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a site did over a day, for the pharmacy counter's list (GET /sites/{gln}/activity):
 *
 * - `verifications`: every verification an organisation asks for (POST /verify), with what was
 *   read, where and the verdict. Verifying changes no pack and records no event, so without this
 *   the platform could not say what a counter checked (FMD Art. 35(1)(g) also asks the
 *   repositories system to keep a trail of every operation on a unique identifier).
 * - an index on alerts by who raised them and when;
 * - a partial index on the events that decommission a pack or revert one, by site and time: the
 *   few events a counter records among the many a commissioning writes, which stay unindexed.
 */
export class SiteActivity1795557600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE verifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        verified_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        site_id uuid REFERENCES sites (id),
        item text NOT NULL,
        gtin text,
        serial text,
        code text NOT NULL
      )`);
    await db.query(
      `CREATE INDEX verifications_organisation ON verifications (organisation_id, site_id, verified_at)`,
    );
    await db.query(
      `CREATE INDEX alerts_organisation ON alerts (organisation_id, site_id, raised_at)`,
    );
    await db.query(`
      CREATE INDEX events_site_decommissions ON events (site_id, recorded_at)
       WHERE action IN ('dispense', 'destroy', 'report_stolen', 'supply_sample',
                        'supply_free_sample', 'export', 'check_out', 'lock', 'unlock', 'undo')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_site_decommissions`);
    await db.query(`DROP INDEX alerts_organisation`);
    await db.query(`DROP TABLE verifications`);
  }
}
