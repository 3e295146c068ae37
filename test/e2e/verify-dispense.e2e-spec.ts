/**
 * A pharmacy verifies packs with whatever its counter scanner read and gets one verdict with its
 * sentence, the pack's state and the product's facts; it dispenses, undoes within the rules, and
 * records the other decommissionings (EU Delegated Regulation 2016/161, Art. 11-13).
 */
import {
  apiClient,
  randomGln,
  randomGtin,
  randomSscc,
  organisationWithSite,
} from '../harness/api-client';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('verification and decommissioning over HTTP', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const [plant, counter, elsewhere] = [randomGln(), randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '', rival: '' };
  let packs: Array<{ serial: string; elementString: string; aiData: string; digitalLink: string }>;

  const organisation = (name: string, roles: string[], gln: string) =>
    organisationWithSite(request, { name, roles, gln, city: 'Lille' });

  const verify = async (code: string, key = keys.chemist, siteGln: string | null = counter) =>
    (await request('POST', '/verify', { key, body: { code, ...(siteGln && { siteGln }) } })).body;

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl()));
    request = apiClient(platform.url);
    keys.maker = await organisation('Verify Pharma', ['manufacturer'], plant);
    keys.chemist = await organisation('Corner Pharmacy', ['pharmacy'], counter);
    keys.rival = await organisation('Other Pharmacy', ['pharmacy'], elsewhere);
    await request('POST', '/products', {
      key: keys.maker,
      body: { gtin, name: 'Amoxicillin 500 mg', form: 'capsule', strength: '500 mg', packSize: 21 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key: keys.maker,
      body: { lot: 'V1', expiry: '301200', quantity: 6 },
    });
    await request('POST', `/products/${gtin}/batches/V1/serials`, {
      key: keys.maker,
      body: { count: 6, siteGln: plant },
    });
    packs = (await request('GET', `/products/${gtin}/batches/V1/serials`, { key: keys.maker }))
      .body;
    const items = packs.slice(0, 4).map((p) => p.elementString);
    expect(
      (
        await request('POST', '/shipments', {
          key: keys.maker,
          body: { siteGln: plant, destinationGln: counter, items },
        })
      ).status,
    ).toBe(201);
    expect(
      (await request('POST', '/receipts', { key: keys.chemist, body: { siteGln: counter, items } }))
        .status,
    ).toBe(201);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers OK with the pack state and the product facts, whatever form the code was read in', async () => {
    const [pack] = packs;
    for (const code of [`]d2${pack!.elementString}`, pack!.aiData, pack!.digitalLink]) {
      expect(await verify(code)).toEqual({
        code: 'OK',
        sentence: 'This pack is genuine and may be supplied.',
        pack: {
          gtin,
          serial: pack!.serial,
          lot: 'V1',
          expiry: '2030-12-31',
          state: 'active',
          atYourSite: true,
        },
        product: {
          gtin,
          name: 'Amoxicillin 500 mg',
          form: 'capsule',
          strength: '500 mg',
          packSize: 21,
        },
      });
    }
  });

  it('gives a mismatch alert, never a silent pass, when lot or expiry differ from the record', async () => {
    const { serial } = packs[0]!;
    const lot = await verify(`(01)${gtin}(10)V9(21)${serial}`);
    expect(lot).toMatchObject({
      code: 'BATCH_MISMATCH',
      detail: expect.stringContaining('lot V9'),
    });
    const expiry = await verify(`(01)${gtin}(17)291231(10)V1(21)${serial}`);
    expect(expiry).toMatchObject({
      code: 'EXPIRY_MISMATCH',
      detail: expect.stringContaining('291231'),
    });
  });

  it('names unknown products, serials, unreadable codes, and packs held elsewhere', async () => {
    expect(await verify(`(01)${randomGtin()}(21)X`)).toMatchObject({ code: 'UNKNOWN_PRODUCT' });
    expect(await verify(`(01)${gtin}(21)NEVER`)).toMatchObject({
      code: 'UNKNOWN_SERIAL',
      product: { name: 'Amoxicillin 500 mg' },
    });
    expect(await verify('hello')).toMatchObject({
      code: 'MALFORMED_CODE',
      detail: expect.any(String),
    });
    expect(await verify(`(00)${randomSscc()}`)).toMatchObject({
      code: 'MALFORMED_CODE',
      detail: expect.stringContaining('verify each pack by its own code'),
    });
    // Still at the plant: not for this counter to supply. The holder is named as people know it.
    expect(await verify(packs[5]!.aiData)).toMatchObject({
      code: 'WRONG_CUSTODY',
      detail: expect.stringContaining(`held by site ${plant} (Verify Pharma site, Lille)`),
      pack: { atYourSite: false },
    });
    // Without a site, the pack's own state alone is judged.
    expect(await verify(packs[5]!.aiData, keys.chemist, null)).toMatchObject({
      code: 'OK',
      pack: { atYourSite: null },
    });
    const bad = await request('POST', '/verify', { key: keys.chemist, body: { code: '' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });

  it('dispenses, answers ALREADY_DECOMMISSIONED after, and undoes only for the same pharmacy', async () => {
    const [pack] = packs;
    const dispensed = await request('POST', '/decommissions', {
      key: keys.chemist,
      body: { siteGln: counter, action: 'dispense', items: [pack!.elementString] },
    });
    expect(dispensed).toMatchObject({ status: 201, body: { packs: 1 } });
    const again = await verify(pack!.aiData);
    expect(again).toMatchObject({
      code: 'ALREADY_DECOMMISSIONED',
      detail: expect.stringContaining(`dispensed on ${new Date().toISOString().slice(0, 10)}`),
      pack: { state: 'dispensed' },
    });
    // Where, as people know it: the site's GLN, name and city, and the organisation's name.
    expect(again.detail).toContain(
      `at site ${counter} (Corner Pharmacy site, Lille) (organisation Corner Pharmacy)`,
    );

    const rival = await request('POST', '/decommissions/undo', {
      key: keys.rival,
      body: { siteGln: elsewhere, items: [pack!.elementString] },
    });
    expect(rival).toMatchObject({ status: 409, body: { code: 'WRONG_CUSTODY' } });
    // A refused step names the sites as people know them, never by an internal id.
    expect(rival.body.message).toContain(`site ${counter} (Corner Pharmacy site, Lille)`);
    expect(rival.body.message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const undone = await request('POST', '/decommissions/undo', {
      key: keys.chemist,
      body: { siteGln: counter, items: [pack!.elementString] },
    });
    expect(undone.status).toBe(201);
    expect(await verify(pack!.aiData)).toMatchObject({ code: 'OK', pack: { state: 'active' } });
  });

  it('records the other decommissionings; a destroyed pack cannot be brought back', async () => {
    const destroyed = packs[1]!;
    const sample = packs[2]!;
    for (const [pack, action] of [
      [destroyed, 'destroy'],
      [sample, 'supply_sample'],
    ] as const) {
      const done = await request('POST', '/decommissions', {
        key: keys.chemist,
        body: { siteGln: counter, action, items: [pack.elementString] },
      });
      expect(done.status).toBe(201);
    }
    expect(await verify(sample.aiData)).toMatchObject({ pack: { state: 'sample' } });
    const back = await request('POST', '/decommissions/undo', {
      key: keys.chemist,
      body: { siteGln: counter, items: [destroyed.elementString] },
    });
    expect(back).toMatchObject({ status: 409, body: { code: 'ALREADY_DECOMMISSIONED' } });
    const unknownAction = await request('POST', '/decommissions', {
      key: keys.chemist,
      body: { siteGln: counter, action: 'lose', items: [sample.elementString] },
    });
    expect(unknownAction).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(unknownAction.body.message).toContain('action must be one of dispense, destroy');
  });

  it('locks a pack at the site holding it pending an investigation; only that site releases it', async () => {
    const pack = packs[3]!;
    const lock = (key: string, siteGln: string) =>
      request('POST', '/decommissions', {
        key,
        body: { siteGln, action: 'lock', items: [pack.elementString] },
      });
    const unlock = (key: string, siteGln: string) =>
      request('POST', '/decommissions/unlock', {
        key,
        body: { siteGln, items: [pack.elementString] },
      });
    expect(await lock(keys.rival, elsewhere)).toMatchObject({
      status: 409,
      body: { code: 'WRONG_CUSTODY' },
    });
    expect((await lock(keys.chemist, counter)).status).toBe(201);
    expect(await verify(pack.aiData)).toMatchObject({ code: 'LOCKED', pack: { state: 'locked' } });
    const dispense = await request('POST', '/decommissions', {
      key: keys.chemist,
      body: { siteGln: counter, action: 'dispense', items: [pack.elementString] },
    });
    expect(dispense).toMatchObject({ status: 409, body: { code: 'LOCKED' } });
    expect(await unlock(keys.rival, elsewhere)).toMatchObject({
      status: 409,
      body: { code: 'WRONG_CUSTODY' },
    });
    expect((await unlock(keys.chemist, counter)).status).toBe(201);
    expect(await verify(pack.aiData)).toMatchObject({ code: 'OK', pack: { state: 'active' } });
    expect(await unlock(keys.chemist, counter)).toMatchObject({
      status: 409,
      body: { code: 'SUSPECT' },
    });
  });

  it('keeps the alerts for the manufacturer and the regulator, with what was read, where and how', async () => {
    const alerts = (await request('GET', '/alerts', { key: keys.maker })).body as Array<
      Record<string, unknown>
    >;
    const raised = alerts.map((a) => `${a.source} ${a.code}`).sort();
    expect(raised).toEqual([
      'step ALREADY_DECOMMISSIONED', // the undo of a destroyed pack
      'step SUSPECT', // the release of a pack that was not locked
      'verify ALREADY_DECOMMISSIONED', // the dispensed pack verified again
      'verify ALREADY_DECOMMISSIONED', // the sample verified
      'verify BATCH_MISMATCH',
      'verify EXPIRY_MISMATCH',
      'verify UNKNOWN_SERIAL',
    ]);
    expect(alerts.find((a) => a.code === 'BATCH_MISMATCH')).toMatchObject({
      item: `(01)${gtin}(10)V9(21)${packs[0]!.serial}`,
      gtin,
      serial: packs[0]!.serial,
      siteGln: counter,
      detail: expect.stringContaining('lot V9'),
    });
    // An unknown product has no manufacturer to tell: the admin (and regulators) see it.
    const all = (await request('GET', '/alerts?code=UNKNOWN_PRODUCT', { key: TEST_ADMIN_KEY }))
      .body as Array<Record<string, unknown>>;
    expect(all.length).toBeGreaterThan(0);
    expect((await request('GET', '/alerts', { key: keys.chemist })).status).toBe(403);
    const wrong = await request('GET', '/alerts?code=RECALLED', { key: keys.maker });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });
});
