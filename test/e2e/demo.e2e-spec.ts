/**
 * `pedigree demo` seeds a consortium, scans a journey through the broker and prints the consumer
 * links of a genuine, a dispensed, a recalled and an unknown pack, against a running platform or
 * one it starts and keeps running.
 */
import { startEmbedded, type ScanBroker } from '../harness/scan-broker';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import {
  runPedigree,
  spawnPedigree,
  spawnPlatform,
  type SpawnedPlatform,
} from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const LINKS =
  /genuine, on the shelf\s+(\S+)\n\s+already dispensed\s+(\S+)\n\s+recalled batch\s+(\S+)\n\s+unknown serial\s+(\S+)/;

/** The pack's state as its manufacturer sees it. */
async function stateOf(api: string, link: string, key: string): Promise<string | number> {
  const [, gtin, serial] = /\/01\/(\d{14})\/10\/[^/]+\/21\/([^?]+)/.exec(link)!;
  const response = await fetch(`${api}/packs/${gtin}/${serial}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return response.ok ? (await response.json()).state : response.status;
}

// Each platform here has a broker of its own: an ingest on a shared broker would answer the
// demo's scanners too, with UNKNOWN_DEVICE from a database that does not know them.
describe('pedigree demo', () => {
  let platform: SpawnedPlatform;
  const brokers: ScanBroker[] = [];
  const broker = async () => {
    brokers.push(await startEmbedded());
    return brokers.at(-1)!.platformUrl;
  };
  let mqtt: string;

  beforeAll(async () => {
    mqtt = await broker();
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
      MQTT_URL: mqtt,
    });
  });

  afterAll(async () => {
    await platform?.stop();
    for (const b of brokers) await b.stop();
  });

  it('seeds a running platform and prints links to packs in each state, and a QR code', async () => {
    const { code, stdout, stderr } = await runPedigree([
      'demo',
      '--api',
      platform.url,
      '--admin-key',
      TEST_ADMIN_KEY,
      '--mqtt',
      mqtt,
    ]);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/Rhône Pharma \(Lyon\), Hanse Wholesale \(Hamburg\)/);
    expect(stdout).toMatch(/Journey through the broker: 18 scans accepted/);
    const [, genuine, dispensed, recalled, unknown] = LINKS.exec(stdout)!;
    for (const link of [genuine, dispensed, recalled, unknown]) {
      expect(link!.startsWith(`${platform.url}/01/`)).toBe(true);
    }
    const maker = /manufacturer\s+(pdg_\S+)/.exec(stdout)![1]!;
    expect(await stateOf(platform.url, genuine!, maker)).toBe('active');
    expect(await stateOf(platform.url, dispensed!, maker)).toBe('dispensed');
    expect(await stateOf(platform.url, recalled!, maker)).toBe('recalled');
    expect(await stateOf(platform.url, unknown!, maker)).toBe(404);
    expect(stdout).toContain('▄▄▄▄▄▄▄'); // the QR code's finder patterns, in the terminal
  });

  it('asks for the admin key of a platform given with --api', async () => {
    const { code, stderr } = await runPedigree(['demo', '--api', platform.url]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--admin-key must be the admin API key of the platform at http/);
  });

  it('starts the platform itself when no --api is given, and keeps it running', async () => {
    const demo = await spawnPedigree(
      ['demo'],
      { DATABASE_URL: await workerDatabaseUrl('demo'), MQTT_URL: await broker() },
      /keeps running at (http:\/\/\S+)/,
      60_000,
    );
    try {
      expect(demo.output()).toMatch(LINKS);
      expect((await fetch(`${demo.url}/health`)).status).toBe(200);
    } finally {
      expect(await demo.stop()).toBe(0);
    }
  });
});
