/** Rows of the identity tables as the repositories return them (camelCase, dates as Date). */
import type { Role } from '@pedigree/domain';

export interface Organisation {
  id: string;
  name: string;
  roles: Role[];
  createdAt: Date;
}

export interface Site {
  id: string;
  organisationId: string;
  gln: string;
  name: string;
  address: string;
  city: string;
  country: string;
  createdAt: Date;
}

export interface ApiKey {
  id: string;
  organisationId: string;
  keyId: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What authenticating a request needs: the stored hash and who the key speaks for. */
export interface ApiKeyCredential {
  id: string;
  secretSha256: Buffer;
  organisation: Organisation;
}

/** An enrolled scanner as its organisation sees it; `publicKey` is base64 of the raw 32 bytes. */
export interface Device {
  id: string;
  organisationId: string;
  siteGln: string;
  name: string;
  publicKey: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  /** Envelopes and scans the ingest has accepted from it. */
  envelopes: number;
  scans: number;
}

/** What the ingest needs to check a device's envelope: its raw key, and for whom it scans. */
export interface IngestDevice {
  id: string;
  publicKey: Buffer;
  organisationId: string;
  siteId: string;
  siteGln: string;
  revoked: boolean;
}
