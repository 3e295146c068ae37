/**
 * `/health` names the part that is down (503), and comes back by itself when it returns; a bad
 * configuration stops the start with a sentence naming the variable.
 */
import { EmbeddedBroker, EmbeddedPostgres } from '@pedigree/embedded';
import { join } from 'node:path';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';

async function healthWithin(url: string, status: number, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await fetch(`${url}/health`);
    const body = await response.json();
    if (response.status === status || Date.now() > deadline)
      return { status: response.status, body };
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('health when a service fails', () => {
  const database = new EmbeddedPostgres({
    dataDir: join(tempDataDir('health'), 'postgres'),
    port: 54360,
  });
  let broker = new EmbeddedBroker(18860);
  let platform: SpawnedPlatform;

  beforeAll(async () => {
    await database.start();
    await broker.start();
    platform = await spawnPlatform({ DATABASE_URL: database.url(), MQTT_URL: broker.url() });
  });

  afterAll(async () => {
    await platform?.stop();
    await broker.stop();
    await database.stop();
  });

  it('answers 503 naming the broker while it is down, and 200 once it is back', async () => {
    expect((await healthWithin(platform.url, 200)).status).toBe(200);
    await broker.stop();
    const down = await healthWithin(platform.url, 503);
    expect(down).toMatchObject({
      status: 503,
      body: {
        status: 'down',
        database: 'up',
        broker: 'down',
        problems: [expect.stringMatching(/^broker: /)],
      },
    });
    broker = new EmbeddedBroker(18860);
    await broker.start();
    expect((await healthWithin(platform.url, 200)).body).toMatchObject({
      status: 'ok',
      broker: 'up',
    });
  });

  it('answers 503 naming the database while it is down', async () => {
    await database.stop();
    const down = await healthWithin(platform.url, 503);
    expect(down).toMatchObject({
      status: 503,
      body: {
        status: 'down',
        database: 'down',
        problems: expect.arrayContaining([expect.stringMatching(/^database: /)]),
      },
    });
    await database.start();
    expect((await healthWithin(platform.url, 200)).status).toBe(200);
  });
});

describe('start-up refusals', () => {
  it('stops on a bad variable with a sentence naming it', async () => {
    const result = await runPedigree(['start'], { PORT: 'eighty', MQTT_URL: 'localhost:1883' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a TCP port number from 0 to 65535');
    expect(result.stderr).toContain('MQTT_URL must be a URL such as mqtt://127.0.0.1:1883');
  });

  it('says what to set when one app is started without the shared services', async () => {
    const result = await runPedigree(['start', 'api'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set DATABASE_URL');
  });
});
