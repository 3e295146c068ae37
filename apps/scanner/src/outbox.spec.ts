import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox } from './outbox';

describe('the scanner outbox', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pedigree-outbox-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bytes = (text: string) => new TextEncoder().encode(text);

  it('keeps envelopes on disk until settled, and gives them back in sequence order after a restart', () => {
    const first = new Outbox(dir);
    const [a, b, c] = [first.nextSeq(), first.nextSeq(), first.nextSeq()];
    expect([b - a, c - b]).toEqual([1, 1]);
    first.put(c, bytes('third'));
    first.put(a, bytes('first'));
    first.put(b, bytes('second'));
    expect(first.settle(b)).toBe(true);
    expect(first.settle(b)).toBe(false);

    const restarted = new Outbox(dir);
    expect(restarted.pending().map(([seq, body]) => [seq, new TextDecoder().decode(body)])).toEqual(
      [
        [a, 'first'],
        [c, 'third'],
      ],
    );
    expect(restarted.size).toBe(2);
  });

  it('never hands out a sequence number twice, across restarts', () => {
    const used = new Set<number>();
    for (let run = 0; run < 3; run++) {
      const outbox = new Outbox(dir);
      for (let i = 0; i < 1_500; i++) {
        const seq = outbox.nextSeq();
        expect(used.has(seq)).toBe(false);
        used.add(seq);
      }
    }
    expect(Number.isSafeInteger(Math.max(...used))).toBe(true);
  });

  it('ignores files that are not envelopes, and leaves no temporary file behind', () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const outbox = new Outbox(dir);
    outbox.put(outbox.nextSeq(), bytes('{}'));
    expect(outbox.size).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('lives in memory without a folder', () => {
    const outbox = new Outbox();
    const seq = outbox.nextSeq();
    outbox.put(seq, bytes('{}'));
    expect(outbox.pending()).toHaveLength(1);
    expect(outbox.settle(seq)).toBe(true);
    expect(outbox.size).toBe(0);
  });
});
