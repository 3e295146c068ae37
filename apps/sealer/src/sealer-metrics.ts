/**
 * The sealer's figures for `/metrics`: blocks and events sealed, the chain's size and the time of
 * its last block (so an alert can fire when sealing stops), failures, and how long a seal takes.
 */
import { Counter, Gauge, Histogram } from 'prom-client';

const blocks = new Counter({
  name: 'pedigree_sealer_blocks_total',
  help: 'Blocks this process sealed.',
});

const events = new Counter({
  name: 'pedigree_sealer_events_sealed_total',
  help: 'Events this process sealed into blocks.',
});

const treeSize = new Gauge({
  name: 'pedigree_sealer_tree_size',
  help: 'Leaves in the log after the last block this process sealed.',
});

const lastBlock = new Gauge({
  name: 'pedigree_sealer_last_block_timestamp_seconds',
  help: "Unix time of the last block this process sealed (the block header's time).",
});

const sealSeconds = new Histogram({
  name: 'pedigree_sealer_seal_seconds',
  help: 'Time to seal one block: read the unsealed events, build, sign and write it.',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

const failures = new Counter({
  name: 'pedigree_sealer_failures_total',
  help: 'Sealing attempts that failed (the database away, or another sealer moved the chain).',
});

export function countSealed(sealed: number, size: number, timeMs: number, seconds: number): void {
  blocks.inc();
  events.inc(sealed);
  treeSize.set(size);
  lastBlock.set(timeMs / 1_000);
  sealSeconds.observe(seconds);
}

export function countSealFailure(): void {
  failures.inc();
}
