/** SQL for organisations' GS1 Company Prefixes (migration 1795550400000). */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class CompanyPrefixRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listFor(organisationId: string): Promise<string[]> {
    const rows: Array<{ prefix: string }> = await this.db.query(
      'SELECT prefix FROM company_prefixes WHERE organisation_id = $1 ORDER BY prefix',
      [organisationId],
    );
    return rows.map((row) => row.prefix);
  }

  /** Every known prefix: what the EPC URN form of identifiers needs. */
  async all(): Promise<string[]> {
    const rows: Array<{ prefix: string }> = await this.db.query(
      'SELECT prefix FROM company_prefixes',
    );
    return rows.map((row) => row.prefix);
  }

  /**
   * Makes `prefixes` the organisation's, in one transaction, unless another organisation holds
   * one of them, or a prefix that one of them starts with or that starts with one of them (two
   * companies cannot share keys).
   * @returns the other organisations' prefixes in the way; nothing is changed then
   */
  async replaceFor(organisationId: string, prefixes: readonly string[]): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE company_prefixes IN SHARE ROW EXCLUSIVE MODE');
      const clashes: Array<{ prefix: string }> = await tx.query(
        `SELECT DISTINCT c.prefix FROM company_prefixes c, unnest($2::text[]) AS n (prefix)
          WHERE c.organisation_id <> $1
            AND (c.prefix LIKE n.prefix || '%' OR n.prefix LIKE c.prefix || '%')
          ORDER BY 1`,
        [organisationId, prefixes],
      );
      if (clashes.length > 0) return clashes.map((row) => row.prefix);
      await tx.query('DELETE FROM company_prefixes WHERE organisation_id = $1', [organisationId]);
      await tx.query(
        'INSERT INTO company_prefixes (prefix, organisation_id) SELECT unnest($2::text[]), $1',
        [organisationId, prefixes],
      );
      return [];
    });
  }
}
