/**
 * SQL for alerts: raised in batches by the event door and the verification, listed by the API,
 * investigated with notes and closed with a reason.
 */
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
  /** When, by which organisation and why it was closed; all null while it is open. */
  closedAt: Date | null;
  closedBy: string | null;
  closedByName: string | null;
  closeReason: string | null;
}

/** A note written on an alert during its investigation. */
export interface AlertNote {
  id: string;
  writtenAt: Date;
  organisationId: string;
  organisationName: string;
  text: string;
}

/** Who may see an alert: one manufacturer's (its products'), or null for all (regulators, admin). */
export type AlertScope = { manufacturerId: string | null };

const ALERT = `a.id::text AS id, a.raised_at AS "raisedAt", a.code, a.detail, a.item, a.gtin,
  a.serial, a.organisation_id AS "organisationId", s.gln AS "siteGln", a.source,
  a.closed_at AS "closedAt", a.closed_by AS "closedBy", c.name AS "closedByName",
  a.close_reason AS "closeReason"`;
const ALERT_FROM = `alerts a LEFT JOIN sites s ON s.id = a.site_id
  LEFT JOIN organisations c ON c.id = a.closed_by`;

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
   * Alerts newest first: in the scope, optionally of one code and open or closed, before an id
   * (the previous page's last).
   */
  async list(
    query: AlertScope & {
      code?: string;
      state?: 'open' | 'closed';
      before?: string;
      limit: number;
    },
  ): Promise<Alert[]> {
    return this.db.query(
      `SELECT ${ALERT} FROM ${ALERT_FROM}
        WHERE ($1::uuid IS NULL OR a.manufacturer_id = $1)
          AND ($2::text IS NULL OR a.code = $2)
          AND ($3::bigint IS NULL OR a.id < $3)
          AND ($5::text IS NULL OR (a.closed_at IS NULL) = ($5 = 'open'))
        ORDER BY a.id DESC
        LIMIT $4`,
      [
        query.manufacturerId,
        query.code ?? null,
        query.before ?? null,
        query.limit,
        query.state ?? null,
      ],
    );
  }

  /** One alert in the scope, or undefined. */
  async find(id: string, scope: AlertScope): Promise<Alert | undefined> {
    const [alert]: Alert[] = await this.db.query(
      `SELECT ${ALERT} FROM ${ALERT_FROM}
        WHERE a.id = $1 AND ($2::uuid IS NULL OR a.manufacturer_id = $2)`,
      [id, scope.manufacturerId],
    );
    return alert;
  }

  /** The alert's notes, oldest first. */
  notes(alertId: string): Promise<AlertNote[]> {
    return this.db.query(
      `SELECT n.id::text AS id, n.written_at AS "writtenAt", n.organisation_id AS "organisationId",
              o.name AS "organisationName", n.text
         FROM alert_notes n JOIN organisations o ON o.id = n.organisation_id
        WHERE n.alert_id = $1 ORDER BY n.id`,
      [alertId],
    );
  }

  /** Adds a note; returns its id. */
  async addNote(note: { alertId: string; organisationId: string; text: string }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO alert_notes (alert_id, organisation_id, text) VALUES ($1, $2, $3)
       RETURNING id::text AS id`,
      [note.alertId, note.organisationId, note.text],
    );
    return row!.id;
  }

  /** Closes the alert unless it is closed already; true when this call closed it. */
  async close(close: {
    alertId: string;
    organisationId: string;
    reason: string;
  }): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE alerts SET closed_at = now(), closed_by = $2, close_reason = $3
        WHERE id = $1 AND closed_at IS NULL`,
      [close.alertId, close.organisationId, close.reason],
    );
    return count === 1;
  }
}
