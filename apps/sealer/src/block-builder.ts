/**
 * Pure: turns the chain's head and a batch of event documents into the next block, ready for the
 * one sealing transaction. No I/O, clock or randomness: given the same head, documents, time and
 * key it yields the same bytes (docs/ledger.md's worked example is checked against this).
 *
 * Each document's leaf is leafHash(document) = SHA-256(0x00 || document), appended in the given
 * order; every complete node the appends create (leaves at level 0 included) is returned for
 * merkle_nodes. The head is not changed: the caller adopts `next` only after the commit.
 */
import type { SealedBatch } from '@pedigree/persistence';
import {
  blockHash,
  CompactRange,
  formatCheckpoint,
  formatVerifierKey,
  GENESIS_PREVIOUS_HASH,
  createLeafHasher,
  signBlockHeader,
  signNote,
  type BlockHeader,
  type CryptoBackend,
  type NoteSignerKey,
} from '@pedigree/ledger';

/** What the sealer must know to extend the chain. */
export interface ChainHead {
  /** Height of the latest block; -1 before the genesis block. */
  height: number;
  /** blockHash of the latest block (32 zero bytes before genesis). */
  hash: Uint8Array;
  /** sealed time of the latest block (ms); block times never go backwards. */
  timeMs: number;
  /** The frontier at the latest block's tree size. */
  range: CompactRange;
}

/** The head of an empty chain. */
export function emptyHead(backend: CryptoBackend): ChainHead {
  return { height: -1, hash: GENESIS_PREVIOUS_HASH, timeMs: 0, range: CompactRange.empty(backend) };
}

/** The head a stored block leaves, given the frontier rebuilt at its tree size. */
export function headOf(
  backend: CryptoBackend,
  header: BlockHeader,
  range: CompactRange,
): ChainHead {
  return { height: header.height, hash: blockHash(backend, header), timeMs: header.timeMs, range };
}

export interface BuiltBlock {
  header: BlockHeader;
  batch: SealedBatch;
  next: ChainHead;
}

/**
 * The block after `head` over `events` (at least one), sealed at `nowMs` (or the previous
 * block's time if the clock went back), signed by `signer` for log `origin`.
 * @throws Error when `events` is empty (the sealer writes no empty blocks); LedgerError on a bad key
 */
export function buildBlock(
  backend: CryptoBackend,
  head: ChainHead,
  events: ReadonlyArray<{ id: string; document: Uint8Array }>,
  nowMs: number,
  signer: NoteSignerKey,
  origin: string,
): BuiltBlock {
  if (events.length === 0) throw new Error('A block needs at least one event.');
  const range = head.range.clone();
  const nodes: SealedBatch['nodes'] = { levels: [], indexes: [], hashes: [] };
  const visit = (level: number, index: number, hash: Uint8Array) => {
    nodes.levels.push(level);
    nodes.indexes.push(index);
    nodes.hashes.push(hash);
  };
  const hashLeaf = createLeafHasher(backend);
  for (const event of events) range.append(hashLeaf(event.document), visit);
  const root = range.root();
  const header: BlockHeader = {
    version: 1,
    height: head.height + 1,
    previousHash: head.hash,
    timeMs: Math.max(nowMs, head.timeMs),
    treeSize: range.size,
    root,
  };
  const signature = signBlockHeader(backend, signer.seed, header);
  const checkpoint = signNote(
    backend,
    formatCheckpoint({ origin, size: range.size, root, extensions: [] }),
    [signer],
  );
  return {
    header,
    batch: {
      block: {
        height: header.height,
        previousHash: buffer(header.previousHash),
        sealedAt: new Date(header.timeMs),
        treeSize: header.treeSize,
        root: buffer(root),
        signature: buffer(signature),
        checkpoint,
        signer: formatVerifierKey(signer),
      },
      eventIds: events.map((event) => event.id),
      nodes,
    },
    next: headOf(backend, header, range),
  };
}

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
