/**
 * The README's first command, as a new user runs it: no DATABASE_URL, no MQTT_URL. Embedded
 * PostgreSQL and broker on their own ports, data kept across restarts, Ctrl-C leaves no postgres
 * behind, and a start after a SIGKILL recovers by itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPedigree, spawnPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';

const dataDir = tempDataDir('start');
const env = {
  PEDIGREE_DATA_DIR: dataDir,
  PEDIGREE_EMBEDDED_PG_PORT: '54350',
  PEDIGREE_EMBEDDED_MQTT_PORT: '18850',
};

/** Live postgres processes serving this test's data folder. */
function postgresProcesses(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args=']).toString();
  return out
    .split('\n')
    .filter((line) => line.includes(join(dataDir, 'postgres')) && /\bpostgres\b/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('pedigree start on embedded services', () => {
  let adminKey: string;

  it('starts everything, prints the admin key once, and stops cleanly on a double SIGINT', async () => {
    const platform = await spawnPlatform(env);
    expect(await health(platform.url)).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'up',
        broker: 'up',
        sealer: expect.stringMatching(/active|standby/),
      },
    });
    const key = /Admin API key \(shown once, keep it safe\): (pdg_\S+)/.exec(platform.output());
    expect(key).not.toBeNull();
    adminKey = key![1];
    expect(platform.output()).toContain('(embedded)');
    expect(postgresProcesses().length).toBeGreaterThan(0);

    platform.child.kill('SIGINT'); // Ctrl-C under npm arrives twice: terminal and npm
    expect(await platform.stop('SIGINT')).toBe(0);
    expect(platform.output()).toContain('Stopped.');
    expect(postgresProcesses()).toEqual([]);
  });

  it('keeps its data across a restart, does not print the admin key again, refuses a second start', async () => {
    const platform = await spawnPlatform(env);
    try {
      expect(platform.output()).not.toContain('Admin API key');
      const me = await fetch(`${platform.url}/organisations/me`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ roles: ['admin'] });

      const second = await runPedigree(['start'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`Another Pedigree process (pid ${platform.child.pid})`);
      expect((await health(platform.url)).status).toBe(200);

      const port = new URL(platform.url).port;
      const taken = await runPedigree(['start'], {
        ...env,
        PORT: port,
        PEDIGREE_DATA_DIR: tempDataDir('port'),
        PEDIGREE_EMBEDDED_PG_PORT: '54351',
        PEDIGREE_EMBEDDED_MQTT_PORT: '18851',
      });
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(
        `Port ${port} on 127.0.0.1 is taken: set PORT to a free port.`,
      );
    } finally {
      expect(await platform.stop('SIGTERM')).toBe(0);
    }
    expect(postgresProcesses()).toEqual([]);
  });

  it('recovers after a SIGKILL left postgres running', async () => {
    const killed = await spawnPlatform(env);
    await killed.stop('SIGKILL');
    const orphans = postgresProcesses();
    expect(orphans.length).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const platform = await spawnPlatform(env);
    try {
      expect((await health(platform.url)).status).toBe(200);
      const pid = Number(
        readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      expect(orphans).not.toContain(pid);
    } finally {
      expect(await platform.stop('SIGINT')).toBe(0);
    }
    expect(postgresProcesses()).toEqual([]);
  });
});
