/** Connects the apps to PostgreSQL and provides the repositories. */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';
import { ApiKeyRepository } from './identity/api-key.repository';
import { OrganisationRepository } from './identity/organisation.repository';
import { SiteRepository } from './identity/site.repository';

const repositories = [OrganisationRepository, SiteRepository, ApiKeyRepository];

@Global()
@Module({})
export class PersistenceModule {
  /** `databaseUrl` is the resolved URL: DATABASE_URL, or the embedded server's. */
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 0 })],
      providers: repositories,
      exports: repositories,
    };
  }
}
