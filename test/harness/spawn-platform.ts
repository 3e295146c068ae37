/**
 * Runs the built `pedigree` command as a real process, the way a user does, and waits for its
 * start-up banner. Output is kept for assertions and printed when a start fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

const MAIN = join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

export interface SpawnedPlatform {
  child: ChildProcess;
  /** The API base URL from the banner. */
  url: string;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `pedigree <args>` to completion.
 * @throws Error with what it printed when it has not finished within `timeoutMs` (it is stopped)
 */
export async function runPedigree(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
  timeoutMs = 45_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const started = Date.now();
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearTimeout(timer);
  if (Date.now() - started >= timeoutMs) {
    throw new Error(
      `pedigree ${args.join(' ')} did not finish within ${timeoutMs} ms and was stopped; it printed:\n${stdout}${stderr}`,
    );
  }
  return { code, stdout, stderr };
}

/** Starts `pedigree start <args>` with only `env` (plus PATH) and waits until it serves. */
export function spawnPlatform(
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 30_000,
): Promise<SpawnedPlatform> {
  return spawnPedigree(['start', ...args], env, /API\s+(http:\/\/\S+)/, timeoutMs);
}

/**
 * Starts `pedigree <args>` with only `env` (plus PATH) and waits until its output matches
 * `readyWhen`,
 * whose first group is the URL it serves.
 */
export async function spawnPedigree(
  args: string[],
  env: Record<string, string>,
  readyWhen: RegExp,
  timeoutMs = 30_000,
): Promise<SpawnedPlatform> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyWhen.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`pedigree ${args[0]} exited with ${code} before serving:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Runs a bash script the way a reader pastes it into a terminal, stopping at the first failing
 * command: only PATH from this environment, HOME in `cwd`.
 * @throws Error with the script's output when it fails
 */
export async function runShell(script: string, cwd: string, timeoutMs = 120_000): Promise<string> {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the script exited with ${code}:\n${stdout}\n${stderr}`);
  return stdout;
}
