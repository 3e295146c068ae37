/**
 * `pedigree scanner` as a person at a warehouse uses it: `enrol` makes the device's key, the
 * organisation registers it, `run` reads a keyboard-wedge scanner on standard input and prints
 * each verdict in plain words. When the ingest is down the scans wait in the on-disk outbox, and
 * the next run sends them and shows their verdicts. `fleet` simulates scanners on the platform.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { scanBrokerKind, startScanBroker, type ScanBroker } from '../harness/scan-broker';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('pedigree scanner', () => {
  let broker: ScanBroker;
  let api: SpawnedPlatform;
  let ingest: SpawnedPlatform;
  let env: Record<string, string>;
  let request: ReturnType<typeof apiClient>;
  let dir: string;
  let key: string;
  let deviceArgs: string[];
  const [plant, warehouse] = [randomGln(), randomGln()];
  const gtin = randomGtin();
  let packs: Array<{ serial: string; elementString: string; aiData: string }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pedigree-agent-'));
    broker = await startScanBroker();
    env = { ...platformEnv(await workerDatabaseUrl()), MQTT_URL: broker.platformUrl };
    api = await spawnPlatform(env, ['api']);
    ingest = await spawnPlatform({ ...env, PEDIGREE_INGEST_CLIENT_ID: 'agent-ingest' }, ['ingest']);
    request = apiClient(api.url);
    const org = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Agent Pharma', roles: ['manufacturer'] },
    });
    key = org.body.apiKey.key;
    for (const gln of [plant, warehouse]) {
      await request('POST', '/sites', {
        key,
        body: { gln, name: `Site ${gln}`, address: '1 Road', city: 'Nantes', country: 'FR' },
      });
    }
    await request('POST', '/products', {
      key,
      body: { gtin, name: 'Agent tablets', form: 'tablet', strength: '5 mg', packSize: 28 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key,
      body: { lot: 'AG1', expiry: '301200', quantity: 10 },
    });
    await request('POST', `/products/${gtin}/batches/AG1/serials`, {
      key,
      body: { count: 10, siteGln: plant },
    });
    packs = (await request('GET', `/products/${gtin}/batches/AG1/serials`, { key })).body;
  });

  afterAll(async () => {
    await ingest?.stop();
    await api?.stop();
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrols: the device keeps its key, the organisation registers what it prints', async () => {
    const file = join(dir, 'dock.key');
    const enrolled = await runPedigree(['scanner', 'enrol', '--name', 'Dock', '--out', file]);
    expect(enrolled.code).toBe(0);
    const printed = JSON.parse(enrolled.stdout.split('\n')[0]!);
    const device = await request('POST', '/devices', {
      key,
      body: { ...printed, siteGln: plant },
    });
    expect(device.status).toBe(201);
    const { url, ca } = await broker.addDevice(device.body.id);
    const caArgs: string[] = [];
    if (ca) {
      writeFileSync(join(dir, 'ca.crt'), ca);
      caArgs.push('--ca', join(dir, 'ca.crt'));
    }
    deviceArgs = ['--device', device.body.id, '--key', file, '--mqtt', url, ...caArgs];
  });

  it('reads a wedge scanner line by line and prints each verdict in plain words', async () => {
    const [a, b] = packs;
    const lines = [
      `]d2${a!.elementString}`, // GS as the raw byte, as the scanner sends it
      `]d2${b!.elementString.replaceAll('\u001d', '<GS>')}`, // GS typed as a substitute
      '',
      'not a medicine code',
    ];
    const run = await runPedigree(
      [
        'scanner',
        'run',
        ...deviceArgs,
        '--site',
        plant,
        '--step',
        'shipping',
        '--destination',
        warehouse,
      ],
      {},
      `${lines.join('\r\n')}\r\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout.trim().split('\n').sort();
    expect(out).toHaveLength(3);
    expect(out.filter((line) => line.includes('  OK: This pack is genuine'))).toHaveLength(2);
    expect(out).toContainEqual(
      expect.stringMatching(/^not a medicine code {2}REFUSED MALFORMED_CODE: .+\(.+\)$/),
    );
    expect(out.join('\n')).toContain(`<GS>`);
    const state = (await request('GET', `/packs/${gtin}/${a!.serial}`, { key })).body;
    expect(state).toMatchObject({ inTransitToGln: warehouse });
  });

  it('keeps scans in its outbox while the ingest is down, and sends them at the next run', async () => {
    await ingest.stop();
    const c = packs[2]!;
    const args = ['scanner', 'run', ...deviceArgs, '--site', plant, '--step', 'inspecting'];
    const offline = await runPedigree([...args, '--wait', '1'], {}, `${c.aiData}\n`);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain(
      '1 envelope(s) have no verdict yet; they are kept in the outbox',
    );
    const outbox = `${deviceArgs[deviceArgs.indexOf('--key') + 1]}.outbox`;
    expect(readdirSync(outbox).filter((f) => f.endsWith('.json'))).toHaveLength(1);

    ingest = await spawnPlatform({ ...env, PEDIGREE_INGEST_CLIENT_ID: 'agent-ingest' }, ['ingest']);
    const later = await runPedigree([...args, '--wait', '20'], {}, '');
    expect(later.stderr).toBe('');
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/from an earlier run: OK: /);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('refuses to run without its device, site and step, saying which', async () => {
    const run = await runPedigree(['scanner', 'run', '--step', 'packing'], {}, '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--device must be the id POST /devices gave this scanner');
    expect(run.stderr).toContain("--site must be the GLN of the scanner's site");
    expect(run.stderr).toContain(
      '--step must be one of shipping, receiving, inspecting, dispensing',
    );
  });

  // The CLI's fleet connects every simulated device with one URL: the embedded broker's, as after
  // `npm start` (a Mosquitto wants a login per device).
  const onEmbedded = scanBrokerKind() === 'embedded' ? it : it.skip;

  onEmbedded('simulates a fleet: journeys from plant to pharmacy, all accepted', async () => {
    const { url: fleetUrl } = await broker.addDevice('fleet');
    const run = await runPedigree([
      'scanner',
      'fleet',
      '--api',
      api.url,
      '--admin-key',
      TEST_ADMIN_KEY,
      '--mqtt',
      fleetUrl,
      '--packs',
      '200',
      '--case-size',
      '10',
      '--pallet-size',
      '5',
      '--pharmacies',
      '2',
      '--per-envelope',
      '20',
    ]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ scans: 200 + 2 * 20 + 2 * 4, accepted: 248, rejected: 0 });
    expect(run.stderr).toMatch(
      /sent \d+, acknowledged \d+, accepted \d+, rejected 0, \d+ scans\/s/,
    );
  });
});
