/**
 * Verdicts given, counted for `/metrics`: the API's verifications and the ingest's scans share
 * DESIGN.md's vocabulary, so one counter with the source as a label lets a dashboard compare them.
 */
import { Counter } from 'prom-client';

export type VerdictSource = 'verify' | 'scan' | 'consumer';

export const verdictsGiven = new Counter({
  name: 'pedigree_verdicts_total',
  help: 'Verdicts given, by source (verify: POST /verify, scan: scanner envelopes, consumer: the public pack page) and verdict code.',
  labelNames: ['source', 'code'] as const,
});

/** Counts one verdict per code given. */
export function countVerdicts(source: VerdictSource, codes: Iterable<string>): void {
  for (const code of codes) verdictsGiven.inc({ source, code });
}
