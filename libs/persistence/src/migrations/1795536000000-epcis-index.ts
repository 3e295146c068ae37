import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts the EPCIS query interface filters on, beside each event's document: type, times,
 * business step and disposition (as CBV words), read point and business location, the event's
 * own eventID, and its GS1 event hash, unique, so a captured duplicate is recognised. Events
 * recorded before are indexed from their documents here; their hash stays unknown (null), since
 * SQL cannot compute it, and their old full-URI CBV values are cut to the words.
 */
export class EpcisIndex1795536000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE events
        ADD COLUMN event_type text,
        ADD COLUMN event_time timestamptz,
        ADD COLUMN record_time timestamptz,
        ADD COLUMN biz_step text,
        ADD COLUMN disposition text,
        ADD COLUMN read_point text,
        ADD COLUMN biz_location text,
        ADD COLUMN epcis_event_id text,
        ADD COLUMN event_hash text`);
    await db.query(`
      UPDATE events e SET
        event_type = d.doc->>'type',
        event_time = (d.doc->>'eventTime')::timestamptz,
        record_time = COALESCE((d.doc->>'recordTime')::timestamptz, e.recorded_at),
        biz_step = regexp_replace(d.doc->>'bizStep', '^(https://ref\\.gs1\\.org/cbv/BizStep-|urn:epcglobal:cbv:bizstep:)', ''),
        disposition = regexp_replace(d.doc->>'disposition', '^(https://ref\\.gs1\\.org/cbv/Disp-|urn:epcglobal:cbv:disp:)', ''),
        read_point = d.doc->'readPoint'->>'id',
        biz_location = d.doc->'bizLocation'->>'id',
        epcis_event_id = d.doc->>'eventID'
      FROM (SELECT id, convert_from(document, 'UTF8')::jsonb AS doc FROM events) d
      WHERE d.id = e.id`);
    await db.query(`CREATE UNIQUE INDEX events_event_hash ON events (event_hash)`);
    await db.query(`CREATE INDEX events_event_time ON events (event_time, id)`);
    await db.query(`CREATE INDEX events_record_time ON events (record_time, id)`);
    await db.query(`CREATE INDEX events_epcis_event_id ON events (epcis_event_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE events
        DROP COLUMN event_type, DROP COLUMN event_time, DROP COLUMN record_time,
        DROP COLUMN biz_step, DROP COLUMN disposition, DROP COLUMN read_point,
        DROP COLUMN biz_location, DROP COLUMN epcis_event_id, DROP COLUMN event_hash`);
  }
}
