/** The sealer's and the ledger API's view of the events table: documents and leaf indexes. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventLeaf, UnsealedEvent } from './ledger.rows';

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
}
