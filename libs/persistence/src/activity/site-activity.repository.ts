/**
 * SQL for what an organisation did at one of its sites in a time window: the verifications it
 * asked for, the decommissionings and reverts it recorded, and the alerts it raised. Each list is
 * newest first and capped; each read uses its own index (migration SiteActivity1795557600000).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who and where, and the window `[from, to)`. */
export interface ActivityWindow {
  organisationId: string;
  siteId: string;
  from: Date;
  to: Date;
  /** The most rows of each kind. */
  limit: number;
}

/** What is known of a pack named by GTIN and serial: null fields when it is not registered. */
export interface PackLabel {
  gtin: string | null;
  serial: string | null;
  product: string | null;
  lot: string | null;
  /** YYMMDD of its batch. */
  expiry: string | null;
}

export interface VerificationEntry extends PackLabel {
  id: string;
  at: Date;
  item: string;
  code: string;
}

/** One decommissioning or revert event, with the identifiers its EPCIS document lists. */
export interface DecommissionEvent {
  eventId: string;
  at: Date;
  action: string;
  /** The `epcList` of the event's document: Digital Links of packs, cases or pallets. */
  epcs: string[];
}

export interface AlertEntry extends PackLabel {
  id: string;
  at: Date;
  code: string;
  detail: string;
  item: string;
  source: string;
}

const PACK_LABEL = `pr.name AS product, b.lot, b.expiry`;

/** Joins a row's `gtin` and `serial` (columns of `x`) to its product and batch, when known. */
const JOIN_PACK = `LEFT JOIN products pr ON pr.gtin = x.gtin::bpchar
  LEFT JOIN packs p ON p.product_id = pr.id AND p.serial = x.serial
  LEFT JOIN batches b ON b.id = p.batch_id`;

@Injectable()
export class SiteActivityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async verifications(window: ActivityWindow): Promise<VerificationEntry[]> {
    return this.db.query(
      `SELECT x.id::text AS id, x.verified_at AS at, x.item, x.code, x.gtin, x.serial, ${PACK_LABEL}
         FROM verifications x ${JOIN_PACK}
        WHERE x.organisation_id = $1 AND x.site_id = $2
          AND x.verified_at >= $3 AND x.verified_at < $4
        ORDER BY x.verified_at DESC, x.id DESC
        LIMIT $5`,
      params(window),
    );
  }

  async decommissions(window: ActivityWindow): Promise<DecommissionEvent[]> {
    const rows: Array<Omit<DecommissionEvent, 'epcs'> & { epcs: string[] | null }> =
      await this.db.query(
        `SELECT e.id::text AS "eventId", e.recorded_at AS at, e.action,
                ARRAY(SELECT jsonb_array_elements_text(
                        CASE WHEN jsonb_typeof(d.doc->'epcList') = 'array'
                             THEN d.doc->'epcList' ELSE '[]'::jsonb END)) AS epcs
           FROM events e
           CROSS JOIN LATERAL (SELECT convert_from(e.document, 'UTF8')::jsonb AS doc) d
          WHERE e.organisation_id = $1 AND e.site_id = $2
            AND e.recorded_at >= $3 AND e.recorded_at < $4
            AND e.action IN ('dispense', 'destroy', 'report_stolen', 'supply_sample',
                             'supply_free_sample', 'export', 'check_out', 'lock', 'unlock', 'undo')
          ORDER BY e.recorded_at DESC, e.id DESC
          LIMIT $5`,
        params(window),
      );
    return rows.map((row) => ({ ...row, epcs: row.epcs ?? [] }));
  }

  async alerts(window: ActivityWindow): Promise<AlertEntry[]> {
    return this.db.query(
      `SELECT x.id::text AS id, x.raised_at AS at, x.code, x.detail, x.item, x.source,
              x.gtin, x.serial, ${PACK_LABEL}
         FROM alerts x ${JOIN_PACK}
        WHERE x.organisation_id = $1 AND x.site_id = $2
          AND x.raised_at >= $3 AND x.raised_at < $4
        ORDER BY x.raised_at DESC, x.id DESC
        LIMIT $5`,
      params(window),
    );
  }

  /** Product and batch of each pack named by GTIN and serial, in the order given. */
  async packLabels(packs: ReadonlyArray<{ gtin: string; serial: string }>): Promise<PackLabel[]> {
    if (packs.length === 0) return [];
    return this.db.query(
      `SELECT x.gtin, x.serial, ${PACK_LABEL}
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x (gtin, serial, n)
         ${JOIN_PACK}
        ORDER BY x.n`,
      [packs.map((p) => p.gtin), packs.map((p) => p.serial)],
    );
  }
}

function params(window: ActivityWindow): unknown[] {
  return [window.organisationId, window.siteId, window.from, window.to, window.limit];
}
