/** SQL for organisations. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@pedigree/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Organisation } from './identity.rows';

const COLUMNS = `id, name, roles, created_at AS "createdAt"`;

@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    organisation: { name: string; roles: Role[] },
    db: EntityManager = this.db.manager,
  ): Promise<Organisation> {
    const [row] = await db.query(
      `INSERT INTO organisations (name, roles) VALUES ($1, $2) RETURNING ${COLUMNS}`,
      [organisation.name, organisation.roles],
    );
    return row;
  }

  async findById(id: string): Promise<Organisation | undefined> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM organisations WHERE id = $1`, [id]);
    return row;
  }

  async list(): Promise<Organisation[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM organisations ORDER BY created_at, id`);
  }

  /** The oldest organisation holding `role`, if any. */
  async findFirstWithRole(
    role: Role,
    db: EntityManager = this.db.manager,
  ): Promise<Organisation | undefined> {
    const [row] = await db.query(
      `SELECT ${COLUMNS} FROM organisations WHERE $1 = ANY (roles) ORDER BY created_at, id LIMIT 1`,
      [role],
    );
    return row;
  }
}
