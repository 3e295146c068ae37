/**
 * SQL for events. An event row holds the canonical bytes of its EPCIS document, the only copy of
 * what happened; `event_packs` indexes which packs each event concerns (a pack's history).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventIndex } from '@pedigree/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { BULK_CHUNK } from '../catalogue/pack.repository';

export interface NewEvent {
  organisationId: string;
  siteId: string | null;
  action: string;
  /** The canonical bytes of the EPCIS event: the ledger leaf. */
  document: Uint8Array;
  /** What the EPCIS query interface finds it by. */
  index: EventIndex;
}

export interface StoredEvent {
  id: string;
  organisationId: string;
  siteId: string | null;
  action: string;
  recordedAt: Date;
  document: Buffer;
  leafIndex: string | null;
}

/**
 * One step of a pack's journey as the public may see it: what, when, and the city and country of
 * the site (never its GLN, name or owner). `leafIndex` is null until the sealer takes the event.
 */
export interface JourneyStep {
  eventId: string;
  action: string;
  recordedAt: Date;
  city: string | null;
  country: string | null;
  leafIndex: number | null;
}

@Injectable()
export class EventRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts events in one statement; returns their ids in the order given (identity values are
   * drawn in insertion order, so the ascending ids follow the input's order).
   */
  async insertMany(events: readonly NewEvent[], db: EntityManager): Promise<string[]> {
    const column = <K extends keyof EventIndex>(key: K) => events.map((e) => e.index[key]);
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO events (organisation_id, site_id, action, document, event_type, event_time,
                           record_time, biz_step, disposition, read_point, biz_location,
                           epcis_event_id, event_hash)
       SELECT organisation_id, site_id, action, document, event_type, event_time, record_time,
              biz_step, disposition, read_point, biz_location, epcis_event_id, event_hash
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::text[],
                     $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::text[]) WITH ORDINALITY
              AS e (organisation_id, site_id, action, document, event_type, event_time,
                    record_time, biz_step, disposition, read_point, biz_location,
                    epcis_event_id, event_hash, n)
        ORDER BY n
       RETURNING id::text AS id`,
      [
        events.map((e) => e.organisationId),
        events.map((e) => e.siteId),
        events.map((e) => e.action),
        events.map((e) => Buffer.from(e.document)),
        column('eventType'),
        column('eventTime'),
        column('recordTime'),
        column('bizStep'),
        column('disposition'),
        column('readPoint'),
        column('bizLocation'),
        column('eventId'),
        column('eventHash'),
      ],
    );
    const ids = rows.map((row) => row.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const named = events.flatMap((e, i) => e.index.epcs.map((x) => ({ ...x, eventId: ids[i]! })));
    for (let at = 0; at < named.length; at += BULK_CHUNK) {
      const chunk = named.slice(at, at + BULK_CHUNK);
      await db.query(
        `INSERT INTO event_epcs (epc, role, event_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`,
        [chunk.map((x) => x.epc), chunk.map((x) => x.role), chunk.map((x) => x.eventId)],
      );
    }
    return ids;
  }

  /** Records which packs each event concerns: parallel arrays of event and pack ids. */
  async linkPacks(
    eventIds: readonly string[],
    packIds: readonly string[],
    db: EntityManager,
  ): Promise<void> {
    for (let start = 0; start < packIds.length; start += BULK_CHUNK) {
      await db.query(
        `INSERT INTO event_packs (event_id, pack_id)
         SELECT * FROM unnest($1::bigint[], $2::bigint[])`,
        [eventIds.slice(start, start + BULK_CHUNK), packIds.slice(start, start + BULK_CHUNK)],
      );
    }
  }

  /**
   * Links a recall to every pack it stops, in one statement: the recall is then part of each
   * pack's history and proof, and reaches whoever handled one of them (docs/epcis.md).
   */
  async linkRecall(
    eventId: string,
    scope: { batchId: string } | { productId: string },
    db: EntityManager,
  ): Promise<void> {
    const [column, id] =
      'batchId' in scope ? ['batch_id', scope.batchId] : ['product_id', scope.productId];
    await db.query(
      `INSERT INTO event_packs (event_id, pack_id)
       SELECT $1::bigint, id FROM packs WHERE ${column} = $2`,
      [eventId, id],
    );
  }

  /** A pack's events, oldest first. */
  async listForPack(packId: string): Promise<StoredEvent[]> {
    return this.db.query(
      `SELECT e.id::text AS id, e.organisation_id AS "organisationId", e.site_id AS "siteId",
              e.action, e.recorded_at AS "recordedAt", e.document, e.leaf_index::text AS "leafIndex"
         FROM event_packs ep JOIN events e ON e.id = ep.event_id
        WHERE ep.pack_id = $1 ORDER BY e.id`,
      [packId],
    );
  }

  /**
   * A pack's journey, oldest first, in one query. Unlike `listForPack` it leaves the documents
   * out: a commissioning event lists its whole batch, megabytes the journey does not need.
   */
  async journeyOfPack(packId: string): Promise<JourneyStep[]> {
    return this.db.query(
      `SELECT e.id::text AS "eventId", e.action, e.recorded_at AS "recordedAt", s.city, s.country,
              e.leaf_index::float8 AS "leafIndex"
         FROM event_packs ep JOIN events e ON e.id = ep.event_id
         LEFT JOIN sites s ON s.id = e.site_id
        WHERE ep.pack_id = $1 ORDER BY e.id`,
      [packId],
    );
  }
}
