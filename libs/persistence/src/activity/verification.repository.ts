/**
 * SQL for the trail of verifications: one row per POST /verify, written before it is answered,
 * in batches (one statement for many concurrent verifications: a commit per verification would
 * halve the verification rate), and one per scanner inspection, in the ingest's batch.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewVerification {
  organisationId: string;
  siteId: string | null;
  /** What was scanned or typed. */
  item: string;
  /** As read from the item, when it names a pack. */
  gtin?: string;
  serial?: string;
  /** The verdict code given. */
  code: string;
  /** When it was read, if not now (a scanner's own time). */
  at?: Date;
}

@Injectable()
export class VerificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async recordMany(
    verifications: readonly NewVerification[],
    db: EntityManager = this.db.manager,
  ): Promise<void> {
    if (verifications.length === 0) return;
    await db.query(
      `INSERT INTO verifications (organisation_id, site_id, item, gtin, serial, code, verified_at)
       SELECT o, s, i, g, n, c, COALESCE(t, now())
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::timestamptz[]) AS v (o, s, i, g, n, c, t)`,
      [
        verifications.map((v) => v.organisationId),
        verifications.map((v) => v.siteId),
        verifications.map((v) => v.item),
        verifications.map((v) => v.gtin ?? null),
        verifications.map((v) => v.serial ?? null),
        verifications.map((v) => v.code),
        verifications.map((v) => v.at ?? null),
      ],
    );
  }
}
