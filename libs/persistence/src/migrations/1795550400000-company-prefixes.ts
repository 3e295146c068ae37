import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each organisation's GS1 Company Prefixes: an EPC URN splits a GTIN, SSCC or GLN after its
 * company prefix, whose length the key itself does not tell, so the platform can write an
 * identifier as a URN only when its owner has said which prefix it is under. A prefix names one
 * company: the key makes two organisations claiming the same one impossible.
 */
export class CompanyPrefixes1795550400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE company_prefixes (
        prefix text PRIMARY KEY CHECK (prefix ~ '^[0-9]{6,12}$'),
        organisation_id uuid NOT NULL REFERENCES organisations (id)
      )`);
    await db.query(
      'CREATE INDEX company_prefixes_organisation ON company_prefixes (organisation_id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE company_prefixes');
  }
}
