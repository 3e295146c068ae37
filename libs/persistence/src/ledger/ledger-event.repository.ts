/** The sealer's and the ledger API's view of the events table: documents and leaf indexes. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventLeaf, SealedLeaf, UnsealedEvent } from './ledger.rows';

/**
 * Document bytes per page of GET /ledger/leaves: commissioning events are ~56 KiB each, and one
 * answer must stay far below PostgreSQL's and V8's size limits.
 */
export const LEAF_PAGE_BYTES = 16 * 1024 * 1024;

@Injectable()
export class LedgerEventRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Up to `limit` events not yet in the log, lowest id first (index `events_unsealed`). Selecting on
   * `leaf_index IS NULL` rather than on an id watermark means an event whose transaction commits
   * after a higher id was sealed is still picked up, by a later block.
   */
  unsealed(limit: number): Promise<UnsealedEvent[]> {
    return this.db.query(
      `SELECT id, document FROM events WHERE leaf_index IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  /** The event's document and leaf index; undefined when no event has this id. */
  async leaf(eventId: string): Promise<EventLeaf | undefined> {
    const [row] = await this.db.query(
      `SELECT id AS "eventId", leaf_index AS "leafIndex", document FROM events WHERE id = $1`,
      [eventId],
    );
    if (!row) return undefined;
    return { ...row, leafIndex: row.leafIndex === null ? null : Number(row.leafIndex) };
  }

  /**
   * Sealed events with leaf index in [from, from + limit), in leaf order (the unique index on
   * leaf_index): a range of indexes, not a count of rows, so a deleted event shows as a gap. Cut
   * short once the documents pass LEAF_PAGE_BYTES (at least one is returned); the client goes
   * on from the last leaf it got.
   */
  async sealedRange(from: number, limit: number): Promise<SealedLeaf[]> {
    const rows: { leafIndex: string; eventId: string; document: Buffer }[] = await this.db.query(
      `WITH range AS (
         SELECT leaf_index, id, document,
                sum(length(document)) OVER (ORDER BY leaf_index) AS running
           FROM events WHERE leaf_index >= $1 AND leaf_index < $2)
       SELECT leaf_index AS "leafIndex", id::text AS "eventId", document FROM range
        WHERE running <= $3 OR leaf_index = (SELECT min(leaf_index) FROM range)
        ORDER BY leaf_index`,
      [from, from + limit, LEAF_PAGE_BYTES],
    );
    return rows.map((row) => ({ ...row, leafIndex: Number(row.leafIndex) }));
  }
}
