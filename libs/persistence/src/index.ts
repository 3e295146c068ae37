export {
  AlertRepository,
  type Alert,
  type AlertNote,
  type AlertScope,
  type NewAlert,
} from './alerts/alert.repository';
export {
  SiteActivityRepository,
  type ActivityWindow,
  type AlertEntry,
  type DecommissionEvent,
  type PackLabel,
  type VerificationEntry,
} from './activity/site-activity.repository';
export { VerificationRepository, type NewVerification } from './activity/verification.repository';
export {
  ShipmentRepository,
  type AwaitedPack,
  type ShipmentDay,
} from './activity/shipment.repository';
export type {
  Batch,
  Container,
  Decommission,
  PackChange,
  PackRecord,
  Product,
  ProductFacts,
  PublicPackFacts,
} from './catalogue/catalogue.rows';
export { BULK_CHUNK, PackRepository } from './catalogue/pack.repository';
export { ProductRepository, type NewBatch, type NewProduct } from './catalogue/product.repository';
export { dataSourceOptions, migrate } from './data-source';
export { ChainReader } from './ledger/chain-reader';
export {
  EventRepository,
  type JourneyStep,
  type NewEvent,
  type StoredEvent,
} from './events/event.repository';
export { ApiKeyRepository } from './identity/api-key.repository';
export {
  ConsoleSessionRepository,
  type ConsoleSession,
} from './identity/console-session.repository';
export { CompanyPrefixRepository } from './identity/company-prefix.repository';
export { DeviceRepository, type DeviceSeen, type NewDevice } from './identity/device.repository';
export type {
  ApiKey,
  ApiKeyCredential,
  Device,
  IngestDevice,
  Organisation,
  Site,
} from './identity/identity.rows';
export {
  ScanInboxRepository,
  type AcceptedEnvelope,
  type QuarantineRow,
  type QuarantinedMessage,
} from './ingest/scan-inbox.repository';
export { OrganisationRepository } from './identity/organisation.repository';
export { SiteRepository, type NewSite } from './identity/site.repository';
export { BlockRepository, headerOfBlock } from './ledger/block.repository';
export { LedgerEventRepository } from './ledger/ledger-event.repository';
export {
  EpcisQueryRepository,
  type EpcisEventFilter,
  type EpcisViewer,
} from './events/epcis-query.repository';
export type {
  Block,
  EventLeaf,
  MerkleNodeColumns,
  SealedBatch,
  SealedLeaf,
  UnsealedEvent,
} from './ledger/ledger.rows';
export { MerkleNodeRepository } from './ledger/merkle-node.repository';
export { SealConflictError, SealingRepository } from './ledger/sealing.repository';
export {
  CaptureJobRepository,
  type CaptureJob,
  type CaptureJobError,
  type CaptureOutcome,
} from './epcis/capture-job.repository';
export {
  SubscriptionRepository,
  type Delivery,
  type DeliveryState,
  type NamedQuery,
  type Subscription,
} from './epcis/subscription.repository';
export {
  SubscriptionDeliveryRepository,
  type LeasedSubscription,
  type PendingDelivery,
  type Watermark,
} from './epcis/subscription-delivery.repository';
export { PersistenceModule } from './persistence.module';
