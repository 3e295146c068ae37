/**
 * The README's "one pack's life" block, run as a user runs it: bash, curl and `npx pedigree`
 * against `pedigree start` with nothing configured (embedded PostgreSQL and broker). Only the
 * three values the reader fills in are set: the API and broker the platform printed, and its
 * admin key. Then the QR code it printed opens a consumer page that tells the truth.
 */
import { parseDigitalLink } from '@pedigree/gs1';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeQr } from '../harness/decode-symbol';
import { repoRoot } from '../harness/repo-root';
import { freePort } from '../harness/scan-broker';
import { runShell, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';

const ADMIN = 'pdg_readmewalkthrough0000000000000000000000000';

/** The first ```sh block after the walkthrough marker. */
function walkthrough(): string {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const after = readme.slice(readme.indexOf('<!-- readme-walkthrough -->'));
  return /```sh\n([\s\S]*?)```/.exec(after)![1]!;
}

describe("the README's walkthrough", () => {
  let platform: SpawnedPlatform;
  let mqtt: string;
  let dir: string;

  beforeAll(async () => {
    const broker = await freePort();
    platform = await spawnPlatform({
      PEDIGREE_DATA_DIR: tempDataDir('readme-walkthrough'),
      PEDIGREE_EMBEDDED_PG_PORT: String(await freePort()),
      PEDIGREE_EMBEDDED_MQTT_PORT: String(broker),
      PEDIGREE_ADMIN_KEY: ADMIN,
    });
    mqtt = `mqtt://127.0.0.1:${broker}`;
    // A folder of the reader's own, where `npx pedigree` finds the installed command.
    dir = mkdtempSync(join(tmpdir(), 'pedigree-walkthrough-'));
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(
      join(repoRoot(), 'bin', 'pedigree.js'),
      join(dir, 'node_modules', '.bin', 'pedigree'),
    );
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a pack from the line to the counter, and its QR code to the consumer page', async () => {
    const script = walkthrough()
      .replace(/^API=\S+/m, `API=${platform.url}`)
      .replace(/^MQTT=\S+/m, `MQTT=${mqtt}`)
      .replace(/^ADMIN=\S+/m, `ADMIN=${ADMIN}`);
    expect(script).toContain(`ADMIN=${ADMIN}`);
    const stdout = await runShell(script, dir);

    const lines = stdout.trim().split('\n');
    expect(stdout).toMatch(/OK: /); // the scanner agent's verdicts
    expect(stdout).toMatch(/"code":"OK","sentence":"This pack is genuine and may be supplied\."/);
    expect(stdout).toMatch(/"eventId":"\d+","packs":1/);
    const link = lines.at(-1)!;
    expect(link).toMatch(
      new RegExp(`^${platform.url}/01/09506000134352/10/L42/21/\\S+\\?17=281231$`),
    );

    // The printed QR code carries that very link, and the page it opens knows the pack's story.
    expect(decodeQr(readFileSync(join(dir, 'pack-qr.png')))).toBe(link);
    expect(readFileSync(join(dir, 'L42-labels.html'), 'utf8')).toContain('L42');
    const page = await fetch(link, { headers: { accept: 'application/json' } });
    const view = await page.json();
    expect(view.verdict).toMatchObject({ code: 'ALREADY_DECOMMISSIONED', level: 'caution' });
    expect(
      view.journey.map((s: { action: string; city: string }) => `${s.action} ${s.city}`),
    ).toEqual(['commission Lyon', 'ship Lyon', 'receive Paris', 'dispense Paris']);
    expect(parseDigitalLink(link).ais.find((a) => a.ai === '21')!.value).toBe(view.read.serial);
  });
});
