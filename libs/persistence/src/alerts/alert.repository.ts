/** SQL for alerts: raised in batches by the event door and the verification, listed by the API. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewAlert {
  code: string;
  detail: string;
  /** What was scanned or typed. */
  item: string;
  /** As read from the item, when it names a pack. */
  gtin?: string;
  serial?: string;
  /** Who verified or scanned, and where. */
  organisationId: string;
  siteId: string | null;
  source: 'verify' | 'scan' | 'step';
}

export interface Alert extends Omit<NewAlert, 'gtin' | 'serial' | 'siteId'> {
  id: string;
  raisedAt: Date;
  gtin: string | null;
  serial: string | null;
  /** GLN of the site where it was raised. */
  siteGln: string | null;
}

@Injectable()
export class AlertRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records alerts, finding each one's pack and manufacturer from its GTIN and serial. */
  async raise(alerts: readonly NewAlert[], db: EntityManager = this.db.manager): Promise<void> {
    if (alerts.length === 0) return;
    await db.query(
      `INSERT INTO alerts (code, detail, item, gtin, serial, organisation_id, site_id, source,
                           manufacturer_id, pack_id)
       SELECT a.code, a.detail, a.item, a.gtin, a.serial, a.organisation_id, a.site_id, a.source,
              pr.organisation_id, p.id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[],
                     $7::uuid[], $8::text[])
              AS a (code, detail, item, gtin, serial, organisation_id, site_id, source)
         LEFT JOIN products pr ON pr.gtin = a.gtin
         LEFT JOIN packs p ON p.product_id = pr.id AND p.serial = a.serial`,
      [
        alerts.map((a) => a.code),
        alerts.map((a) => a.detail),
        alerts.map((a) => a.item),
        alerts.map((a) => a.gtin ?? null),
        alerts.map((a) => a.serial ?? null),
        alerts.map((a) => a.organisationId),
        alerts.map((a) => a.siteId),
        alerts.map((a) => a.source),
      ],
    );
  }

  /**
   * Alerts newest first: on one manufacturer's products (null: all, for regulators and admins),
   * optionally of one code, before an id (the previous page's last).
   */
  async list(query: {
    manufacturerId: string | null;
    code?: string;
    before?: string;
    limit: number;
  }): Promise<Alert[]> {
    return this.db.query(
      `SELECT a.id::text AS id, a.raised_at AS "raisedAt", a.code, a.detail, a.item, a.gtin,
              a.serial, a.organisation_id AS "organisationId", s.gln AS "siteGln", a.source
         FROM alerts a LEFT JOIN sites s ON s.id = a.site_id
        WHERE ($1::uuid IS NULL OR a.manufacturer_id = $1)
          AND ($2::text IS NULL OR a.code = $2)
          AND ($3::bigint IS NULL OR a.id < $3)
        ORDER BY a.id DESC
        LIMIT $4`,
      [query.manufacturerId, query.code ?? null, query.before ?? null, query.limit],
    );
  }
}
