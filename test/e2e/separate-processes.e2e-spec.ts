/**
 * With DATABASE_URL and MQTT_URL set, each app runs as its own process (`pedigree start
 * api|ingest|sealer`), and only one sealer is active: a standby takes over when it dies.
 */
import { brokerUrl } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

async function health(platform: SpawnedPlatform): Promise<Record<string, unknown>> {
  return (await fetch(`${platform.url}/health`)).json() as Promise<Record<string, unknown>>;
}

describe('one app per process', () => {
  const running: SpawnedPlatform[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { DATABASE_URL: await workerDatabaseUrl(), MQTT_URL: brokerUrl() };
  });

  afterAll(async () => {
    await Promise.all(running.map((platform) => platform.stop()));
  });

  async function start(app: string, extra: Record<string, string> = {}): Promise<SpawnedPlatform> {
    const platform = await spawnPlatform({ ...env, ...extra }, [app]);
    running.push(platform);
    return platform;
  }

  it('runs api, ingest and sealer each on its own, each reporting the parts it uses', async () => {
    const [api, ingest, sealer] = await Promise.all([
      start('api'),
      start('ingest'),
      start('sealer'),
    ]);
    expect(await health(api)).toEqual({ status: 'ok', database: 'up' });
    expect(await health(ingest)).toEqual({ status: 'ok', database: 'up', broker: 'up' });
    expect(await health(sealer)).toEqual({ status: 'ok', database: 'up', sealer: 'active' });
    expect((await fetch(`${ingest.url}/organisations/me`)).status).toBe(404);

    const standby = await start('sealer');
    expect(await health(standby)).toMatchObject({ sealer: 'standby' });
    await sealer.stop('SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await health(standby)).sealer !== 'active' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await health(standby)).toMatchObject({ status: 'ok', sealer: 'active' });
  });
});
