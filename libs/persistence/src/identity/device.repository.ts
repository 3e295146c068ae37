/**
 * SQL for scanner devices: enrolment and revocation (API), the key lookup and the seen counters
 * (ingest). Revocation is one UPDATE, and the ingest reads each device's row in every batch (never
 * from a cache), so a revoked device is refused from the moment the UPDATE commits.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Device, IngestDevice } from './identity.rows';

const COLUMNS = `d.id, d.organisation_id AS "organisationId", s.gln AS "siteGln", d.name,
  encode(d.public_key, 'base64') AS "publicKey", d.created_at AS "createdAt",
  d.revoked_at AS "revokedAt", d.last_seen_at AS "lastSeenAt", d.envelopes, d.scans`;
const FROM = `devices d JOIN sites s ON s.id = d.site_id`;

export interface NewDevice {
  organisationId: string;
  siteId: string;
  name: string;
  /** The raw 32-byte Ed25519 key, already checked with assertStrictPublicKey. */
  publicKey: Uint8Array;
}

/** Envelopes and scans accepted from one device since the last flush, and when. */
export interface DeviceSeen {
  deviceId: string;
  envelopes: number;
  scans: number;
  at?: Date;
}

/** pg returns bigint as text; the counters are exact JavaScript numbers. */
type DeviceRow = Omit<Device, 'envelopes' | 'scans'> & { envelopes: string; scans: string };
const toDevice = (row: DeviceRow): Device => ({
  ...row,
  envelopes: Number(row.envelopes),
  scans: Number(row.scans),
});

@Injectable()
export class DeviceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Enrols a device; returns undefined when its public key is enrolled already (by anyone). */
  async insert(device: NewDevice): Promise<Device | undefined> {
    const [row] = await this.db.query(
      `WITH d AS (
         INSERT INTO devices (organisation_id, site_id, name, public_key)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (public_key) DO NOTHING
         RETURNING *)
       SELECT ${COLUMNS} FROM d JOIN sites s ON s.id = d.site_id`,
      [device.organisationId, device.siteId, device.name, Buffer.from(device.publicKey)],
    );
    return row && toDevice(row);
  }

  async listByOrganisation(organisationId: string): Promise<Device[]> {
    const rows: DeviceRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE d.organisation_id = $1 ORDER BY d.created_at, d.id`,
      [organisationId],
    );
    return rows.map(toDevice);
  }

  /** Any device, revoked or not (the ingest tells UNKNOWN_DEVICE from DEVICE_REVOKED with it). */
  async findById(id: string): Promise<Device | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = $1`, [id]);
    return row && toDevice(row);
  }

  /** The keys of these devices, revoked or not (unknown ids are missing): a key never changes. */
  async publicKeys(ids: readonly string[]): Promise<Array<{ id: string; publicKey: Buffer }>> {
    return this.db.query(
      `SELECT id, public_key AS "publicKey" FROM devices WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * The ingest's view of these devices (the unknown ones are missing), locked until the batch
   * commits in id order: a revocation waits for the batch that is checking the device, and every
   * envelope after it sees `revoked`.
   */
  async lockForIngest(ids: readonly string[], db: EntityManager): Promise<IngestDevice[]> {
    if (ids.length === 0) return [];
    return db.query(
      `SELECT d.id, d.public_key AS "publicKey", d.organisation_id AS "organisationId",
              d.site_id AS "siteId", s.gln AS "siteGln", d.revoked_at IS NOT NULL AS revoked
         FROM ${FROM} WHERE d.id = ANY($1::uuid[])
        ORDER BY d.id FOR NO KEY UPDATE OF d`,
      [ids],
    );
  }

  /**
   * Revokes one of the organisation's devices; revoking twice keeps the first time. Returns
   * undefined when the organisation has no such device.
   */
  async revoke(organisationId: string, id: string): Promise<Device | undefined> {
    const [row] = await this.db.query(
      `WITH d AS (
         UPDATE devices SET revoked_at = COALESCE(revoked_at, now())
          WHERE organisation_id = $1 AND id = $2 RETURNING *)
       SELECT ${COLUMNS} FROM d JOIN sites s ON s.id = d.site_id`,
      [organisationId, id],
    );
    return row && toDevice(row);
  }

  /** Adds accepted envelopes and scans to one device and moves its last-seen time forward. */
  recordSeen(
    deviceId: string,
    envelopes: number,
    scans: number,
    db: EntityManager = this.db.manager,
  ): Promise<void> {
    return this.recordSeenMany([{ deviceId, envelopes, scans }], db);
  }

  /**
   * The batched form of {@link recordSeen}: one UPDATE for many devices (a device may appear more
   * than once; its entries add up). `at` defaults to the database's now(); last_seen_at never moves
   * back.
   */
  async recordSeenMany(
    seen: readonly DeviceSeen[],
    db: EntityManager = this.db.manager,
  ): Promise<void> {
    if (seen.length === 0) return;
    await db.query(
      `UPDATE devices d
          SET envelopes = d.envelopes + u.envelopes, scans = d.scans + u.scans,
              last_seen_at = GREATEST(d.last_seen_at, u.at)
         FROM (SELECT id, sum(envelopes)::bigint AS envelopes, sum(scans)::bigint AS scans,
                      max(COALESCE(at, now())) AS at
                 FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::timestamptz[])
                      AS s(id, envelopes, scans, at)
                GROUP BY id) u
        WHERE d.id = u.id`,
      [
        seen.map((s) => s.deviceId),
        seen.map((s) => s.envelopes),
        seen.map((s) => s.scans),
        seen.map((s) => s.at ?? null),
      ],
    );
  }
}
