/**
 * SQL for shipments as scanned: what left and arrived at an organisation's sites per day (its
 * shipping and receiving events, by HTTP, capture or scanners, with the packs each moved), and the
 * packs on their way to its sites that have not arrived. Each read uses its own partial index
 * (migration ShipmentsAsScanned1795568400000).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One site's shipping or receiving on one UTC day. */
export interface ShipmentDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  siteGln: string;
  siteName: string;
  action: 'ship' | 'receive';
  /** Shipping or receiving events. */
  events: number;
  /** Packs they moved (a case or pallet counts its packs). */
  packs: number;
}

/** A pack shipped to one of the organisation's sites and not received yet. */
export interface AwaitedPack {
  gtin: string;
  serial: string;
  product: string;
  lot: string;
  /** YYMMDD. */
  expiry: string;
  toGln: string;
  /** Where and when it was last shipped from; null when no shipping event names it. */
  fromGln: string | null;
  fromOrganisation: string | null;
  shippedAt: Date | null;
}

@Injectable()
export class ShipmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The organisation's shipping and receiving per site and day in `[from, to)`, newest first, the
   * days being those of the IANA `timeZone` (checked by the caller).
   */
  async days(
    organisationId: string,
    from: Date,
    to: Date,
    timeZone: string,
  ): Promise<ShipmentDay[]> {
    return this.db.query(
      `SELECT to_char(e.recorded_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day,
              s.gln AS "siteGln", s.name AS "siteName", e.action,
              count(DISTINCT e.id)::int AS events, count(ep.pack_id)::int AS packs
         FROM sites s
         JOIN events e ON e.site_id = s.id AND e.action IN ('ship', 'receive')
                      AND e.recorded_at >= $2 AND e.recorded_at < $3
         LEFT JOIN event_packs ep ON ep.event_id = e.id
        WHERE s.organisation_id = $1
        GROUP BY 1, s.gln, s.name, e.action
        ORDER BY 1 DESC, s.gln, e.action DESC`,
      [organisationId, from, to, timeZone],
    );
  }

  /**
   * Packs on their way to the organisation's sites, longest awaited first, at most `limit`; with
   * how many there are in all.
   */
  async awaited(
    organisationId: string,
    limit: number,
  ): Promise<{ total: number; packs: AwaitedPack[] }> {
    const [[{ total }], packs] = await Promise.all([
      this.db.query(
        `SELECT count(*)::int AS total FROM packs p JOIN sites d ON d.id = p.in_transit_to
          WHERE p.in_transit_to IS NOT NULL AND d.organisation_id = $1`,
        [organisationId],
      ),
      this.db.query(
        `SELECT pr.gtin, p.serial, pr.name AS product, b.lot, b.expiry, d.gln AS "toGln",
                shipped.gln AS "fromGln", shipped.organisation AS "fromOrganisation",
                shipped.at AS "shippedAt"
           FROM packs p
           JOIN sites d ON d.id = p.in_transit_to
           JOIN products pr ON pr.id = p.product_id
           JOIN batches b ON b.id = p.batch_id
           LEFT JOIN LATERAL (
             SELECT s.gln, o.name AS organisation, e.recorded_at AS at
               FROM event_packs ep
               JOIN events e ON e.id = ep.event_id AND e.action = 'ship'
               JOIN sites s ON s.id = e.site_id
               JOIN organisations o ON o.id = s.organisation_id
              WHERE ep.pack_id = p.id
              ORDER BY e.id DESC LIMIT 1) shipped ON true
          WHERE p.in_transit_to IS NOT NULL AND d.organisation_id = $1
          ORDER BY shipped.at NULLS FIRST, p.id
          LIMIT $2`,
        [organisationId, limit],
      ),
    ]);
    return { total, packs };
  }
}
