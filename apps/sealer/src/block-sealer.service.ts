/**
 * The sealing loop. While this process holds the sealer lock, every PEDIGREE_BLOCK_INTERVAL_MS it
 * takes up to PEDIGREE_BLOCK_MAX_EVENTS unsealed events, builds the next block over them
 * (block-builder.ts) and writes it in one transaction (SealingRepository). A full batch means a
 * backlog, so the next block starts at once instead of after the interval.
 *
 * The chain head (height, block hash, Merkle frontier) lives in memory only while active. It is
 * rebuilt from the tables on becoming active and after any failed transaction, so a standby that
 * takes over continues the very chain the old sealer left, with no gap, and a sealer that lost a
 * race to another one rejoins the chain instead of forking it.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import {
  bytesEqual,
  CompactRange,
  frontierNodeIds,
  toHex,
  type NoteSignerKey,
} from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import {
  BlockRepository,
  headerOfBlock,
  LedgerEventRepository,
  MerkleNodeRepository,
  SealConflictError,
  SealingRepository,
} from '@pedigree/persistence';
import { buildBlock, emptyHead, headOf, type ChainHead } from './block-builder';
import { SealerClock } from './sealer-clock';
import { countSealFailure, countSealed } from './sealer-metrics';
import { SealerKeySource } from './sealer-key';
import { SealerLeadership } from './sealer-leadership.service';
import { SEALER_OPTIONS, type SealerOptions } from './sealer.options';

const backend = nodeCryptoBackend;

@Injectable()
export class BlockSealer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('sealer');
  private signer!: NoteSignerKey;
  private head?: ChainHead;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastError?: string;

  constructor(
    @Inject(SEALER_OPTIONS) private readonly options: SealerOptions,
    private readonly leadership: SealerLeadership,
    private readonly clock: SealerClock,
    private readonly keys: SealerKeySource,
    private readonly events: LedgerEventRepository,
    private readonly blocks: BlockRepository,
    private readonly nodes: MerkleNodeRepository,
    private readonly sealing: SealingRepository,
  ) {}

  /** Loads the key first, so a bad PEDIGREE_SEALER_KEY stops the start with its sentence. */
  onModuleInit(): void {
    this.signer = this.keys.load();
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Seals at most one block. Returns the number of events sealed (0 when standby or idle).
   * @throws SealConflictError when another sealer moved the chain; errors of the database
   */
  async sealOnce(): Promise<number> {
    if (!this.leadership.isActive()) {
      this.head = undefined;
      return 0;
    }
    this.head ??= await this.rebuild();
    const started = performance.now();
    const events = await this.events.unsealed(this.options.maxEvents);
    if (events.length === 0) return 0;
    const built = buildBlock(
      backend,
      this.head,
      events,
      this.clock.now(),
      this.signer,
      this.options.origin,
    );
    await this.sealing.seal(built.batch);
    this.head = built.next;
    const { height, treeSize, root, timeMs } = built.header;
    countSealed(events.length, treeSize, timeMs, (performance.now() - started) / 1_000);
    this.logger.debug(
      `Sealed block ${height}: ${events.length} events, tree size ${treeSize}, root ${toHex(root)}`,
    );
    return events.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const started = performance.now();
    let sealed = 0;
    try {
      sealed = await this.sealOnce();
      this.lastError = undefined;
    } catch (error) {
      this.head = undefined;
      countSealFailure();
      this.report(error);
    }
    const full = sealed === this.options.maxEvents;
    this.schedule(full ? 0 : Math.max(0, this.options.intervalMs - (performance.now() - started)));
  }

  /** One line per distinct failure, not one per tick, while the database is away. */
  private report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastError || this.stopped) return;
    this.lastError = message;
    if (error instanceof SealConflictError) {
      this.logger.warn(`${message} Rebuilding the chain head from the database.`);
    } else {
      this.logger.error(`Sealing failed: ${message} Retrying every interval.`);
    }
  }

  /**
   * The head as the tables hold it: the latest block, and the frontier at its tree size from
   * merkle_nodes (one query), checked against the block's signed root.
   * @throws Error when the stored nodes do not give the stored root (the tables were altered)
   */
  private async rebuild(): Promise<ChainHead> {
    const latest = await this.blocks.latest();
    if (!latest) return emptyHead(backend);
    const store = await this.nodes.load(frontierNodeIds(latest.treeSize));
    const range = CompactRange.fromStore(backend, latest.treeSize, store);
    if (!bytesEqual(range.root(), latest.root)) {
      throw new Error(
        `The stored Merkle nodes do not give block ${latest.height}'s root: merkle_nodes or blocks was altered. Restore them from a backup before sealing again.`,
      );
    }
    this.logger.log(
      `Continuing the chain at block ${latest.height} (tree size ${latest.treeSize}).`,
    );
    return headOf(backend, headerOfBlock(latest), range);
  }
}
