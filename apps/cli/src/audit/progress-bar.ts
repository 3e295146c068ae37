/**
 * The audit's progress on stderr (stdout keeps only the summary, for scripts): a bar redrawn in
 * place on a terminal, one line every 10 % otherwise (CI logs, pipes).
 */
import type { Io } from '../commands/io';

export function progressBar(
  io: Io,
  tty = process.stderr.isTTY,
): (done: number, total: number) => void {
  let shown = -1;
  let last = -1;
  return (done, total) => {
    if (done === last) return;
    last = done;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const counts = `${done.toLocaleString('en')} / ${total.toLocaleString('en')} events`;
    if (tty) {
      const bar = '#'.repeat(Math.floor(percent / 5)).padEnd(20, '.');
      process.stderr.write(`\r[${bar}] ${percent}% ${counts}${done >= total ? '\n' : ''}`);
    } else if (percent >= shown + 10 || done >= total) {
      shown = percent - (percent % 10);
      io.err(`audited ${counts} (${percent}%)`);
    }
  };
}
