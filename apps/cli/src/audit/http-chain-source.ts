/**
 * The ledger API as an audit source: blocks from the public `GET /ledger/blocks` pages, sealed
 * events from `GET /ledger/leaves` (regulator or admin key), read page by page
 * (`ledgerApiPages`, which the regulator's browser reads with too).
 */
import {
  ledgerApiPages,
  type ChainSource,
  type LedgerBlockJson,
  type SourceBlock,
  type SourceLeaf,
} from '@pedigree/ledger';
import { AuditSourceError } from './audit-source.error';

/** The largest page GET /ledger/leaves answers (docs/ledger.md). */
const LEAVES_PAGE = 10_000;

export class HttpChainSource implements ChainSource {
  readonly signersFrom: string;
  private readonly base: string;
  private readonly pages = ledgerApiPages((path) => this.get(path), { leavesPage: LEAVES_PAGE });

  constructor(
    baseUrl: string,
    private readonly apiKey: string | undefined,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.signersFrom = `served by ${this.base}/ledger/key`;
  }

  async treeSize(): Promise<number> {
    const latest = await this.get<LedgerBlockJson>('/ledger/blocks/latest', { notFound: null });
    return latest?.treeSize ?? 0;
  }

  blocks(from: number, limit: number): Promise<SourceBlock[]> {
    return this.pages.blocks(from, limit);
  }

  leaves(from: number, to: number): AsyncIterable<SourceLeaf[]> {
    return this.pages.leaves(from, to);
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
