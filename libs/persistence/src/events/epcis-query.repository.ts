/**
 * The EPCIS query interface's reads (docs/epcis.md, "Query"): events by the standard filters, in
 * the order they were recorded, a page at a time, among those the caller may see. The filters
 * read the index kept beside each event (migrations 1795536000000 and 1795539600000); the answer
 * is the stored documents, the ledger leaves themselves.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EpcRole } from '@pedigree/domain';
import { DataSource } from 'typeorm';

/** The filters of the SimpleEventQuery this repository answers; every list is "any of". */
export interface EpcisEventFilter {
  eventTypes?: string[];
  geEventTime?: Date;
  ltEventTime?: Date;
  geRecordTime?: Date;
  ltRecordTime?: Date;
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  eventIds?: string[];
  /** Each entry one MATCH_ parameter: its identifiers, canonical, in any of its roles. */
  matches?: Array<{ epcs: string[]; roles: EpcRole[] }>;
}

/** Who asks: an organisation sees what it may (docs/epcis.md); null sees everything. */
export type EpcisViewer = { organisationId: string } | null;

@Injectable()
export class EpcisQueryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Up to `limit` events after the event id `after`, oldest first.
   * @returns each event's id and stored document
   */
  async find(
    filter: EpcisEventFilter,
    viewer: EpcisViewer,
    page: { after?: string; limit: number },
  ): Promise<Array<{ id: string; document: Buffer }>> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const anyOf = (column: string, list: readonly string[] | undefined, type = 'text') => {
      if (list) where.push(`e.${column} = ANY(${param(list)}::${type}[])`);
    };
    anyOf('event_type', filter.eventTypes);
    anyOf('biz_step', filter.bizSteps);
    anyOf('disposition', filter.dispositions);
    anyOf('read_point', filter.readPoints);
    anyOf('biz_location', filter.bizLocations);
    anyOf('epcis_event_id', filter.eventIds);
    if (filter.geEventTime) where.push(`e.event_time >= ${param(filter.geEventTime)}`);
    if (filter.ltEventTime) where.push(`e.event_time < ${param(filter.ltEventTime)}`);
    if (filter.geRecordTime) where.push(`e.record_time >= ${param(filter.geRecordTime)}`);
    if (filter.ltRecordTime) where.push(`e.record_time < ${param(filter.ltRecordTime)}`);
    for (const match of filter.matches ?? []) {
      where.push(
        `e.id IN (SELECT event_id FROM event_epcs
                   WHERE epc = ANY(${param(match.epcs)}::text[])
                     AND role = ANY(${param(match.roles)}::text[]))`,
      );
    }
    if (page.after !== undefined) where.push(`e.id > ${param(page.after)}::bigint`);
    if (viewer) where.push(visibleTo(param(viewer.organisationId)));
    return this.db.query(
      `SELECT e.id::text AS id, e.document FROM events e
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id LIMIT ${param(page.limit)}`,
      values,
    );
  }

  /** The distinct values of an indexed field among the events the viewer may see. */
  async distinct(column: 'biz_step' | 'disposition', viewer: EpcisViewer): Promise<string[]> {
    const rows: Array<{ value: string }> = await this.db.query(
      `SELECT DISTINCT e.${column} AS value FROM events e
        WHERE e.${column} IS NOT NULL ${viewer ? `AND ${visibleTo('$1')}` : ''}
        ORDER BY 1`,
      viewer ? [viewer.organisationId] : [],
    );
    return rows.map((row) => row.value);
  }
}

/**
 * The events an organisation may see: those it recorded; those about a pack of a product it makes
 * or a pack one of its sites holds or awaits now; and a recall of any pack it ever handled
 * (recorded an event about), so a recall reaches every past holder of the batch too.
 */
function visibleTo(organisation: string): string {
  return `(e.organisation_id = ${organisation}::uuid OR EXISTS (
      SELECT 1 FROM event_packs ep
        JOIN packs p ON p.id = ep.pack_id
        JOIN products pr ON pr.id = p.product_id
        LEFT JOIN sites s ON s.id = COALESCE(p.custody_site_id, p.in_transit_to)
       WHERE ep.event_id = e.id
         AND (pr.organisation_id = ${organisation}::uuid OR s.organisation_id = ${organisation}::uuid))
    OR (e.action = 'recall' AND EXISTS (
      SELECT 1 FROM event_packs ep
        JOIN event_packs handled ON handled.pack_id = ep.pack_id AND handled.event_id <> ep.event_id
        JOIN events h ON h.id = handled.event_id
       WHERE ep.event_id = e.id AND h.organisation_id = ${organisation}::uuid)))`;
}
