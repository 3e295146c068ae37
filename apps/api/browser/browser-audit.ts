/**
 * The whole-chain audit as the regulator's browser runs it (docs/console.md): the ledger API read
 * page by page (GET /ledger/blocks, GET /ledger/leaves: a regulator's session) and verified with
 * the pure ledger library, as `pedigree audit --api` does (apps/cli), with progress after each
 * page. It trusts the sealer key the platform serves (GET /ledger/key) and the log's name its
 * checkpoint carries, and says so; an auditor who wants to pin the key runs the CLI with --key.
 */
import {
  auditChain,
  bytesEqual,
  fromBase64,
  leafHash,
  ledgerApiPages,
  nobleBackend,
  parseVerifierKey,
  type AuditOutcome,
  type ChainSource,
  type CryptoBackend,
  type LedgerBlockJson,
} from '@pedigree/ledger';
import { readCheckpoint } from '../src/console/chain-state';
import { checkProofs } from './check-proofs';

/** Leaves per page: small enough that a page is quick and the bar moves; the API allows 10,000. */
export const AUDIT_LEAVES_PAGE = 1_000;

/** GETs a path of the API: its status and body text (fetch with the session, or a fake). */
export type Fetcher = (path: string) => Promise<{ status: number; text: string }>;

/** Why the audit could not run to its end (not a finding: the chain was not all read). */
export class AuditReadError extends Error {}

async function json<T>(fetcher: Fetcher, path: string): Promise<T> {
  const { status, text } = await fetcher(path);
  if (status < 200 || status > 299) {
    let message = `GET ${path.split('?')[0]} answered ${status}`;
    try {
      const error = JSON.parse(text) as { message?: unknown };
      if (typeof error.message === 'string') message = error.message;
    } catch {
      // not JSON: the status says it
    }
    throw new AuditReadError(message);
  }
  return JSON.parse(text) as T;
}

/** The ledger API as the audit's source, reporting how far the leaves are read. */
function apiSource(
  fetcher: Fetcher,
  treeSize: number,
  leavesRead: (count: number) => void,
): ChainSource {
  return {
    signersFrom: 'served by this platform (GET /ledger/key)',
    treeSize: () => Promise.resolve(treeSize),
    ...ledgerApiPages((path) => json(fetcher, path), {
      leavesPage: AUDIT_LEAVES_PAGE,
      leavesRead,
    }),
    signers: () => Promise.resolve([]),
    unsealedCount: () => Promise.resolve(null),
  };
}

export interface BrowserAudit {
  /** The vkey trusted, as the platform served it; null when there is no block yet. */
  key: string | null;
  /** The tree size audited. */
  total: number;
  outcome: AuditOutcome | null;
}

/**
 * Audits the chain up to its newest block at the start; `progress` hears the events read so far
 * and the total after each page.
 * @throws AuditReadError when the API cannot be read (refused, unreachable, not a ledger)
 */
export async function runBrowserAudit(
  fetcher: Fetcher,
  progress: (done: number, total: number) => void,
  backend: CryptoBackend = nobleBackend,
): Promise<BrowserAudit> {
  const checkpoint = await fetcher('/ledger/checkpoint');
  if (checkpoint.status === 404) return { key: null, total: 0, outcome: null };
  if (checkpoint.status !== 200) await json(fetcher, '/ledger/checkpoint');
  const summary = readCheckpoint(checkpoint.text);
  if (!summary) throw new AuditReadError('the checkpoint the platform serves is not one');
  const latest = await json<LedgerBlockJson>(fetcher, '/ledger/blocks/latest');
  const served = await fetcher('/ledger/key');
  if (served.status !== 200) throw new AuditReadError('the platform serves no sealer key');
  const key = served.text.trim();
  let verifier;
  try {
    verifier = parseVerifierKey(backend, key);
  } catch {
    throw new AuditReadError(`the sealer key the platform serves is not a key: ${key}`);
  }
  const total = latest.treeSize;
  progress(0, total);
  const source = apiSource(fetcher, total, (done) => progress(done, total));
  const outcome = await auditChain(source, backend, [verifier], summary.origin, (done) =>
    progress(done, total),
  );
  return { key, total, outcome };
}

/**
 * Proves one sealed event in the browser: its bytes (GET /ledger/events/{id}/leaf) hash to the
 * leaf its inclusion proof (GET /ledger/events/{id}/proof) leads from to the root of a checkpoint
 * signed by `key`. False when any of it does not hold or cannot be read.
 * @example await proveEvent(fetcher, '42', vkey) // true
 */
export async function proveEvent(
  fetcher: Fetcher,
  eventId: string,
  key: string,
  backend: CryptoBackend = nobleBackend,
): Promise<boolean> {
  try {
    const [proof, leaf] = await Promise.all([
      json<{ leafIndex: number; leafHash: string; path: string[]; block: { checkpoint: string } }>(
        fetcher,
        `/ledger/events/${encodeURIComponent(eventId)}/proof`,
      ),
      json<{ leafIndex: number; document: string }>(
        fetcher,
        `/ledger/events/${encodeURIComponent(eventId)}/leaf`,
      ),
    ]);
    const hashed = leafHash(backend, fromBase64(leaf.document));
    if (leaf.leafIndex !== proof.leafIndex || !bytesEqual(hashed, fromBase64(proof.leafHash))) {
      return false;
    }
    const outcome = checkProofs(
      {
        checkpoint: proof.block.checkpoint,
        keys: [key],
        leaves: [{ leafIndex: proof.leafIndex, leafHash: proof.leafHash, path: proof.path }],
      },
      backend,
    );
    return outcome.ok;
  } catch {
    return false;
  }
}
