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
