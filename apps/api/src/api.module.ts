/**
 * The HTTP API behind the API key guard (a bearer key, or the web console's session made from
 * one): organisations, sites, keys and scanner devices; the catalogue, commissioning and the
 * supply-chain steps; the ledger; the consumer page and the web console.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { RecordingModule } from '@pedigree/recording';
import { ActivityController } from './activity/activity.controller';
import { ActivityService } from './activity/activity.service';
import { ShipmentsController } from './activity/shipments.controller';
import { ShipmentsService } from './activity/shipments.service';
import { AlertsController } from './alerts/alerts.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ADMIN_KEY, AdminBootstrapService } from './auth/admin-bootstrap.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyService } from './auth/api-key.service';
import { ConsoleSessionService } from './auth/console-session.service';
import { PUBLIC_RATE_LIMIT, PublicRateLimitGuard } from './auth/public-rate-limit.guard';
import { CommissioningService } from './catalogue/commissioning.service';
import { ConsoleController } from './console/console.controller';
import { ConsoleScript } from './console/console-script';
import { ConsoleService } from './console/console.service';
import { ConsumerController } from './consumer/consumer.controller';
import { ConsumerService } from './consumer/consumer.service';
import { ProofScript } from './consumer/proof-script';
import { DevicesController } from './devices/devices.controller';
import { DevicesService } from './devices/devices.service';
import { PacksController } from './catalogue/packs.controller';
import { PacksService } from './catalogue/packs.service';
import { ProductsController } from './catalogue/products.controller';
import { ProductsService } from './catalogue/products.service';
import { RecallService } from './catalogue/recall.service';
import { SerialSource } from './catalogue/serial-source';
import { StepsController } from './events/steps.controller';
import { StepsService } from './events/steps.service';
import { LabelsController } from './labels/labels.controller';
import { LabelsService } from './labels/labels.service';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';
import { EpcisCaptureController } from './epcis/capture.controller';
import { EpcisCaptureService } from './epcis/capture.service';
import { EpcisQueryController } from './epcis/query.controller';
import { EpcisQueryService } from './epcis/query.service';
import { SubscriptionNotifier } from './epcis/notifier';
import { EpcisQueriesController } from './epcis/queries.controller';
import { EpcisQueriesService } from './epcis/queries.service';
import { EpcisSubscriptionsController } from './epcis/subscriptions.controller';
import { EpcisSubscriptionsService } from './epcis/subscriptions.service';
import { WebhookDestinations } from './epcis/webhook-destination';
import { OpenApiController } from './openapi/openapi.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { PUBLIC_URL, PublicUrl } from './public-url';
import { OrganisationsService } from './organisations/organisations.service';
import { QuarantineController } from './quarantine/quarantine.controller';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { VerifyController } from './verify/verify.controller';
import { VerificationTrail } from './verify/verification-trail';
import { VerifyService } from './verify/verify.service';

@Module({})
export class ApiModule {
  /**
   * `adminKey` is PEDIGREE_ADMIN_KEY and `publicUrl` PEDIGREE_PUBLIC_URL, when set;
   * `publicRateLimit` is PEDIGREE_PUBLIC_RATE_LIMIT, `webhookPrivateDestinations`
   * PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS.
   */
  static forRoot(options: {
    adminKey?: string;
    publicUrl?: string;
    publicRateLimit: number;
    webhookPrivateDestinations?: 'refuse' | 'allow';
  }): DynamicModule {
    return {
      module: ApiModule,
      imports: [RecordingModule, DiscoveryModule],
      controllers: [
        OrganisationsController,
        SitesController,
        ApiKeysController,
        DevicesController,
        ProductsController,
        PacksController,
        StepsController,
        LedgerController,
        LabelsController,
        QuarantineController,
        VerifyController,
        AlertsController,
        ActivityController,
        ShipmentsController,
        ConsumerController,
        ConsoleController,
        OpenApiController,
        EpcisQueryController,
        EpcisQueriesController,
        EpcisSubscriptionsController,
        EpcisCaptureController,
      ],
      providers: [
        ApiKeyService,
        ConsoleSessionService,
        OrganisationsService,
        SitesService,
        DevicesService,
        ProductsService,
        CommissioningService,
        RecallService,
        PacksService,
        SerialSource,
        StepsService,
        VerifyService,
        VerificationTrail,
        EpcisQueryService,
        EpcisQueriesService,
        EpcisSubscriptionsService,
        SubscriptionNotifier,
        EpcisCaptureService,
        LedgerService,
        LabelsService,
        ConsumerService,
        ProofScript,
        ActivityService,
        ShipmentsService,
        ConsoleService,
        ConsoleScript,
        AdminBootstrapService,
        { provide: ADMIN_KEY, useValue: options.adminKey },
        PublicUrl,
        { provide: PUBLIC_URL, useValue: options.publicUrl },
        { provide: PUBLIC_RATE_LIMIT, useValue: options.publicRateLimit },
        {
          provide: WebhookDestinations,
          useValue: new WebhookDestinations(options.webhookPrivateDestinations === 'allow'),
        },
        { provide: APP_GUARD, useClass: PublicRateLimitGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    };
  }
}
