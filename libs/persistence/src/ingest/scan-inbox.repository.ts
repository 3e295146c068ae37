/**
 * SQL for the scan inbox (migration 1795525200000): the accepted envelopes that make the ingest
 * idempotent on (device, seq), and the quarantine of refused messages. Writes are batched: one
 * statement per ingest batch.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** An accepted envelope, as stored. */
export interface AcceptedEnvelope {
  deviceId: string;
  seq: number;
  /** SHA-256 of the envelope's signed bytes. */
  digest: Uint8Array;
  /** The MQTT payload exactly as received. */
  payload: Uint8Array;
  /** The verdict message the envelope was answered with, as published. */
  answer: Uint8Array;
}

/** A refused message. */
export interface QuarantinedMessage {
  topic: string;
  /** The device the topic names, when it names one. */
  deviceId: string | null;
  /** The device's owner, when the device is enrolled. */
  organisationId: string | null;
  seq: number | null;
  reason: string;
  detail: string;
  payload: Uint8Array;
}

/** A quarantined message as the API lists it. */
export interface QuarantineRow extends Omit<QuarantinedMessage, 'payload' | 'organisationId'> {
  id: string;
  receivedAt: Date;
  /** The raw bytes, base64. */
  payload: string;
}

@Injectable()
export class ScanInboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The envelopes among these (device, seq) keys that were accepted already. */
  async findAccepted(
    keys: ReadonlyArray<{ deviceId: string; seq: number }>,
    db: EntityManager,
  ): Promise<Array<Pick<AcceptedEnvelope, 'deviceId' | 'seq' | 'digest' | 'answer'>>> {
    if (keys.length === 0) return [];
    const rows: Array<{ deviceId: string; seq: string; digest: Buffer; answer: Buffer }> =
      await db.query(
        `SELECT e.device_id AS "deviceId", e.seq, e.digest, e.answer
           FROM envelopes e
           JOIN unnest($1::uuid[], $2::bigint[]) AS k (device_id, seq)
             ON e.device_id = k.device_id AND e.seq = k.seq`,
        [keys.map((k) => k.deviceId), keys.map((k) => k.seq)],
      );
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  /**
   * Stores accepted envelopes. A key stored meanwhile by another replica fails the statement
   * (unique violation), so the batch is retried and then finds it with {@link findAccepted}.
   */
  async insertAccepted(envelopes: readonly AcceptedEnvelope[], db: EntityManager): Promise<void> {
    if (envelopes.length === 0) return;
    await db.query(
      `INSERT INTO envelopes (device_id, seq, digest, payload, answer)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bytea[], $4::bytea[], $5::bytea[])`,
      [
        envelopes.map((e) => e.deviceId),
        envelopes.map((e) => e.seq),
        envelopes.map((e) => Buffer.from(e.digest)),
        envelopes.map((e) => Buffer.from(e.payload)),
        envelopes.map((e) => Buffer.from(e.answer)),
      ],
    );
  }

  async quarantine(messages: readonly QuarantinedMessage[], db: EntityManager): Promise<void> {
    if (messages.length === 0) return;
    await db.query(
      `INSERT INTO quarantine (topic, device_id, organisation_id, seq, reason, detail, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[],
                            $6::text[], $7::bytea[])`,
      [
        messages.map((m) => m.topic),
        messages.map((m) => m.deviceId),
        messages.map((m) => m.organisationId),
        messages.map((m) => m.seq),
        messages.map((m) => m.reason),
        messages.map((m) => m.detail),
        messages.map((m) => Buffer.from(m.payload)),
      ],
    );
  }

  /**
   * Quarantined messages, newest first: one organisation's (null: everyone's, for the regulator
   * and admins), optionally of one reason or device, before an id (the previous page's last).
   */
  async listQuarantine(query: {
    organisationId: string | null;
    reason?: string;
    deviceId?: string;
    before?: string;
    limit: number;
  }): Promise<QuarantineRow[]> {
    const rows: Array<Omit<QuarantineRow, 'seq'> & { seq: string | null }> = await this.db.query(
      `SELECT id::text AS id, received_at AS "receivedAt", topic, device_id AS "deviceId",
              seq, reason, detail, encode(payload, 'base64') AS payload
         FROM quarantine
        WHERE ($1::uuid IS NULL OR organisation_id = $1)
          AND ($2::text IS NULL OR reason = $2)
          AND ($3::uuid IS NULL OR device_id = $3)
          AND ($4::bigint IS NULL OR id < $4)
        ORDER BY quarantine.id DESC
        LIMIT $5`,
      [
        query.organisationId,
        query.reason ?? null,
        query.deviceId ?? null,
        query.before ?? null,
        query.limit,
      ],
    );
    return rows.map((row) => ({ ...row, seq: row.seq === null ? null : Number(row.seq) }));
  }
}
