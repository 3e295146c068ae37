/** SQL for API keys. Only the SHA-256 of a key is stored; the key itself is shown once. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared-query';
import type { ApiKey, ApiKeyCredential } from './identity.rows';

/** A credential as the query returns it: the organisation's creation time still a string. */
type ApiKeyCredentialRow = Omit<ApiKeyCredential, 'organisation'> & {
  organisation: Omit<ApiKeyCredential['organisation'], 'createdAt'> & { createdAt: string };
};

const COLUMNS = `id, organisation_id AS "organisationId", key_id AS "keyId", label,
  created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    key: { organisationId: string; keyId: string; secretSha256: Buffer; label: string },
    db: EntityManager = this.db.manager,
  ): Promise<ApiKey> {
    const [row] = await db.query(
      `INSERT INTO api_keys (organisation_id, key_id, secret_sha256, label)
       VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [key.organisationId, key.keyId, key.secretSha256, key.label],
    );
    return row;
  }

  /** The active (not revoked) key with this public id, with its organisation. */
  async findActiveCredential(keyId: string): Promise<ApiKeyCredential | undefined> {
    const [row] = await preparedQuery<ApiKeyCredentialRow>(
      this.db,
      'find-active-credential',
      `SELECT k.id, k.secret_sha256 AS "secretSha256",
              json_build_object('id', o.id, 'name', o.name, 'roles', o.roles,
                                'createdAt', o.created_at) AS organisation
         FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
        WHERE k.key_id = $1 AND k.revoked_at IS NULL`,
      [keyId],
    );
    return (
      row && {
        ...row,
        organisation: { ...row.organisation, createdAt: new Date(row.organisation.createdAt) },
      }
    );
  }

  async findByKeyId(
    keyId: string,
    db: EntityManager = this.db.manager,
  ): Promise<ApiKey | undefined> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM api_keys WHERE key_id = $1`, [keyId]);
    return row;
  }

  async listByOrganisation(organisationId: string): Promise<ApiKey[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
  }

  /** Revokes one of the organisation's keys; returns undefined when it has no such key. */
  async revoke(organisationId: string, id: string): Promise<ApiKey | undefined> {
    const [rows] = await this.db.query(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now())
        WHERE organisation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [organisationId, id],
    );
    return rows[0];
  }

  async markUsed(ids: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = ANY ($1::uuid[])`, [
      ids,
    ]);
  }
}
