/**
 * `pedigree audit [--database URL] [--key VKEY]... [--origin NAME]`: verifies the whole chain
 * from the database and exits 0 only when everything holds; otherwise names the first bad place
 * and exits 1. Without --key it trusts the sealer keys the blocks name, and says so.
 */
import { loadConfig } from '@pedigree/config';
import { parseVerifierKey, type NoteVerifierKey } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { ChainReader } from '@pedigree/persistence';
import { Client } from 'pg';
import { parseArgs } from 'node:util';
import { auditChain } from '../audit/audit-chain';
import type { Io } from './io';

export async function auditCommand(args: string[], io: Io): Promise<number> {
  const config = loadConfig();
  const { values } = parseArgs({
    args,
    options: {
      database: { type: 'string' },
      key: { type: 'string', multiple: true },
      origin: { type: 'string', default: config.PEDIGREE_LOG_ORIGIN },
    },
    strict: true,
  });
  const url =
    values.database ??
    config.DATABASE_URL ??
    `postgres://postgres@127.0.0.1:${config.PEDIGREE_EMBEDDED_PG_PORT}/pedigree`;
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    io.err(
      `pedigree audit: cannot reach the database at ${new URL(url).host} (${(error as Error).message}). ` +
        'Start Pedigree (npm start) for its embedded database, or pass --database / set DATABASE_URL.',
    );
    return 2;
  }
  try {
    const reader = new ChainReader(client);
    const keys = await trustedKeys(reader, values.key ?? [], io);
    const started = performance.now();
    const outcome = await auditChain(
      reader,
      nodeCryptoBackend,
      keys,
      String(values.origin),
      progressBar(io),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(outcome.leaves / Math.max(seconds, 1e-3)).toLocaleString('en');
    const unsealed = await reader.unsealedCount();
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
    if (unsealed > 0)
      io.out(`${unsealed} newer events are waiting for the sealer and were not audited.`);
    return 0;
  } finally {
    await client.end();
  }
}

/** The keys given, or else the ones the blocks were signed with (said out loud). */
async function trustedKeys(
  reader: ChainReader,
  given: string[],
  io: Io,
): Promise<NoteVerifierKey[]> {
  if (given.length > 0) return given.map((vkey) => parseVerifierKey(nodeCryptoBackend, vkey));
  const recorded = await reader.signers();
  if (recorded.length > 0) {
    io.err(
      `Trusting the sealer key${recorded.length > 1 ? 's' : ''} recorded in the database: ${recorded.join(', ')}. Pass --key to pin it.`,
    );
  }
  return recorded.map((vkey) => parseVerifierKey(nodeCryptoBackend, vkey));
}

/** A progress line on stderr: redrawn in place on a terminal, every 10 % otherwise. */
function progressBar(io: Io): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let shown = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (tty) {
      const bar = '#'.repeat(Math.floor(percent / 5)).padEnd(20, '.');
      process.stderr.write(
        `\r[${bar}] ${percent}% ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events`,
      );
      if (done >= total) process.stderr.write('\n');
    } else if (percent >= shown + 10 || done >= total) {
      shown = percent - (percent % 10);
      io.err(
        `audited ${done.toLocaleString('en')} of ${total.toLocaleString('en')} events (${percent}%)`,
      );
    }
  };
}
