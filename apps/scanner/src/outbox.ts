/**
 * A scanner's outbox (docs/protocol.md, "Sessions and delivery"): every signed envelope stays in
 * it until its verdict arrives, so a dead broker, ingest or platform loses nothing; after a
 * reconnect the device sends what is still in it again, in sequence order. It also hands out the
 * sequence numbers, never one twice, across restarts.
 *
 * On disk, a folder holds one file per waiting envelope (`<seq>.json`, the exact bytes sent) and
 * `next-seq`, the first number not yet reserved. Numbers are reserved 1,000 at a time, so a
 * restart skips at most 1,000 (the protocol allows gaps) and the hot path writes one file per
 * envelope. Without a folder the outbox lives in memory (tests, throwaway simulations).
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESERVE = 1_000;
const ENVELOPE_FILE = /^(\d{1,16})\.json$/;

export class Outbox {
  private readonly waiting = new Map<number, Uint8Array>();
  private next: number;
  private reservedUpTo: number;

  /**
   * @param dir the folder to keep it in, created when missing; undefined keeps it in memory
   * @throws Error when the folder cannot be created or read
   */
  constructor(private readonly dir?: string) {
    if (dir === undefined) {
      this.next = this.reservedUpTo = Date.now() * 1_000;
      return;
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(dir)) {
      const match = ENVELOPE_FILE.exec(name);
      if (match) this.waiting.set(Number(match[1]), readFileSync(join(dir, name)));
    }
    let stored: number | undefined;
    try {
      stored = Number(readFileSync(join(dir, 'next-seq'), 'utf8'));
    } catch {
      // A new outbox: start at the clock (microseconds), above anything an earlier one used.
    }
    this.next = Number.isSafeInteger(stored) ? stored! : Date.now() * 1_000;
    this.reservedUpTo = this.next;
  }

  /** A sequence number never handed out before. */
  nextSeq(): number {
    if (this.next >= this.reservedUpTo) {
      this.reservedUpTo = this.next + RESERVE;
      this.write('next-seq', String(this.reservedUpTo));
    }
    return this.next++;
  }

  /** Keeps an envelope until its verdict arrives. */
  put(seq: number, bytes: Uint8Array): void {
    this.waiting.set(seq, bytes);
    this.write(`${seq}.json`, bytes);
  }

  /** Drops an envelope once its verdict arrived; false when it was not waiting. */
  settle(seq: number): boolean {
    if (!this.waiting.delete(seq)) return false;
    if (this.dir !== undefined) rmSync(join(this.dir, `${seq}.json`), { force: true });
    return true;
  }

  /** The waiting envelopes, lowest sequence number first. */
  pending(): Array<[number, Uint8Array]> {
    return [...this.waiting].sort(([a], [b]) => a - b);
  }

  get size(): number {
    return this.waiting.size;
  }

  /** Writes a file whole or not at all (a crash mid-write leaves the old one). */
  private write(name: string, bytes: Uint8Array | string): void {
    if (this.dir === undefined) return;
    const path = join(this.dir, name);
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  }
}
