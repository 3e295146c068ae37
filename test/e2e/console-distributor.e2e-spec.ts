/**
 * The web console's distributor screen, in a real Chromium against a running platform: a
 * warehouse signs in and sees what left and arrived at its site today and the packs shipped to it
 * that never arrived; enrols a scanner with the keyboard and reads its provisioning data as text
 * and as a QR code (decoded back here as a scanner would); backs out of a revocation, then revokes
 * it. A pharmacy opening the distributor's screen gets the API's refusal. Screenshots go to
 * test-artifacts/console/.
 */
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  apiClient,
  commissionBatch,
  postSteps,
  organisationWithSite,
  randomGln,
  randomGtin,
  randomSscc,
  type ListedSerial,
} from '../harness/api-client';
import { launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { consolePage } from '../harness/console-page';
import { decodeQr } from '../harness/decode-symbol';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('the web console’s distributor screen', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let browser: HeadlessBrowser;
  let page: Page;
  const { focused, tabTo, shot } = consolePage(() => page);
  const [plant, warehouse, pharmacy] = [randomGln(), randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', wholesaler: '', chemist: '' };
  let packs: ListedSerial[] = [];

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl('console_distributor')));
    request = apiClient(platform.url);
    keys.maker = await organisationWithSite(request, {
      name: 'Lumen Pharma',
      roles: ['manufacturer'],
      gln: plant,
    });
    keys.wholesaler = await organisationWithSite(request, {
      name: 'Rhine Wholesale',
      roles: ['distributor'],
      gln: warehouse,
      city: 'Cologne',
    });
    keys.chemist = await organisationWithSite(request, {
      name: 'Pharmacie du Marais',
      roles: ['pharmacy'],
      gln: pharmacy,
    });
    const product = { gtin, name: 'Paracetamol 500 mg', form: 'tablet', strength: '500 mg' };
    expect(
      (await request('POST', '/products', { key: keys.maker, body: { ...product, packSize: 16 } }))
        .status,
    ).toBe(201);
    packs = await commissionBatch(request, keys.maker, {
      gtin,
      lot: 'L3',
      count: 8,
      siteGln: plant,
    });
    const items = packs.map((p) => p.aiData);
    const sscc = randomSscc();
    const shipped = [...items.slice(0, 6), `(00)${sscc}`];
    // Six loose packs and a case of two shipped to the warehouse; four loose ones and the case
    // arrive; two of those go on to the pharmacy.
    await postSteps(request, [
      ['/containers', keys.maker, { siteGln: plant, sscc, items: items.slice(6) }],
      ['/shipments', keys.maker, { siteGln: plant, destinationGln: warehouse, items: shipped }],
      [
        '/receipts',
        keys.wholesaler,
        { siteGln: warehouse, items: [...items.slice(0, 4), `(00)${sscc}`] },
      ],
      [
        '/shipments',
        keys.wholesaler,
        { siteGln: warehouse, destinationGln: pharmacy, items: items.slice(0, 2) },
      ],
    ]);
    browser = await launchBrowser({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signs in and shows what left and arrived today, and what never arrived', async () => {
    await page.goto(`${platform.url}/console`);
    await page.waitForFunction(() => document.activeElement?.id === 'key');
    await page.keyboard.type(keys.wholesaler);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/console/distributor`);
    expect(await page.textContent('h1')).toBe('Warehouse');
    const today = new Date().toISOString().slice(0, 10);
    const row = page.locator(`#shipment-rows tr[data-day="${today}"][data-site="${warehouse}"]`);
    await row.waitFor();
    expect(await row.locator('[data-fact=left]').textContent()).toBe('2 packs in 1 shipment');
    // The case counts its two packs.
    expect(await row.locator('[data-fact=arrived]').textContent()).toBe('6 packs in 1 shipment');
    expect(await page.textContent('#awaited-total')).toBe('2 packs on their way to you.');
    const awaited = await page.$$eval('#awaited-rows tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-serial')),
    );
    expect(awaited.sort()).toEqual([packs[4].serial, packs[5].serial].sort());
    expect(await page.textContent('#awaited-rows')).toContain(`Lumen Pharma (GLN ${plant})`);
    // The same from the API the page reads it from.
    const api = await request('GET', '/shipments', { key: keys.wholesaler });
    expect(api.status).toBe(200);
    expect(api.body.awaited.total).toBe(2);
    expect(api.body.days).toEqual([
      {
        day: today,
        site: { gln: warehouse, name: 'Rhine Wholesale site' },
        left: { shipments: 1, packs: 2 },
        arrived: { shipments: 1, packs: 6 },
      },
    ]);
    await shot('distributor-shipments');
  });

  it('enrols a scanner with the keyboard and shows its provisioning as text and a QR code', async () => {
    const publicKey = toBase64(nodeCryptoBackend.publicKeyFromSeed(randomBytes(32)));
    await page.evaluate(() =>
      document.querySelector('#enrol summary')?.setAttribute('id', 'enrol-summary'),
    );
    await tabTo('enrol-summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('enrol-name');
    await page.keyboard.type('Dock 3 handheld');
    await page.keyboard.press('Tab'); // the site: the only one
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('enrol-key');
    await page.keyboard.type(publicKey);
    await page.keyboard.press('Enter');
    await page.locator('#enrol-outcome[data-kind=ok]').waitFor();
    expect(await focused()).toBe('provisioning');
    const deviceId = (await page.getAttribute('#provisioning', 'data-device'))!;
    const text = (await page.textContent('#provisioning-text'))!;
    expect(text).toContain(`device id: ${deviceId}`);
    expect(text).toContain(`site (GLN): ${warehouse}`);
    expect(text).toContain(`pedigree/v1/devices/${deviceId}/scans`);
    expect(text).toContain(`pedigree scanner run --device ${deviceId} --site ${warehouse}`);
    const qr = page.locator('#provisioning-qr');
    await page.waitForFunction(
      () => (document.getElementById('provisioning-qr') as HTMLImageElement).naturalWidth > 0,
    );
    expect(await qr.getAttribute('alt')).toBe(
      'QR code of the provisioning data of Dock 3 handheld',
    );
    const decoded = JSON.parse(decodeQr(await qr.screenshot()));
    expect(decoded).toEqual({
      deviceId,
      siteGln: warehouse,
      scans: `pedigree/v1/devices/${deviceId}/scans`,
      verdicts: `pedigree/v1/devices/${deviceId}/verdicts`,
    });
    await page.locator(`#device-rows tr[data-device="${deviceId}"]`).waitFor();
    await shot('distributor-enrolled');
  });

  it('revokes a scanner only once confirmed', async () => {
    const devices = (await request('GET', '/devices', { key: keys.wholesaler })).body as Array<{
      id: string;
    }>;
    const id = devices[0].id;
    const dialog = page.locator('dialog#revoke-dialog');
    await page.focus(`#revoke-${id}`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(await focused()).toBe('revoke-cancel');
    expect(await dialog.locator('h2').textContent()).toBe('Revoke Dock 3 handheld?');
    expect(await dialog.locator('#revoke-text').textContent()).toContain('cannot be undone');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toBe(`revoke-${id}`);
    expect(
      (await request('GET', `/devices/${id}`, { key: keys.wholesaler })).body.revokedAt,
    ).toBeNull();

    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('revoke-ok');
    await page.keyboard.press('Enter');
    await page.locator('#devices-outcome[data-kind=ok]').waitFor();
    expect(await page.textContent('#devices-outcome')).toBe('Dock 3 handheld revoked.');
    expect(
      (await request('GET', `/devices/${id}`, { key: keys.wholesaler })).body.revokedAt,
    ).not.toBeNull();
    const row = page.locator(`#device-rows tr[data-device="${id}"]`);
    expect(await row.locator('td[data-state=closed]').textContent()).toBe('Revoked');
    expect(await page.locator(`#revoke-${id}`).count()).toBe(0);
  });

  it('shows a pharmacy the API’s refusal of the distributor’s screen', async () => {
    const other = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const chemistPage = await other.context.newPage();
      await chemistPage.goto(`${platform.url}/console?next=/console/distributor`);
      await chemistPage.waitForFunction(() => document.activeElement?.id === 'key');
      await chemistPage.keyboard.type(keys.chemist);
      await chemistPage.keyboard.press('Enter');
      await chemistPage.waitForSelector('body[data-page=forbidden]');
      expect(await chemistPage.textContent('[data-code=FORBIDDEN]')).toBe(
        'Only an organisation with the role distributor may do this; yours has pharmacy.',
      );
    } finally {
      await other.close();
    }
  });
});
