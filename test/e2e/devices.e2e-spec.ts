/**
 * Scanner devices as an organisation meets them: a key made on the device with `pedigree scanner
 * enrol`, enrolled at one of its sites, listed, kept from other organisations, revoked; each bad
 * key refused with the sentence that says why. Then the ingest's side on the same database: the
 * key lookup stops answering the moment a device is revoked, and the seen counters add up.
 */
import { dataSourceOptions, DeviceRepository } from '@pedigree/persistence';
import { fromBase64 } from '@pedigree/ledger';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { apiClient, randomGln } from '../harness/api-client';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const CCTV = join(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'standards',
  'ledger-vectors',
  'ed25519',
  'cctv_ed25519vectors.json',
);
const cctv = JSON.parse(readFileSync(CCTV, 'utf8')) as Array<{
  key: string;
  flags: string[] | null;
}>;

/** The first vector key whose flags include `want` and none of `not`, as base64. */
function vectorKey(want: string, not: string[] = []): string {
  const found = cctv.find((v) => {
    const flags = v.flags ?? [];
    return flags.includes(want) && !not.some((flag) => flags.includes(flag));
  });
  return Buffer.from(found!.key, 'hex').toString('base64');
}

describe('scanner devices', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let dir: string;
  let databaseUrl: string;
  /** A distributor with a site, the other (a pharmacy) with its own. */
  let owner: { key: string; gln: string };
  let other: { key: string; gln: string };

  async function organisation(role: string): Promise<{ key: string; gln: string }> {
    const created = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: `Devices ${role}`, roles: [role] },
    });
    const key = created.body.apiKey.key as string;
    const gln = randomGln();
    const site = await request('POST', '/sites', {
      key,
      body: { gln, name: 'Warehouse', address: '4 Dock Road', city: 'Antwerp', country: 'BE' },
    });
    expect(site.status).toBe(201);
    return { key, gln };
  }

  /** `pedigree scanner enrol` as a device runs it: the printed `{name, publicKey}`. */
  async function enrolOnDevice(name: string): Promise<{ name: string; publicKey: string }> {
    const out = join(dir, `${name.replace(/\W/g, '_')}-${Math.random()}.key`);
    const run = await runPedigree(['scanner', 'enrol', '--name', name, '--out', out]);
    expect(run.code).toBe(0);
    // The JSON alone on standard output, for scripts; the advice on standard error.
    expect(run.stderr).toContain('POST /devices');
    expect(run.stderr).toContain(out);
    return JSON.parse(run.stdout) as { name: string; publicKey: string };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pedigree-devices-'));
    databaseUrl = await workerDatabaseUrl();
    platform = await spawnPlatform({ ...platformEnv(databaseUrl) });
    request = apiClient(platform.url);
    owner = await organisation('distributor');
    other = await organisation('pharmacy');
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrols a key made on the device and lists it with its site and zero counts', async () => {
    const printed = await enrolOnDevice('Dock 3 handheld');
    const enrolled = await request('POST', '/devices', {
      key: owner.key,
      body: { ...printed, siteGln: owner.gln },
    });
    expect(enrolled.status).toBe(201);
    const expected = {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Dock 3 handheld',
      siteGln: owner.gln,
      publicKey: printed.publicKey,
      createdAt: expect.any(String),
      revokedAt: null,
      lastSeenAt: null,
      envelopes: 0,
      scans: 0,
    };
    expect(enrolled.body).toMatchObject(expected);

    const listed = await request('GET', '/devices', { key: owner.key });
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(expect.objectContaining(expected));
    const one = await request('GET', `/devices/${enrolled.body.id}`, { key: owner.key });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(enrolled.body);
  });

  it.each([
    ['a non-canonical encoding', vectorKey('non_canonical_A'), 'non-canonical encoding'],
    ['a small-order point', vectorKey('low_order_A', ['non_canonical_A']), 'small-order point'],
    [
      'a mixed-order point',
      vectorKey('low_order_component_A', ['low_order_A', 'non_canonical_A']),
      'low-order component',
    ],
    ['a 31-byte key', Buffer.alloc(31, 7).toString('base64'), 'it must be 32 bytes, got 31'],
    ['text that is not base64', 'not a key', 'padded base64 of the raw 32-byte Ed25519 key'],
  ])('refuses %s, saying what is wrong and what to do', async (_, publicKey, reason) => {
    const response = await request('POST', '/devices', {
      key: owner.key,
      body: { name: 'Bad key', siteGln: owner.gln, publicKey },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.message).toContain('publicKey');
    expect(response.body.message).toContain(reason);
    expect(response.body.message).toContain('pedigree scanner enrol');
  });

  it('refuses a key enrolled already, by anyone, with 409', async () => {
    const printed = await enrolOnDevice('Twin');
    const body = { ...printed, siteGln: owner.gln };
    expect((await request('POST', '/devices', { key: owner.key, body })).status).toBe(201);
    const again = await request('POST', '/devices', { key: owner.key, body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect(again.body.message).toContain('pedigree scanner enrol');
    const elsewhere = await request('POST', '/devices', {
      key: other.key,
      body: { ...printed, siteGln: other.gln },
    });
    expect(elsewhere.status).toBe(409);
  });

  it("refuses a site that is not the caller's with 404", async () => {
    const printed = await enrolOnDevice('Stray');
    for (const siteGln of [other.gln, randomGln()]) {
      const response = await request('POST', '/devices', {
        key: owner.key,
        body: { ...printed, siteGln },
      });
      expect(response.status).toBe(404);
      expect(response.body.message).toContain('GET /sites');
    }
  });

  it('keeps a device from other organisations: they cannot see or revoke it', async () => {
    const printed = await enrolOnDevice('Private');
    const { id } = (
      await request('POST', '/devices', {
        key: owner.key,
        body: { ...printed, siteGln: owner.gln },
      })
    ).body;
    const seen = await request('GET', `/devices/${id}`, { key: other.key });
    expect(seen.status).toBe(404);
    expect(seen.body.message).toContain('GET /devices');
    expect((await request('DELETE', `/devices/${id}`, { key: other.key })).status).toBe(404);
    const theirs = await request('GET', '/devices', { key: other.key });
    expect(theirs.body.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await request('GET', `/devices/${id}`, { key: owner.key })).body.revokedAt).toBeNull();
  });

  it('revokes at once and keeps the first revocation time', async () => {
    const printed = await enrolOnDevice('Retired');
    const { id } = (
      await request('POST', '/devices', {
        key: owner.key,
        body: { ...printed, siteGln: owner.gln },
      })
    ).body;
    const revoked = await request('DELETE', `/devices/${id}`, { key: owner.key });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, revokedAt: expect.any(String) });
    const again = await request('DELETE', `/devices/${id}`, { key: owner.key });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const listed = await request('GET', '/devices', { key: owner.key });
    expect(listed.body.find((d: { id: string }) => d.id === id).revokedAt).toBe(
      revoked.body.revokedAt,
    );
  });

  it('answers 404 for an unknown device and 400 for an id that is not a UUID', async () => {
    const unknown = await request('DELETE', `/devices/${crypto.randomUUID()}`, { key: owner.key });
    expect(unknown.status).toBe(404);
    const malformed = await request('GET', '/devices/42', { key: owner.key });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('GET /devices');
  });

  it('refuses regulators, who own no scanners', async () => {
    const regulator = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Devices regulator', roles: ['regulator'] },
    });
    const response = await request('GET', '/devices', { key: regulator.body.apiKey.key });
    expect(response.status).toBe(403);
  });

  describe("the ingest's queries", () => {
    let db: DataSource;
    let devices: DeviceRepository;

    beforeAll(async () => {
      db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
      devices = new DeviceRepository(db);
    });
    afterAll(async () => {
      await db?.destroy();
    });

    it('gives the ingest each device with its key, organisation, site and revocation', async () => {
      const printed = await enrolOnDevice('Counter');
      const enrolled = (
        await request('POST', '/devices', {
          key: owner.key,
          body: { ...printed, siteGln: owner.gln },
        })
      ).body;
      const unknown = crypto.randomUUID();
      const lookUp = () =>
        db.transaction((tx) => devices.lockForIngest([enrolled.id, unknown], tx));
      const [active, ...rest] = await lookUp();
      expect(rest).toEqual([]);
      expect(active).toMatchObject({
        id: enrolled.id,
        organisationId: enrolled.organisationId,
        siteGln: owner.gln,
        siteId: expect.any(String),
        revoked: false,
      });
      expect(new Uint8Array(active!.publicKey)).toEqual(fromBase64(printed.publicKey));

      await request('DELETE', `/devices/${enrolled.id}`, { key: owner.key });
      expect(await lookUp()).toEqual([{ ...active, revoked: true }]);
    });

    it('adds up what the ingest saw, one device or many in one statement', async () => {
      const ids: string[] = [];
      for (const name of ['Seen A', 'Seen B']) {
        const printed = await enrolOnDevice(name);
        const created = await request('POST', '/devices', {
          key: owner.key,
          body: { ...printed, siteGln: owner.gln },
        });
        ids.push(created.body.id);
      }
      const [a, b] = ids;
      await devices.recordSeen(a, 1, 3);
      await devices.recordSeenMany([
        { deviceId: a, envelopes: 2, scans: 5 },
        { deviceId: b, envelopes: 1, scans: 1, at: new Date('2030-01-01T00:00:00Z') },
        { deviceId: b, envelopes: 1, scans: 2 },
      ]);
      const listed = await request('GET', '/devices', { key: owner.key });
      const byId = (id: string) => listed.body.find((d: { id: string }) => d.id === id);
      expect(byId(a)).toMatchObject({ envelopes: 3, scans: 8, lastSeenAt: expect.any(String) });
      expect(byId(b)).toMatchObject({
        envelopes: 2,
        scans: 3,
        lastSeenAt: '2030-01-01T00:00:00.000Z',
      });
      await devices.recordSeen(b, 0, 0);
      expect((await devices.findById(b))?.lastSeenAt).toEqual(new Date('2030-01-01T00:00:00Z'));
    });
  });
});
