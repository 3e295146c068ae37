/**
 * Rows of the ledger tables as the repositories return them: integers as numbers (exact below
 * 2^53, the ledger library's limit), bytes as Buffer, times as Date (millisecond precision, which
 * is what the block header signs).
 */

/** One sealed block: its header fields, its signature and its C2SP checkpoint note. */
export interface Block {
  height: number;
  previousHash: Buffer;
  sealedAt: Date;
  treeSize: number;
  root: Buffer;
  /** Ed25519 signature of the 89-byte header (see @pedigree/ledger block-header.ts). */
  signature: Buffer;
  /** The C2SP signed note of the checkpoint at treeSize. */
  checkpoint: string;
  /** The C2SP vkey that signed the header and the checkpoint. */
  signer: string;
}

/** An event waiting for the sealer, oldest id first. */
export interface UnsealedEvent {
  id: string;
  document: Buffer;
}

/** What the ledger knows of one event: its committed bytes and, once sealed, its leaf index. */
export interface EventLeaf {
  eventId: string;
  leafIndex: number | null;
  document: Buffer;
}

/** A sealed event in the log: its leaf index and the bytes its leaf commits to. */
export interface SealedLeaf {
  leafIndex: number;
  eventId: string;
  document: Buffer;
}

/** New Merkle nodes as parallel columns, ready for `unnest`. */
export interface MerkleNodeColumns {
  levels: number[];
  indexes: number[];
  hashes: Uint8Array[];
}

/** Everything one sealing transaction writes. */
export interface SealedBatch {
  block: Block;
  /** The events in leaf order: eventIds[i] gets leaf index block.treeSize - eventIds.length + i. */
  eventIds: string[];
  nodes: MerkleNodeColumns;
}
