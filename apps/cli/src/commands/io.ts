/** Where a command writes and reads; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for commands that read `-`. */
  stdin: NodeJS.ReadableStream;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: process.stdin,
};
