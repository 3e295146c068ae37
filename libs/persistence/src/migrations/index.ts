/** Every migration, oldest first. A new migration is added here. */
import { Identity1795510800000 } from './1795510800000-identity';
import { CatalogueAndEvents1795514400000 } from './1795514400000-catalogue-and-events';
import { Ledger1795518000000 } from './1795518000000-ledger';
import { Devices1795521600000 } from './1795521600000-devices';
import { ScanInbox1795525200000 } from './1795525200000-scan-inbox';
import { ScanHotPath1795528800000 } from './1795528800000-scan-hot-path';
import { Alerts1795532400000 } from './1795532400000-alerts';
import { EpcisIndex1795536000000 } from './1795536000000-epcis-index';
import { EventEpcs1795539600000 } from './1795539600000-event-epcs';
import { CaptureJobs1795543200000 } from './1795543200000-capture-jobs';
import { Subscriptions1795546800000 } from './1795546800000-subscriptions';
import { CompanyPrefixes1795550400000 } from './1795550400000-company-prefixes';
import { ConsoleSessions1795554000000 } from './1795554000000-console-sessions';
import { SiteActivity1795557600000 } from './1795557600000-site-activity';
import { AlertInvestigations1795561200000 } from './1795561200000-alert-investigations';
import { ShipmentsAsScanned1795568400000 } from './1795568400000-shipments-as-scanned';

export const migrations = [
  Identity1795510800000,
  CatalogueAndEvents1795514400000,
  Ledger1795518000000,
  Devices1795521600000,
  ScanInbox1795525200000,
  ScanHotPath1795528800000,
  Alerts1795532400000,
  EpcisIndex1795536000000,
  EventEpcs1795539600000,
  CaptureJobs1795543200000,
  Subscriptions1795546800000,
  CompanyPrefixes1795550400000,
  ConsoleSessions1795554000000,
  SiteActivity1795557600000,
  AlertInvestigations1795561200000,
  ShipmentsAsScanned1795568400000,
];
