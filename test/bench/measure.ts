/** Timing helpers for the benchmarks: rates over a fixed duration, medians of repeated runs. */

/** Calls `step` in batches for about `ms` milliseconds; returns operations per second. */
export function ratePerSecond(step: (i: number) => void, ms = 1_000, batch = 1_000): number {
  let done = 0;
  const started = process.hrtime.bigint();
  const until = started + BigInt(ms) * 1_000_000n;
  let now = started;
  while (now < until) {
    for (let i = 0; i < batch; i++) step(done + i);
    done += batch;
    now = process.hrtime.bigint();
  }
  return done / (Number(now - started) / 1e9);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of `runs` calls of a rate measurement. */
export function medianRate(runs: number, measure: () => number): number {
  return median(Array.from({ length: runs }, measure));
}
