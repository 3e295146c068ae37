/**
 * SQL for the web console's sessions. A session row holds the SHA-256 of its token, never the
 * token, and the API key it was made from: the lookup joins that key, so revoking the key ends its
 * sessions at the next request, on every process.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../prepared-query';
import type { Organisation } from './identity.rows';

/** A live session: the key it speaks for, whose organisation, and until when. */
export interface ConsoleSession {
  apiKeyId: string;
  organisation: Organisation;
  expiresAt: Date;
}

type ConsoleSessionRow = Omit<ConsoleSession, 'organisation'> & {
  organisation: Omit<Organisation, 'createdAt'> & { createdAt: string };
};

@Injectable()
export class ConsoleSessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a new session of the key; returns when it expires. */
  async insert(session: {
    tokenSha256: Buffer;
    apiKeyId: string;
    lifetimeSeconds: number;
  }): Promise<Date> {
    const [row] = await this.db.query(
      `INSERT INTO console_sessions (token_sha256, api_key_id, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))
       RETURNING expires_at AS "expiresAt"`,
      [session.tokenSha256, session.apiKeyId, session.lifetimeSeconds],
    );
    return row.expiresAt;
  }

  /** The session with this token hash, if it has not expired and its key is not revoked. */
  async findLive(tokenSha256: Buffer): Promise<ConsoleSession | undefined> {
    const [row] = await preparedQuery<ConsoleSessionRow>(
      this.db,
      'find-live-console-session',
      `SELECT s.api_key_id AS "apiKeyId", s.expires_at AS "expiresAt",
              json_build_object('id', o.id, 'name', o.name, 'roles', o.roles,
                                'createdAt', o.created_at) AS organisation
         FROM console_sessions s
         JOIN api_keys k ON k.id = s.api_key_id AND k.revoked_at IS NULL
         JOIN organisations o ON o.id = k.organisation_id
        WHERE s.token_sha256 = $1 AND s.expires_at > now()`,
      [tokenSha256],
    );
    return (
      row && {
        ...row,
        expiresAt: new Date(row.expiresAt),
        organisation: { ...row.organisation, createdAt: new Date(row.organisation.createdAt) },
      }
    );
  }

  /** Deletes one session (sign-out); true when there was one. */
  async delete(tokenSha256: Buffer): Promise<boolean> {
    const [, deleted] = await this.db.query(
      `DELETE FROM console_sessions WHERE token_sha256 = $1`,
      [tokenSha256],
    );
    return deleted > 0;
  }

  /** Deletes every session of a key (it was revoked). */
  async deleteForKey(apiKeyId: string): Promise<void> {
    await this.db.query(`DELETE FROM console_sessions WHERE api_key_id = $1`, [apiKeyId]);
  }

  /** Deletes expired sessions and those of revoked keys, which can no longer be used. */
  async deleteDead(): Promise<void> {
    await this.db.query(
      `DELETE FROM console_sessions s
        WHERE s.expires_at <= now()
           OR EXISTS (SELECT 1 FROM api_keys k WHERE k.id = s.api_key_id AND k.revoked_at IS NOT NULL)`,
    );
  }
}
