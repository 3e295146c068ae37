/**
 * A pack's journey over HTTP on real PostgreSQL: a manufacturer registers a product and a batch,
 * commissions serials, packs them into a case and the case onto a pallet, ships the pallet to a
 * wholesaler who receives it; then the batch is recalled. Each step's refusals are checked too.
 */
import {
  fromBase64,
  leafHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import {
  apiClient,
  randomGln,
  randomGtin,
  randomSscc,
  organisationWithSite,
} from '../harness/api-client';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('a pack from the line to the wholesaler', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const gtin = randomGtin();
  const [plant, warehouse, elsewhere] = [randomGln(), randomGln(), randomGln()];
  const [caseSscc, palletSscc] = [randomSscc(), randomSscc()];
  let maker: string;
  let wholesaler: string;
  let serials: Array<{
    serial: string;
    elementString: string;
    aiData: string;
    digitalLink: string;
  }>;

  const organisation = (name: string, roles: string[], gln: string, city: string) =>
    organisationWithSite(request, { name, roles, gln, city });

  const state = async (serial: string) =>
    (await request('GET', `/packs/${gtin}/${serial}`, { key: maker })).body;

  beforeAll(async () => {
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
    });
    request = apiClient(platform.url);
    maker = await organisation('Acme Pharma', ['manufacturer'], plant, 'Lyon');
    wholesaler = await organisation('Beta Wholesale', ['distributor'], warehouse, 'Lille');
    await request('POST', '/sites', {
      key: wholesaler,
      body: {
        gln: elsewhere,
        name: 'Second warehouse',
        address: '2 Road',
        city: 'Metz',
        country: 'FR',
      },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('registers a product and a batch, refusing bad numbers', async () => {
    const product = {
      gtin,
      name: 'Paracetamol 500 mg',
      form: 'tablet',
      strength: '500 mg',
      packSize: 16,
    };
    expect((await request('POST', '/products', { key: maker, body: product })).status).toBe(201);
    expect((await request('POST', '/products', { key: maker, body: product })).status).toBe(409);
    const badGtin = `${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`;
    const bad = await request('POST', '/products', {
      key: maker,
      body: { ...product, gtin: badGtin },
    });
    expect(bad.body.message).toContain(`GTIN ${badGtin}: check digit should be ${gtin[13]}`);
    expect((await request('POST', '/products', { key: wholesaler, body: product })).status).toBe(
      403,
    );

    const batch = await request('POST', `/products/${gtin}/batches`, {
      key: maker,
      body: { lot: 'L-42', expiry: '301200', quantity: 40 },
    });
    expect(batch.status).toBe(201);
    const badExpiry = await request('POST', `/products/${gtin}/batches`, {
      key: maker,
      body: { lot: 'L-43', expiry: '301332', quantity: 40 },
    });
    expect(badExpiry.body.message).toContain('expiry must be YYMMDD');
  });

  it('commissions random serials in events of at most 1,000, listed as GS1 data and CSV', async () => {
    const commissioned = await request('POST', `/products/${gtin}/batches/L-42/serials`, {
      key: maker,
      body: { count: 30, siteGln: plant },
    });
    expect(commissioned.status).toBe(201);
    expect(commissioned.body).toMatchObject({ count: 30, eventIds: [expect.any(String)] });
    const tooMany = await request('POST', `/products/${gtin}/batches/L-42/serials`, {
      key: maker,
      body: { count: 11, siteGln: plant },
    });
    expect(tooMany).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(tooMany.body.message).toContain('at most 10 more');

    serials = (await request('GET', `/products/${gtin}/batches/L-42/serials`, { key: maker })).body;
    expect(serials).toHaveLength(30);
    expect(new Set(serials.map((s) => s.serial)).size).toBe(30);
    expect(serials[0].serial).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(serials[0].aiData).toBe(`(01)${gtin}(17)301200(10)L-42(21)${serials[0].serial}`);
    // The Digital Link the pack's QR code carries: at the platform's own public URL.
    expect(serials[0].digitalLink).toBe(
      `${platform.url}/01/${gtin}/10/L-42/21/${serials[0].serial}?17=301200`,
    );

    const response = await fetch(`${platform.url}/products/${gtin}/batches/L-42/serials`, {
      headers: { authorization: `Bearer ${maker}`, accept: 'text/csv' },
    });
    const csv = (await response.text()).split('\r\n');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(csv[0]).toBe('serial,ai_data,digital_link');
    expect(csv[1]).toBe(`${serials[0].serial},${serials[0].aiData},${serials[0].digitalLink}`);
    expect(csv).toHaveLength(31);
    expect(await state(serials[0].serial)).toMatchObject({
      state: 'active',
      custodyGln: plant,
      lot: 'L-42',
    });
  });

  it('packs ten packs into a case and the case onto a pallet', async () => {
    const packed = await request('POST', '/containers', {
      key: maker,
      body: {
        sscc: caseSscc,
        siteGln: plant,
        items: serials.slice(0, 10).map((s) => s.elementString),
      },
    });
    expect(packed.status).toBe(201);
    expect(packed.body.packs).toBe(10);
    const pallet = await request('POST', '/containers', {
      key: maker,
      body: { sscc: palletSscc, siteGln: plant, items: [`(00)${caseSscc}`] },
    });
    expect(pallet.status).toBe(201);
    expect(
      (await request('GET', `/containers/${palletSscc}`, { key: maker })).body.contents,
    ).toEqual([`https://id.gs1.org/00/${caseSscc}`]);
    expect(await state(serials[0].serial)).toMatchObject({ containerSscc: caseSscc });

    const again = await request('POST', '/containers', {
      key: maker,
      body: { sscc: randomSscc(), siteGln: plant, items: [serials[0].aiData] },
    });
    expect(again.status).toBe(409);
    expect(again.body.details[0]).toMatchObject({
      item: serials[0].aiData,
      reason: expect.stringContaining(caseSscc),
    });
  });

  it('refuses to ship a packed pack on its own, and what the sender does not hold', async () => {
    const loose = await request('POST', '/shipments', {
      key: maker,
      body: { siteGln: plant, destinationGln: warehouse, items: [serials[0].digitalLink] },
    });
    expect(loose.status).toBe(409);
    const notHeld = await request('POST', '/shipments', {
      key: wholesaler,
      body: { siteGln: warehouse, destinationGln: elsewhere, items: [serials[20].aiData] },
    });
    expect(notHeld.body).toMatchObject({ code: 'WRONG_CUSTODY' });
  });

  it('ships the pallet and receives it at the destination, with every pack inside', async () => {
    const shipped = await request('POST', '/shipments', {
      key: maker,
      body: { siteGln: plant, destinationGln: warehouse, items: [`(00)${palletSscc}`] },
    });
    expect(shipped).toMatchObject({ status: 201, body: { packs: 10 } });
    expect(await state(serials[3].serial)).toMatchObject({
      custodyGln: null,
      inTransitToGln: warehouse,
    });

    const wrongDock = await request('POST', '/receipts', {
      key: wholesaler,
      body: { siteGln: elsewhere, items: [`(00)${palletSscc}`] },
    });
    expect(wrongDock.body).toMatchObject({ code: 'WRONG_CUSTODY' });

    const received = await request('POST', '/receipts', {
      key: wholesaler,
      body: { siteGln: warehouse, items: [`(00)${palletSscc}`] },
    });
    expect(received).toMatchObject({ status: 201, body: { packs: 10 } });
    const history = await state(serials[3].serial);
    expect(history).toMatchObject({ state: 'active', custodyGln: warehouse, inTransitToGln: null });
    expect(history.events.map((e: { action: string }) => e.action)).toEqual([
      'commission',
      'pack',
      'ship',
      'receive',
    ]);
  });

  it.each([
    ['an unknown serial', () => `(01)${gtin}(21)NOSUCHSERIAL`, 'UNKNOWN_SERIAL', 404],
    ['an unknown product', () => `(01)${randomGtin()}(21)X`, 'UNKNOWN_PRODUCT', 404],
    [
      'a lot that differs',
      () => `(01)${gtin}(10)L-99(21)${serials[20].serial}`,
      'BATCH_MISMATCH',
      409,
    ],
    [
      'an expiry that differs',
      () => `(01)${gtin}(17)301130(21)${serials[20].serial}`,
      'EXPIRY_MISMATCH',
      409,
    ],
    ['a code that is not GS1', () => 'hello', 'MALFORMED_CODE', 400],
  ])('refuses %s with its verdict code, recording nothing', async (_, code, verdict, status) => {
    const response = await request('POST', '/shipments', {
      key: maker,
      body: { siteGln: plant, destinationGln: warehouse, items: [serials[21].aiData, code()] },
    });
    expect(response).toMatchObject({ status, body: { code: verdict } });
    expect(response.body.message).toMatch(/^Nothing was recorded/);
    expect(await state(serials[21].serial)).toMatchObject({ custodyGln: plant });
  });

  it('recalls the batch irreversibly: its packs read recalled, may only travel back, take no new serials', async () => {
    const recalled = await request('POST', `/products/${gtin}/batches/L-42/recall`, {
      key: maker,
      body: { reason: 'Out-of-specification dissolution results' },
    });
    expect(recalled.status).toBe(201);
    expect(recalled.body.recalledAt).not.toBeNull();
    expect(await state(serials[3].serial)).toMatchObject({ state: 'recalled' });
    // A recalled pack can still be shipped (returned for destruction); it stays recalled.
    const returned = await request('POST', '/shipments', {
      key: wholesaler,
      body: { siteGln: warehouse, destinationGln: plant, items: [`(00)${palletSscc}`] },
    });
    expect(returned).toMatchObject({ status: 201, body: { packs: 10 } });
    expect(await state(serials[3].serial)).toMatchObject({
      state: 'recalled',
      inTransitToGln: plant,
    });
    const commission = await request('POST', `/products/${gtin}/batches/L-42/serials`, {
      key: maker,
      body: { count: 1, siteGln: plant },
    });
    expect(commission.body).toMatchObject({ code: 'RECALLED' });
  });

  it('has every event of the journey sealed, each provable against a signed checkpoint', async () => {
    const history = async () =>
      (await state(serials[3].serial)).events as Array<{ id: string; leafIndex: string | null }>;
    const deadline = Date.now() + 15_000;
    while ((await history()).some((e) => e.leafIndex === null) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const events = await history();
    expect(events.every((e) => e.leafIndex !== null)).toBe(true);

    const key = parseVerifierKey(backend, (await request('GET', '/ledger/key')).body.trim());
    const checkpoint = parseCheckpoint(
      openNote(backend, (await request('GET', '/ledger/checkpoint')).body, [key]).text,
    );
    for (const event of events) {
      const leaf = (await request('GET', `/ledger/events/${event.id}/leaf`, { key: maker })).body;
      const proof = (
        await request('GET', `/ledger/events/${event.id}/proof?treeSize=${checkpoint.size}`, {
          key: maker,
        })
      ).body;
      const document = fromBase64(leaf.document);
      expect(JSON.parse(new TextDecoder().decode(document))).toMatchObject({
        eventTime: expect.any(String),
      });
      expect(
        verifyInclusion(
          backend,
          proof.leafIndex,
          checkpoint.size,
          leafHash(backend, document),
          proof.path.map(fromBase64),
          checkpoint.root,
        ),
      ).toBe(true);
    }

    // The chain only grows: the first block is consistent with the latest checkpoint.
    const first = (await request('GET', '/ledger/blocks/0')).body;
    const consistency = (
      await request('GET', `/ledger/consistency?from=${first.treeSize}&to=${checkpoint.size}`)
    ).body;
    expect(first.treeSize).toBeLessThan(checkpoint.size);
    expect(
      verifyConsistency(
        backend,
        first.treeSize,
        checkpoint.size,
        consistency.proof.map(fromBase64),
        fromBase64(first.root),
        checkpoint.root,
      ),
    ).toBe(true);
  });
});
