import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every identifier each event names, in its canonical form and its role there (epcList or
 * childEPCs, parentID, a transformation's inputs and outputs, the classes of quantity lists): the
 * EPCIS query's MATCH_ parameters. Literal, as EPCIS 2.0 §8.2.7.1.1 matches them: a pallet's
 * shipping event names the pallet, not the packs inside (those are in `event_packs`).
 *
 * Events recorded before are indexed from their documents; their identifiers are the platform's
 * own Digital Links, already canonical.
 */
export class EventEpcs1795539600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE event_epcs (
        epc text NOT NULL,
        role text NOT NULL,
        event_id bigint NOT NULL,
        PRIMARY KEY (epc, role, event_id)
      )`);
    await db.query(`
      INSERT INTO event_epcs (epc, role, event_id)
      SELECT DISTINCT x.epc, x.role, d.id
        FROM (SELECT id, convert_from(document, 'UTF8')::jsonb AS doc FROM events) d
        CROSS JOIN LATERAL (
          SELECT jsonb_array_elements_text(d.doc->'epcList') AS epc, 'epc' AS role
           WHERE jsonb_typeof(d.doc->'epcList') = 'array'
          UNION ALL
          SELECT jsonb_array_elements_text(d.doc->'childEPCs'), 'epc'
           WHERE jsonb_typeof(d.doc->'childEPCs') = 'array'
          UNION ALL
          SELECT d.doc->>'parentID', 'parent' WHERE d.doc ? 'parentID'
          UNION ALL
          SELECT q->>'epcClass', 'class'
            FROM jsonb_array_elements(
                   CASE WHEN jsonb_typeof(d.doc->'quantityList') = 'array'
                        THEN d.doc->'quantityList' ELSE '[]'::jsonb END) q
        ) x
       WHERE x.epc IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE event_epcs');
  }
}
