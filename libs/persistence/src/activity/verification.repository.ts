/**
 * SQL for the trail of verifications: one row per POST /verify, written before it is answered,
 * in batches (one statement for many concurrent verifications: a commit per verification would
 * halve the verification rate).
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
}

@Injectable()
export class VerificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async recordMany(verifications: readonly NewVerification[]): Promise<void> {
    if (verifications.length === 0) return;
    await this.db.query(
      `INSERT INTO verifications (organisation_id, site_id, item, gtin, serial, code)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        verifications.map((v) => v.organisationId),
        verifications.map((v) => v.siteId),
        verifications.map((v) => v.item),
        verifications.map((v) => v.gtin ?? null),
        verifications.map((v) => v.serial ?? null),
        verifications.map((v) => v.code),
      ],
    );
  }
}
