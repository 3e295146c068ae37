/**
 * `pedigree audit [--database URL | --api URL [--api-key KEY]] [--key VKEY]... [--origin NAME]`:
 * verifies the whole chain, from PostgreSQL or through the ledger API, and exits 0 only when
 * everything holds; otherwise names the first bad place and exits 1; 2 when it cannot run.
 * Without --key it trusts the sealer keys the source names, and says so.
 */
import { loadConfig, type PedigreeConfig } from '@pedigree/config';
import {
  auditChain,
  parseVerifierKey,
  type ChainSource,
  type NoteVerifierKey,
} from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { ChainReader } from '@pedigree/persistence';
import { Client } from 'pg';
import { parseArgs } from 'node:util';
import { AuditSourceError } from '../audit/audit-source.error';
import { HttpChainSource } from '../audit/http-chain-source';
import { progressBar } from '../audit/progress-bar';
import type { Io } from './io';

interface AuditOptions {
  database?: string;
  api?: string;
  'api-key'?: string;
}

export async function auditCommand(args: string[], io: Io): Promise<number> {
  const config = loadConfig();
  const { values } = parseArgs({
    args,
    options: {
      database: { type: 'string' },
      api: { type: 'string' },
      'api-key': { type: 'string' },
      key: { type: 'string', multiple: true },
      origin: { type: 'string', default: config.PEDIGREE_LOG_ORIGIN },
    },
    strict: true,
  });
  if (values.database !== undefined && values.api !== undefined) {
    io.err('pedigree audit: give either --database or --api, not both.');
    return 2;
  }
  let opened: { source: ChainSource; close(): Promise<void> };
  try {
    opened = await openSource(values, config);
  } catch (error) {
    io.err(`pedigree audit: ${(error as Error).message}`);
    return 2;
  }
  try {
    const { source } = opened;
    const keys = await trustedKeys(source, values.key ?? [], io);
    const started = performance.now();
    const outcome = await auditChain(
      source,
      nodeCryptoBackend,
      keys,
      String(values.origin),
      progressBar(io),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(outcome.leaves / Math.max(seconds, 1e-3)).toLocaleString('en');
    if (outcome.finding) {
      io.out(`Chain NOT verified: ${outcome.finding.where}: ${outcome.finding.what}.`);
      io.out(`Verified before it: ${outcome.blocks} blocks, ${outcome.leaves} events.`);
      return 1;
    }
    io.out(
      `Chain verified: ${outcome.blocks} blocks, ${outcome.leaves.toLocaleString('en')} events` +
        (outcome.head
          ? `, head at height ${outcome.head.height} (tree size ${outcome.head.treeSize})`
          : '') +
        `, in ${seconds.toFixed(1)} s (${rate} events/s).`,
    );
    const unsealed = await source.unsealedCount();
    if (unsealed)
      io.out(`${unsealed} newer events are waiting for the sealer and were not audited.`);
    return 0;
  } catch (error) {
    io.err(`pedigree audit: could not finish: ${(error as Error).message}`);
    return 2;
  } finally {
    await opened.close();
  }
}

/**
 * The ledger API when --api is given, else PostgreSQL (--database, DATABASE_URL, or the embedded
 * server of `npm start`).
 * @throws AuditSourceError saying what to do when the database cannot be reached
 */
async function openSource(
  values: AuditOptions,
  config: PedigreeConfig,
): Promise<{ source: ChainSource; close(): Promise<void> }> {
  if (values.api !== undefined) {
    return {
      source: new HttpChainSource(values.api, values['api-key']),
      close: () => Promise.resolve(),
    };
  }
  const url =
    values.database ??
    config.DATABASE_URL ??
    `postgres://postgres@127.0.0.1:${config.PEDIGREE_EMBEDDED_PG_PORT}/pedigree`;
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new AuditSourceError(
      `cannot reach the database at ${new URL(url).host} (${(error as Error).message}). ` +
        'Start Pedigree (npm start) for its embedded database, or pass --database / set DATABASE_URL.',
    );
  }
  return { source: new ChainReader(client), close: () => client.end() };
}

/** The keys given, or else the ones the source names (said out loud). */
async function trustedKeys(
  source: ChainSource,
  given: string[],
  io: Io,
): Promise<NoteVerifierKey[]> {
  if (given.length > 0) return given.map((vkey) => parseVerifierKey(nodeCryptoBackend, vkey));
  const named = await source.signers();
  if (named.length > 0) {
    io.err(
      `Trusting the sealer key${named.length > 1 ? 's' : ''} ${source.signersFrom}: ${named.join(', ')}. ` +
        'Pass --key with a copy taken out of band to pin it.',
    );
  }
  return named.map((vkey) => parseVerifierKey(nodeCryptoBackend, vkey));
}
