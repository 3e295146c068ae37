/** Rows of the catalogue tables as the repositories return them. */

/** What a verification tells about a product. */
export type ProductFacts = Pick<Product, 'gtin' | 'name' | 'form' | 'strength' | 'packSize'>;

export interface Product {
  id: string;
  organisationId: string;
  gtin: string;
  name: string;
  form: string;
  strength: string;
  packSize: number;
  nationalCode: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  createdAt: Date;
}

export interface Batch {
  id: string;
  productId: string;
  lot: string;
  /** YYMMDD as on the pack (AI 17); day 00 means the end of the month. */
  expiry: string;
  quantity: number;
  recalledAt: Date | null;
  recallReason: string | null;
  createdAt: Date;
}

/** The last decommissioning of a pack, kept for the undo rules. */
export interface Decommission {
  state: string;
  at: string;
  organisationId: string;
  siteId: string;
}

/** A pack with what its rules need: its product, batch, state and custody. */
export interface PackRecord {
  id: string;
  gtin: string;
  serial: string;
  lot: string;
  expiry: string;
  state: string;
  custodySiteId: string | null;
  inTransitTo: string | null;
  containerSscc: string | null;
  lastDecommission: Decommission | null;
  batchRecalled: boolean;
  productWithdrawn: boolean;
  productOwnerId: string;
}

/** What anyone may learn of a pack beyond its verdict: its maker and its recall notice. */
export interface PublicPackFacts {
  /** The name of the organisation that registered the product. */
  manufacturer: string;
  recalledAt: Date | null;
  recallReason: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

/** The fields of a pack an event changes. */
export type PackChange = Pick<
  PackRecord,
  'id' | 'state' | 'custodySiteId' | 'inTransitTo' | 'containerSscc' | 'lastDecommission'
>;

export interface Container {
  sscc: string;
  organisationId: string;
  parentSscc: string | null;
  createdAt: Date;
}
