/** The HTTP API: organisations, sites and API keys, behind the API key guard. */
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ADMIN_KEY, AdminBootstrapService } from './auth/admin-bootstrap.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyService } from './auth/api-key.service';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';

@Module({})
export class ApiModule {
  /** `adminKey` is PEDIGREE_ADMIN_KEY, when set. */
  static forRoot(options: { adminKey?: string }): DynamicModule {
    return {
      module: ApiModule,
      controllers: [OrganisationsController, SitesController, ApiKeysController],
      providers: [
        ApiKeyService,
        OrganisationsService,
        SitesService,
        AdminBootstrapService,
        { provide: ADMIN_KEY, useValue: options.adminKey },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    };
  }
}
