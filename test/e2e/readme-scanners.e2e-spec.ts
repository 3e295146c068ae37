/**
 * The README's scanner steps on `pedigree start` with nothing configured (the embedded PostgreSQL
 * and broker inside the platform's process): enrol a scanner, register it, scan from standard
 * input and hear the verdict; then a simulated fleet; then the whole chain audits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { freePort } from '../harness/scan-broker';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';

describe('scanners on the embedded default', () => {
  let platform: SpawnedPlatform;
  let mqtt: string;
  let dir: string;
  const adminKey = 'pdg_readmescanners000000000000000000000000000';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pedigree-readme-'));
    const broker = await freePort();
    platform = await spawnPlatform({
      PEDIGREE_DATA_DIR: tempDataDir('readme-scanners'),
      PEDIGREE_EMBEDDED_PG_PORT: String(await freePort()),
      PEDIGREE_EMBEDDED_MQTT_PORT: String(broker),
      PEDIGREE_ADMIN_KEY: adminKey,
    });
    mqtt = `mqtt://127.0.0.1:${broker}`;
    expect(platform.output()).toContain(`MQTT     ${mqtt}   (embedded)`);
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrols a scanner, scans from standard input and prints the verdict', async () => {
    const request = apiClient(platform.url);
    const org = await request('POST', '/organisations', {
      key: adminKey,
      body: { name: 'Readme Pharma', roles: ['manufacturer'] },
    });
    const key = org.body.apiKey.key;
    const [gln, gtin] = [randomGln(), randomGtin()];
    await request('POST', '/sites', {
      key,
      body: { gln, name: 'Lyon plant', address: '12 Rue des Usines', city: 'Lyon', country: 'FR' },
    });
    await request('POST', '/products', {
      key,
      body: { gtin, name: 'Paracetamol 500 mg', form: 'tablet', strength: '500 mg', packSize: 16 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key,
      body: { lot: 'L42', expiry: '281231', quantity: 10 },
    });
    await request('POST', `/products/${gtin}/batches/L42/serials`, {
      key,
      body: { count: 1, siteGln: gln },
    });
    const [pack] = (await request('GET', `/products/${gtin}/batches/L42/serials`, { key })).body;

    const file = join(dir, 'dock3.key');
    const enrolled = await runPedigree(['scanner', 'enrol', '--name', 'Dock 3', '--out', file]);
    const device = await request('POST', '/devices', {
      key,
      body: { ...JSON.parse(enrolled.stdout.split('\n')[0]!), siteGln: gln },
    });
    expect(device.status).toBe(201);
    const args = ['--device', device.body.id, '--key', file, '--site', gln, '--mqtt', mqtt];
    const run = await runPedigree(
      ['scanner', 'run', ...args, '--step', 'inspecting'],
      {},
      `${pack.digitalLink}\n`,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`${pack.digitalLink}  OK: This pack is genuine`);
  });

  it('runs a simulated fleet to the end, every scan accepted, and the chain audits', async () => {
    const fleet = await runPedigree(
      ['scanner', 'fleet', '--admin-key', adminKey, '--api', platform.url, '--mqtt', mqtt],
      {},
    );
    expect(fleet.code).toBe(0);
    const summary = JSON.parse(fleet.stdout.trim().split('\n').at(-1)!);
    // 10,000 packs in cases of 50 on pallets of 20: 10,000 + 2 × 200 + 2 × 10 scans
    expect(summary).toMatchObject({ scans: 10_420, accepted: 10_420, rejected: 0 });

    // Once the fleet's events are sealed, the whole chain audits.
    const database = /Database\s+(postgres:\/\/\S+)/.exec(platform.output())![1]!;
    const audited = (stdout: string) =>
      Number(/Chain verified: \d+ blocks, ([\d,]+) events/.exec(stdout)?.[1]?.replaceAll(',', ''));
    const deadline = Date.now() + 30_000;
    let audit = await runPedigree(['audit', '--database', database]);
    while (!(audited(audit.stdout) >= summary.scans) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      audit = await runPedigree(['audit', '--database', database]);
    }
    expect(audit.code).toBe(0);
    expect(audited(audit.stdout)).toBeGreaterThanOrEqual(summary.scans);
  }, 120_000);
});
