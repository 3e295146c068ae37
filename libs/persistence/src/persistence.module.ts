/** Connects the apps to PostgreSQL and provides the repositories. */
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertRepository } from './alerts/alert.repository';
import { SiteActivityRepository } from './activity/site-activity.repository';
import { VerificationRepository } from './activity/verification.repository';
import { ShipmentRepository } from './activity/shipment.repository';
import { PackRepository } from './catalogue/pack.repository';
import { ProductRepository } from './catalogue/product.repository';
import { dataSourceOptions } from './data-source';
import { CaptureJobRepository } from './epcis/capture-job.repository';
import { CompanyPrefixRepository } from './identity/company-prefix.repository';
import { EpcisQueryRepository } from './events/epcis-query.repository';
import { EventRepository } from './events/event.repository';
import { ApiKeyRepository } from './identity/api-key.repository';
import { ConsoleSessionRepository } from './identity/console-session.repository';
import { DeviceRepository } from './identity/device.repository';
import { ScanInboxRepository } from './ingest/scan-inbox.repository';
import { OrganisationRepository } from './identity/organisation.repository';
import { SiteRepository } from './identity/site.repository';
import { BlockRepository } from './ledger/block.repository';
import { LedgerEventRepository } from './ledger/ledger-event.repository';
import { MerkleNodeRepository } from './ledger/merkle-node.repository';
import { SealingRepository } from './ledger/sealing.repository';
import { SubscriptionDeliveryRepository } from './epcis/subscription-delivery.repository';
import { SubscriptionRepository } from './epcis/subscription.repository';

const repositories = [
  OrganisationRepository,
  SiteRepository,
  ApiKeyRepository,
  ConsoleSessionRepository,
  DeviceRepository,
  ProductRepository,
  PackRepository,
  EventRepository,
  EpcisQueryRepository,
  CaptureJobRepository,
  CompanyPrefixRepository,
  BlockRepository,
  MerkleNodeRepository,
  LedgerEventRepository,
  SealingRepository,
  ScanInboxRepository,
  AlertRepository,
  VerificationRepository,
  SiteActivityRepository,
  ShipmentRepository,
  SubscriptionRepository,
  SubscriptionDeliveryRepository,
];

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
