/**
 * `npm run bench`: prints the measured figures as a table and as JSON (last line), each rate
 * beside the machine's own SHA-256 rate from the same run.
 */
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { cpus } from 'node:os';
import { benchLedger } from './ledger.bench';
import { benchStart } from './start.bench';

async function main(): Promise<void> {
  const start = await benchStart();
  const ledger = benchLedger(nodeCryptoBackend);
  const sha = ledger.sha256RawPerSecond;
  const per = (rate: number) => `${Math.round(rate).toLocaleString('en')} /s`;
  // Each operation's cost in SHA-256 calls' time: an append does two hashes' work at best.
  const ratio = (rate: number) =>
    `${(rate / sha).toFixed(3)} × raw SHA-256 rate = ${(sha / rate).toFixed(1)} hashes' time each`;
  const rows: Array<[string, string, string]> = [
    ['cold start to /health 200 (new data folder)', `${Math.round(start.coldMs)} ms`, ''],
    ['warm start to /health 200', `${Math.round(start.warmMs)} ms`, ''],
    ['SHA-256 of 65 B, node:crypto (machine limit)', per(sha), '1.000'],
    [
      'Merkle append (leaf hash + frontier)',
      per(ledger.appendPerSecond),
      ratio(ledger.appendPerSecond),
    ],
    [
      'Merkle append, recording nodes in memory',
      per(ledger.appendStoringNodesPerSecond),
      ratio(ledger.appendStoringNodesPerSecond),
    ],
    [
      `inclusion proof, tree of ${ledger.treeSize.toLocaleString('en')}`,
      per(ledger.inclusionProofsPerSecond),
      ratio(ledger.inclusionProofsPerSecond),
    ],
    [
      `consistency proof, tree of ${ledger.treeSize.toLocaleString('en')}`,
      per(ledger.consistencyProofsPerSecond),
      ratio(ledger.consistencyProofsPerSecond),
    ],
  ];
  console.log(
    `Pedigree benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, medians of 3`,
  );
  for (const [what, value, note] of rows)
    console.log(`${what.padEnd(48)} ${value.padStart(14)}   ${note}`);
  console.log(JSON.stringify({ start, ledger }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
