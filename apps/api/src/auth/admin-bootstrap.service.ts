/**
 * The platform needs one administrator to create the first organisations. At start: with
 * PEDIGREE_ADMIN_KEY set, that key is made an admin key (for automation and tests); otherwise, on
 * the very first start, an admin organisation and a random key are created and the key is printed
 * once. Replicas starting together serialise on an advisory lock.
 */
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyRepository, OrganisationRepository } from '@pedigree/persistence';
import { DataSource } from 'typeorm';
import { ApiKeyService, keyIdOf } from './api-key.service';

/** Arbitrary constant naming the bootstrap lock. */
const BOOTSTRAP_LOCK = 0x7065_6469;

export const ADMIN_KEY = 'pedigree:admin-key';

@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('admin');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly keys: ApiKeyRepository,
    private readonly apiKeys: ApiKeyService,
    @Optional() @Inject(ADMIN_KEY) private readonly adminKey?: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const printed = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const existing = await this.organisations.findFirstWithRole('admin', tx);
      const admin =
        existing ??
        (await this.organisations.insert({ name: 'Platform administrator', roles: ['admin'] }, tx));
      if (this.adminKey) {
        const known = await this.keys.findByKeyId(keyIdOf(this.adminKey), tx);
        if (!known) {
          await this.apiKeys.register(admin.id, this.adminKey, 'PEDIGREE_ADMIN_KEY', tx);
        }
        return undefined;
      }
      return existing ? undefined : (await this.apiKeys.issue(admin.id, 'first admin key', tx)).key;
    });
    if (this.adminKey) {
      const owner = await this.apiKeys.authenticate(this.adminKey).catch(() => undefined);
      if (!owner?.roles.includes('admin')) {
        this.logger.error(
          'PEDIGREE_ADMIN_KEY is not an active admin key: it was revoked, or its first 12 ' +
            'characters after "pdg_" belong to another key. Set a new one (pedigree keys api).',
        );
      }
    }
    if (printed) {
      this.logger.warn(
        `Admin API key (shown once, keep it safe): ${printed}\n` +
          '  Use it as "Authorization: Bearer <key>" to create organisations with POST /organisations.',
      );
    }
  }
}
