/**
 * The web console's distributor screen, in a real Chromium against a running platform: a
 * warehouse signs in and sees what left and arrived at its site today and the packs shipped to it
 * that never arrived; enrols a scanner with the keyboard and reads its provisioning data as text
 * and as a QR code (decoded back here as a scanner would); backs out of a revocation, then revokes
 * it; pages back through 55 quarantined messages of another scanner, 50 at a time. A pharmacy
 * opening the distributor's screen gets the API's refusal. Screenshots go to
 * test-artifacts/console/.
 *
 * The broker is the suite's own, as in scan-ingest.e2e-spec.ts (embedded on the default run, a
 * Mosquitto from deploy/mosquitto/ when MQTT_URL is set), so no other suite's platform takes the
 * scanner's messages.
 */
import { scanTopic } from '@pedigree/contracts';
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { connect } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { consolePage, signInWithKeyboard } from '../harness/console-page';
import { decodeQr } from '../harness/decode-symbol';
import { startScanBroker, type ScanBroker } from '../harness/scan-broker';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

/** The browser's time zone (UTC+14), and a day in it as YYYY-MM-DD. */
const ZONE = 'Pacific/Kiritimati';
const dayIn = (timeZone: string, at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

describe('the web console’s distributor screen', () => {
  let broker: ScanBroker;
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
    broker = await startScanBroker();
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl('console_distributor')),
      MQTT_URL: broker.platformUrl,
    });
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
    packs = await commissionBatch(request, keys.maker, {
      product: { name: 'Paracetamol 500 mg', form: 'tablet', strength: '500 mg', packSize: 16 },
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
    // The warehouse's browser is far east of UTC, so that its day is not UTC's for 14 hours of it.
    browser = await launchBrowser({
      viewport: { width: 1280, height: 1000 },
      locale: 'en-GB',
      timezoneId: ZONE,
    });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await broker?.stop();
  });

  it('signs in and shows what left and arrived today, and what never arrived', async () => {
    await signInWithKeyboard(page, `${platform.url}/console`, keys.wholesaler);
    await page.waitForURL(`${platform.url}/console/distributor`);
    expect(await page.textContent('h1')).toBe('Warehouse');
    // Today as the warehouse's clock says, not UTC's.
    const today = dayIn(ZONE);
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
    // The same from the API the page reads it from, its days those of the zone asked for (UTC
    // by default): 26 hours apart, Kiritimati's and Baker Island's (Etc/GMT+12) are never the same.
    for (const timeZone of [ZONE, 'Etc/GMT+12', undefined]) {
      const query = timeZone ? `?timeZone=${encodeURIComponent(timeZone)}` : '';
      const api = await request('GET', `/shipments${query}`, { key: keys.wholesaler });
      expect(api.status).toBe(200);
      expect(api.body.timeZone).toBe(timeZone ?? 'UTC');
      expect(api.body.awaited.total).toBe(2);
      expect(api.body.days).toEqual([
        {
          day: dayIn(timeZone ?? 'UTC'),
          site: { gln: warehouse, name: 'Rhine Wholesale site' },
          left: { shipments: 1, packs: 2 },
          arrived: { shipments: 1, packs: 6 },
        },
      ]);
    }
    const offset = await request('GET', '/shipments?timeZone=%2B01:00', { key: keys.wholesaler });
    expect(offset.status).toBe(400);
    expect(offset.body.message).toContain(
      'timeZone must be an IANA time zone such as Europe/Berlin or UTC; "+01:00" is not one',
    );
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

  it('pages back through the quarantined messages, 50 at a time', async () => {
    const publicKey = toBase64(nodeCryptoBackend.publicKeyFromSeed(randomBytes(32)));
    const enrolled = await request('POST', '/devices', {
      key: keys.wholesaler,
      body: { name: 'Dock 4 handheld', siteGln: warehouse, publicKey },
    });
    expect(enrolled.status).toBe(201);
    const deviceId: string = enrolled.body.id;
    // A scanner whose software is broken: 55 messages that are not JSON, each quarantined whole.
    const { url, ca } = await broker.addDevice(deviceId);
    const scanner = connect(url, { clientId: `${deviceId}-raw`, ca, reconnectPeriod: 0 });
    try {
      await new Promise<void>((ready, fail) => {
        scanner.once('error', fail);
        scanner.once('connect', () => ready());
      });
      for (let n = 1; n <= 55; n++) {
        await scanner.publishAsync(scanTopic(deviceId), Buffer.from(`not JSON, message ${n}`), {
          qos: 1,
        });
      }
    } finally {
      await scanner.endAsync();
    }
    const quarantined = async (): Promise<Array<{ id: string; reason: string }>> =>
      (await request('GET', `/quarantine?device=${deviceId}&limit=100`, { key: keys.wholesaler }))
        .body;
    const deadline = Date.now() + 20_000;
    let kept = await quarantined();
    while (kept.length < 55) {
      if (Date.now() > deadline) {
        throw new Error(
          `Only ${kept.length} of the 55 messages were quarantined within 20 s: check that the platform's ingest reads the suite's broker; it printed:\n${platform.output().slice(-4_000)}`,
        );
      }
      await sleep(200);
      kept = await quarantined();
    }
    expect(kept).toHaveLength(55);
    expect(new Set(kept.map((message) => message.reason))).toEqual(new Set(['NOT_JSON']));
    // Newest first is by id, as a number: 10 comes before 9.
    const newestFirst = kept.map((message) => Number(message.id));
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));

    await page.reload();
    const ids = () =>
      page.$$eval('#quarantine-rows tr', (trs) => trs.map((tr) => tr.getAttribute('data-id')));
    await page.locator('#quarantine-rows tr').nth(49).waitFor();
    // The newest 50, newest first, as the API answers.
    expect(await ids()).toEqual(kept.slice(0, 50).map((message) => message.id));
    expect(await page.isVisible('#quarantine-more')).toBe(true);
    expect(await page.textContent('#quarantine-more')).toBe('Show older messages');

    await page.focus('#quarantine-more');
    await page.keyboard.press('Enter');
    await page.locator('#quarantine-rows tr').nth(54).waitFor();
    await page.locator('#quarantine-more').waitFor({ state: 'hidden' });
    const all = await ids();
    expect(all).toEqual(kept.map((message) => message.id));
    // The button gone, the focus is on the first row it brought, not lost on the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '')).toBe(
      kept[50].id,
    );
    expect(new Set(all).size).toBe(55);
    expect(await page.isVisible('#quarantine-empty')).toBe(false);
    await shot('distributor-quarantine');
  });

  it('shows a pharmacy the API’s refusal of the distributor’s screen', async () => {
    const other = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const chemistPage = await other.context.newPage();
      await signInWithKeyboard(
        chemistPage,
        `${platform.url}/console?next=/console/distributor`,
        keys.chemist,
      );
      await chemistPage.waitForSelector('body[data-page=forbidden]');
      expect(await chemistPage.textContent('[data-code=FORBIDDEN]')).toBe(
        'Only an organisation with the role distributor may do this; yours has pharmacy.',
      );
    } finally {
      await other.close();
    }
  });
});
