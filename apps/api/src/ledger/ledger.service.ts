/**
 * Reads the ledger for the HTTP API. Proofs are computed by the ledger library over just the
 * nodes they need, fetched in one query (`*NodeIds` -> MerkleNodeRepository.load). Nodes and
 * blocks are append-only, so reading the block first and the nodes second is consistent.
 */
import { Injectable } from '@nestjs/common';
import { epcisEventOf, type EpcisEvent } from '@pedigree/domain';
import {
  blockHash,
  consistencyProof,
  consistencyProofNodeIds,
  encodeBlockHeader,
  inclusionProof,
  inclusionProofNodeIds,
  leafHash,
  toBase64,
  type NodeId,
} from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import {
  BlockRepository,
  headerOfBlock,
  LedgerEventRepository,
  MerkleNodeRepository,
  type Block,
  type EventLeaf,
} from '@pedigree/persistence';
import { ApiException } from '../errors/api.exception';
import type {
  BlocksView,
  BlockView,
  ConsistencyView,
  InclusionView,
  LeafView,
  LeavesView,
  ProofView,
} from './dto/ledger.dto';

const backend = nodeCryptoBackend;

@Injectable()
export class LedgerService {
  constructor(
    private readonly blocks: BlockRepository,
    private readonly nodes: MerkleNodeRepository,
    private readonly events: LedgerEventRepository,
  ) {}

  /** @throws ApiException NOT_FOUND before the first block. */
  async checkpoint(): Promise<string> {
    return (await this.latest()).checkpoint;
  }

  /** @throws ApiException NOT_FOUND before the first block. */
  async key(): Promise<string> {
    return `${(await this.latest()).signer}\n`;
  }

  /** @throws ApiException NOT_FOUND when no block has this height yet. */
  async block(height: number | 'latest'): Promise<BlockView> {
    const block = height === 'latest' ? await this.latest() : await this.blocks.atHeight(height);
    if (!block) {
      throw new ApiException(
        'NOT_FOUND',
        `There is no block ${height} yet. GET /ledger/blocks/latest gives the newest block and its height.`,
      );
    }
    return blockView(block);
  }

  /** Up to `limit` blocks from height `from` on, oldest first; none past the newest. */
  async blockPage(from: number, limit: number): Promise<BlocksView> {
    return { blocks: (await this.blocks.range(from, limit)).map(blockView) };
  }

  /** The sealed events with leaf index in [from, from + limit), in leaf order. */
  async leafPage(from: number, limit: number): Promise<LeavesView> {
    const rows = await this.events.sealedRange(from, limit);
    return {
      from,
      limit,
      leaves: rows.map((row) => ({ ...row, document: toBase64(row.document) })),
    };
  }

  /** @throws ApiException VALIDATION when from > to or to is beyond the latest block. */
  async consistency(from: number, to?: number): Promise<ConsistencyView> {
    const latest = await this.latest();
    const size = to ?? latest.treeSize;
    if (size > latest.treeSize) {
      throw new ApiException(
        'VALIDATION',
        `to=${size} is beyond the latest checkpoint (tree size ${latest.treeSize}): use a size from a checkpoint, or leave "to" out for the latest.`,
      );
    }
    if (from > size) {
      throw new ApiException(
        'VALIDATION',
        `from=${from} is larger than to=${size}: a log only grows, so ask for the older size as "from".`,
      );
    }
    const store = await this.nodes.load(consistencyProofNodeIds(from, size));
    const proof = consistencyProof(backend, from, size, store);
    return { from, to: size, proof: proof.map(toBase64) };
  }

  /** @throws ApiException NOT_FOUND for an unknown or not yet sealed event. */
  async leaf(eventId: string): Promise<LeafView> {
    const { leafIndex, document } = await this.sealedEvent(eventId);
    return {
      eventId,
      leafIndex,
      document: toBase64(document),
      leafHash: toBase64(leafHash(backend, document)),
    };
  }

  /**
   * The sealed event as EPCIS 2.0 JSON-LD: its canonical JSON is the leaf, so a client checks
   * what it reads here against the event's inclusion proof.
   * @throws ApiException NOT_FOUND for an unknown or not yet sealed event.
   */
  async epcisEvent(eventId: string): Promise<EpcisEvent> {
    return epcisEventOf((await this.sealedEvent(eventId)).document);
  }

  /**
   * @throws ApiException NOT_FOUND for an unknown or unsealed event; VALIDATION when treeSize is
   *   not the size of a block or does not contain the event yet.
   */
  async proof(eventId: string, treeSize?: number): Promise<ProofView> {
    const { leafIndex, document } = await this.sealedEvent(eventId);
    const block =
      treeSize === undefined ? await this.latest() : await this.blocks.withTreeSize(treeSize);
    if (!block) {
      throw new ApiException(
        'VALIDATION',
        `No block has tree size ${treeSize}: ask for the size of a checkpoint you hold, or leave treeSize out for the latest.`,
      );
    }
    if (leafIndex >= block.treeSize) {
      throw new ApiException(
        'VALIDATION',
        `Event ${eventId} is leaf ${leafIndex}, after the ${block.treeSize} leaves of that checkpoint: ask for a later treeSize, or leave it out for the latest.`,
      );
    }
    const store = await this.nodes.load(inclusionProofNodeIds(leafIndex, block.treeSize));
    const path = inclusionProof(backend, leafIndex, block.treeSize, store);
    return {
      eventId,
      leafIndex,
      treeSize: block.treeSize,
      leafHash: toBase64(leafHash(backend, document)),
      path: path.map(toBase64),
      block: blockView(block),
    };
  }

  /**
   * Inclusion proofs of sealed leaves in the latest block's tree, each with its leaf hash as the
   * sealer stored it, from one read of the nodes: the consumer page proves a pack's whole journey
   * without the events' documents. Leaves the latest block does not cover yet are left out.
   * @throws ApiException NOT_FOUND before the first block.
   */
  async inclusionsAtLatest(
    leafIndexes: readonly number[],
  ): Promise<{ checkpoint: string; signer: string; proofs: InclusionView[] }> {
    const block = await this.latest();
    const covered = leafIndexes.filter((index) => index < block.treeSize);
    const wanted: NodeId[] = covered.flatMap((index) => [
      { level: 0, index },
      ...inclusionProofNodeIds(index, block.treeSize),
    ]);
    const store = await this.nodes.load(wanted);
    return {
      checkpoint: block.checkpoint,
      signer: block.signer,
      proofs: covered.map((leafIndex) => ({
        leafIndex,
        leafHash: toBase64(store.getNode(0, leafIndex)),
        path: inclusionProof(backend, leafIndex, block.treeSize, store).map(toBase64),
      })),
    };
  }

  private async latest(): Promise<Block> {
    const block = await this.blocks.latest();
    if (!block) {
      throw new ApiException(
        'NOT_FOUND',
        'No block has been sealed yet: the first one closes about a second after the first event is recorded. Try again shortly.',
      );
    }
    return block;
  }

  private async sealedEvent(eventId: string): Promise<EventLeaf & { leafIndex: number }> {
    const event = await this.events.leaf(eventId);
    if (!event) {
      throw new ApiException(
        'NOT_FOUND',
        `No event has id ${eventId}. Check the id your capture or scan was answered with.`,
      );
    }
    if (event.leafIndex === null) {
      throw new ApiException(
        'NOT_FOUND',
        `Event ${eventId} is recorded but not sealed yet: the sealer adds it to a block within about a second. Try again in a second.`,
      );
    }
    return { ...event, leafIndex: event.leafIndex };
  }
}

function blockView(block: Block): BlockView {
  const header = headerOfBlock(block);
  return {
    height: block.height,
    previousHash: toBase64(block.previousHash),
    sealedAt: block.sealedAt.toISOString(),
    timeMs: header.timeMs,
    treeSize: block.treeSize,
    root: toBase64(block.root),
    signature: toBase64(block.signature),
    header: toBase64(encodeBlockHeader(header)),
    hash: toBase64(blockHash(backend, header)),
    checkpoint: block.checkpoint,
    signer: block.signer,
  };
}
