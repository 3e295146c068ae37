/**
 * What `pedigree audit` reads a chain from. Two implementations: ChainReader (@pedigree/persistence,
 * PostgreSQL itself) and HttpChainSource (the ledger API), so one driver (audit-chain.ts) audits
 * both. Leaves come in ranges of leaf indexes, not counts of rows, so a missing event is a gap.
 */

/** A block as stored: the header's fields, its signature and its checkpoint note. */
export interface SourceBlock {
  height: number;
  previousHash: Uint8Array;
  timeMs: number;
  treeSize: number;
  root: Uint8Array;
  signature: Uint8Array;
  checkpoint: string;
}

/** A sealed event in leaf order. */
export interface SourceLeaf {
  leafIndex: number;
  eventId: string;
  /** The bytes its leaf commits to. */
  document: Uint8Array;
  /** The leaf hash the sealer recorded, when the source has it (the database does, HTTP not). */
  sealedHash?: Uint8Array | null;
}

export interface ChainSource {
  /** Where the sealer keys of `signers()` come from, for the "Trusting ..." line. */
  readonly signersFrom: string;
  /** The tree size of the newest block; 0 before the first. */
  treeSize(): Promise<number>;
  /** Up to `limit` blocks from height `from` on, in height order. */
  blocks(from: number, limit: number): Promise<SourceBlock[]>;
  /** Sealed events with leaf index in [from, to), in leaf order. */
  leaves(from: number, to: number): Promise<SourceLeaf[]>;
  /** The vkeys the source says signed the chain (trusted only when no --key is given). */
  signers(): Promise<string[]>;
  /** Events recorded but not sealed yet; null when the source cannot tell. */
  unsealedCount(): Promise<number | null>;
}

/** The audit could not run (unreachable source, refused key): exit 2, not a finding. */
export class AuditSourceError extends Error {}
