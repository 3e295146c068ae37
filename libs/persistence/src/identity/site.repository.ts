/** SQL for sites: an organisation's places, each identified by its GLN. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Site } from './identity.rows';

const COLUMNS = `id, organisation_id AS "organisationId", gln, name, address, city, country,
  created_at AS "createdAt"`;

export type NewSite = Omit<Site, 'id' | 'createdAt'>;

@Injectable()
export class SiteRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a site; returns undefined when the GLN is already registered (by anyone). */
  async insert(site: NewSite): Promise<Site | undefined> {
    const [row] = await this.db.query(
      `INSERT INTO sites (organisation_id, gln, name, address, city, country)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (gln) DO NOTHING
       RETURNING ${COLUMNS}`,
      [site.organisationId, site.gln, site.name, site.address, site.city, site.country],
    );
    return row;
  }

  async listByOrganisation(organisationId: string): Promise<Site[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM sites WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
  }

  async findById(id: string): Promise<Site | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM sites WHERE id = $1`, [id]);
    return row;
  }

  async findByGln(gln: string): Promise<Site | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM sites WHERE gln = $1`, [gln]);
    return row;
  }

  /** The sites with these GLNs (unknown ones are missing), in one statement. */
  async findByGlns(glns: readonly string[], db: EntityManager): Promise<Site[]> {
    if (glns.length === 0) return [];
    return db.query(`SELECT ${COLUMNS} FROM sites WHERE gln = ANY($1::text[])`, [glns]);
  }

  /** Changes the descriptive fields of a site the organisation owns; the GLN never changes. */
  async update(
    organisationId: string,
    gln: string,
    changes: Partial<Pick<Site, 'name' | 'address' | 'city' | 'country'>>,
  ): Promise<Site | undefined> {
    const [rows] = await this.db.query(
      `UPDATE sites SET
         name = COALESCE($3, name), address = COALESCE($4, address),
         city = COALESCE($5, city), country = COALESCE($6, country)
       WHERE organisation_id = $1 AND gln = $2
       RETURNING ${COLUMNS}`,
      [
        organisationId,
        gln,
        changes.name ?? null,
        changes.address ?? null,
        changes.city ?? null,
        changes.country ?? null,
      ],
    );
    return rows[0];
  }
}
