/**
 * The ledger API as an audit source: blocks from the public `GET /ledger/blocks` pages, sealed
 * events from `GET /ledger/leaves` (regulator or admin key), one page per range. The server
 * does not send the leaf hashes it sealed, so a changed event is caught by its block's root.
 */
import type { ChainSource, SourceBlock, SourceLeaf } from '@pedigree/ledger';
import { AuditSourceError } from './audit-source.error';

/** The largest page each endpoint answers (docs/ledger.md). */
const LEAVES_PAGE = 10_000;

interface BlockJson {
  height: number;
  previousHash: string;
  timeMs: number;
  treeSize: number;
  root: string;
  signature: string;
  checkpoint: string;
}

interface LeafJson {
  leafIndex: number;
  eventId: string;
  document: string;
}

const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64');

export class HttpChainSource implements ChainSource {
  readonly signersFrom: string;
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly apiKey: string | undefined,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.signersFrom = `served by ${this.base}/ledger/key`;
  }

  async treeSize(): Promise<number> {
    const latest = await this.get<BlockJson>('/ledger/blocks/latest', { notFound: null });
    return latest?.treeSize ?? 0;
  }

  async blocks(from: number, limit: number): Promise<SourceBlock[]> {
    const page = await this.get<{ blocks: BlockJson[] }>(
      `/ledger/blocks?from=${from}&limit=${Math.min(limit, 1_000)}`,
    );
    return page.blocks.map((block) => ({
      height: block.height,
      previousHash: bytes(block.previousHash),
      timeMs: block.timeMs,
      treeSize: block.treeSize,
      root: bytes(block.root),
      signature: bytes(block.signature),
      checkpoint: block.checkpoint,
    }));
  }

  /**
   * Page after page from `from` on. The server may cut a page short (by bytes): the next page
   * starts after the last leaf received, or after the page when it held none (those are missing).
   */
  async *leaves(from: number, to: number): AsyncGenerator<SourceLeaf[]> {
    let next = from;
    while (next < to) {
      const limit = Math.min(LEAVES_PAGE, to - next);
      const page = await this.get<{ leaves: LeafJson[] }>(
        `/ledger/leaves?from=${next}&limit=${limit}`,
      );
      const leaves = page.leaves.map((leaf) => ({ ...leaf, document: bytes(leaf.document) }));
      next = leaves.length > 0 ? leaves[leaves.length - 1].leafIndex + 1 : next + limit;
      yield leaves;
    }
  }

  async signers(): Promise<string[]> {
    const key = await this.get<string>('/ledger/key', { notFound: null, text: true });
    return key ? [key.trim()] : [];
  }

  unsealedCount(): Promise<number | null> {
    return Promise.resolve(null);
  }

  /** @throws AuditSourceError with what to do when the API is unreachable or refuses. */
  private async get<T>(
    path: string,
    options: { notFound?: null; text?: boolean } = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        headers: this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {},
      });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new AuditSourceError(
        `cannot reach the API at ${this.base} (${cause}). Check the URL given with --api and that Pedigree is running.`,
      );
    }
    if (response.status === 404 && 'notFound' in options) return options.notFound as T;
    if (response.status === 401 || response.status === 403) {
      throw new AuditSourceError(
        `the API refused ${path.split('?')[0]} (${response.status}): reading every event needs the API key of an organisation with the regulator or admin role. Pass it with --api-key.`,
      );
    }
    if (!response.ok) {
      const body = await response.text();
      throw new AuditSourceError(
        `GET ${path} answered ${response.status}: ${body.slice(0, 300)}. Check --api points at a Pedigree API.`,
      );
    }
    return (options.text ? await response.text() : await response.json()) as T;
  }
}
