/**
 * The ingest's figures for `/metrics`, counted once a batch has committed (a batch that is tried
 * again is not counted twice): messages by outcome, quarantine by reason, scan verdicts, and the
 * size and time of each batch.
 */
import { countVerdicts } from '@pedigree/recording';
import { Counter, Histogram } from 'prom-client';

const messages = new Counter({
  name: 'pedigree_ingest_messages_total',
  help: 'Scanner messages settled, by outcome: accepted (recorded), answered_again (an identical redelivery, answered with its first verdicts) or quarantined.',
  labelNames: ['outcome'] as const,
});

const quarantined = new Counter({
  name: 'pedigree_ingest_quarantined_total',
  help: 'Scanner messages quarantined, by reason (docs/protocol.md, "Quarantine").',
  labelNames: ['reason'] as const,
});

const batchSeconds = new Histogram({
  name: 'pedigree_ingest_batch_seconds',
  help: 'Time to record one batch of messages, its transaction and commit included.',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

const batchMessages = new Histogram({
  name: 'pedigree_ingest_batch_messages',
  help: 'Messages recorded per batch.',
  buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000],
});

/** What one committed batch did. */
export interface BatchTally {
  accepted: number;
  answeredAgain: number;
  quarantineReasons: string[];
  verdictCodes: string[];
}

/** Counts what a committed batch did. */
export function countSettled(tally: BatchTally): void {
  messages.inc({ outcome: 'accepted' }, tally.accepted);
  messages.inc({ outcome: 'answered_again' }, tally.answeredAgain);
  messages.inc({ outcome: 'quarantined' }, tally.quarantineReasons.length);
  for (const reason of tally.quarantineReasons) quarantined.inc({ reason });
  countVerdicts('scan', tally.verdictCodes);
}

/** The size and time of one committed batch. */
export function observeBatch(size: number, seconds: number): void {
  batchMessages.observe(size);
  batchSeconds.observe(seconds);
}
