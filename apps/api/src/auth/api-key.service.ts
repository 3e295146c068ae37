/**
 * API keys: `pdg_` + 43 base64url characters (256 random bits). The first 12 characters after the
 * prefix are the key's public id (the lookup handle, shown in listings); the SHA-256 of the whole
 * key is stored and compared in constant time. SHA-256 rather than a slow password hash: a key has
 * 256 bits of entropy, so nothing is gained by slowing a check that runs on every request.
 */
import { Injectable } from '@nestjs/common';
import {
  ApiKeyRepository,
  ConsoleSessionRepository,
  type ApiKey,
  type Organisation,
} from '@pedigree/persistence';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';

export const API_KEY_PATTERN = /^pdg_([A-Za-z0-9_-]{12})[A-Za-z0-9_-]{20,188}$/;

/** A key as shown once, at creation. */
export interface IssuedApiKey extends ApiKey {
  key: string;
}

const MARK_USED_EVERY_MS = 60_000;

@Injectable()
export class ApiKeyService {
  private readonly lastMarked = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly sessions: ConsoleSessionRepository,
  ) {}

  /** Creates a random key for the organisation. The returned `key` is never retrievable again. */
  async issue(organisationId: string, label: string, db?: EntityManager): Promise<IssuedApiKey> {
    return this.register(organisationId, `pdg_${randomBytes(32).toString('base64url')}`, label, db);
  }

  /** Stores a key chosen by the operator (PEDIGREE_ADMIN_KEY). */
  async register(
    organisationId: string,
    key: string,
    label: string,
    db?: EntityManager,
  ): Promise<IssuedApiKey> {
    const stored = await this.keys.insert(
      { organisationId, keyId: keyIdOf(key), secretSha256: sha256(key), label },
      db,
    );
    return { ...stored, key };
  }

  /**
   * The organisation a bearer key speaks for.
   *
   * @throws ApiException UNAUTHENTICATED when the key is malformed, unknown or revoked.
   */
  async authenticate(key: string): Promise<Organisation> {
    return (await this.credential(key)).organisation;
  }

  /**
   * The key's id and the organisation it speaks for (a console session is tied to the key's id).
   *
   * @throws ApiException UNAUTHENTICATED when the key is malformed, unknown or revoked.
   */
  async credential(key: string): Promise<{ apiKeyId: string; organisation: Organisation }> {
    const match = API_KEY_PATTERN.exec(key);
    const credential = match && (await this.keys.findActiveCredential(match[1]));
    if (!credential || !timingSafeEqual(credential.secretSha256, sha256(key))) {
      throw new ApiException(
        'UNAUTHENTICATED',
        'This API key is not valid or has been revoked. Ask your organisation for a current key.',
      );
    }
    this.noteUse(credential.id);
    return { apiKeyId: credential.id, organisation: credential.organisation };
  }

  list(organisationId: string): Promise<ApiKey[]> {
    return this.keys.listByOrganisation(organisationId);
  }

  /**
   * Revokes one of the organisation's keys at once, and ends the console sessions made from it;
   * revoking twice keeps the first time.
   *
   * @throws ApiException NOT_FOUND when the organisation has no such key.
   */
  async revoke(organisationId: string, id: string): Promise<ApiKey> {
    const revoked = await this.keys.revoke(organisationId, id);
    if (!revoked) {
      throw new ApiException(
        'NOT_FOUND',
        `Your organisation has no API key with id ${id}. List your keys with GET /api-keys.`,
      );
    }
    await this.sessions.deleteForKey(revoked.id);
    return revoked;
  }

  /**
   * Records the key's last use (by itself or by a console session made from it) at most once a
   * minute per key, off the request's path.
   */
  noteUse(id: string): void {
    const now = Date.now();
    if (now - (this.lastMarked.get(id) ?? 0) < MARK_USED_EVERY_MS) return;
    this.lastMarked.set(id, now);
    this.keys.markUsed([id]).catch(() => this.lastMarked.delete(id));
  }
}

/** The public id of a key matching API_KEY_PATTERN. */
export function keyIdOf(key: string): string {
  return key.slice(4, 16);
}

function sha256(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
