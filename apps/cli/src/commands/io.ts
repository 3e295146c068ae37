/** Where a command writes and reads; tests pass their own. */
import { PassThrough } from 'node:stream';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for commands that read `-`. */
  stdin: NodeJS.ReadableStream;
  /** A status line that replaces the previous one (a live progress line), where it can. */
  status?(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: process.stdin,
  status: (text) => process.stderr.write(process.stderr.isTTY ? `\r${text}\u001b[K` : `${text}\n`),
};

/** An Io that keeps what a command writes, for the commands' specs. */
export function capturedIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    stdin: new PassThrough(),
  };
}
