/**
 * The consumer page, in a real Chromium against a running platform: someone scans the QR code on
 * a box and reads, in plain words and in their language, whether the pack is genuine, what it is,
 * where it has been, and sees their own browser check the ledger proof of that journey. Tampered
 * proof material must fail in the browser; the verdict must still read without JavaScript; API
 * clients get the same facts as JSON. Screenshots go to test-artifacts/consumer-page/, each of a
 * page that passes the accessibility audit (axe-core, WCAG 2.1 A and AA, contrast among them).
 */
import { buildDigitalLink, type Gs1Ai } from '@pedigree/gs1';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  apiClient,
  randomGln,
  randomGtin,
  organisationWithSite,
  commissionBatch,
} from '../harness/api-client';
import { accessibilityProblems } from '../harness/accessibility';
import { launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { repoRoot } from '../harness/repo-root';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const SHOTS = join(repoRoot(), 'test-artifacts', 'consumer-page');

describe('the consumer page at a pack’s Digital Link', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let browser: HeadlessBrowser;
  const [plant, pharmacy] = [randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '' };
  const serials = { shipped: '', dispensed: '', atPlant: '', recalled: '' };

  const organisation = (name: string, roles: string[], gln: string, city: string) =>
    organisationWithSite(request, {
      name,
      roles,
      gln,
      city,
      country: city === 'Lyon' ? 'FR' : 'DE',
    });

  const commission = async (lot: string, count: number) =>
    (await commissionBatch(request, keys.maker, { gtin, lot, count, siteGln: plant })).map(
      (p) => p.serial,
    );

  /** The pack's link as its QR code carries it, on this platform. */
  function link(serial: string, lot = 'C1', expiry: string | null = '301200'): string {
    const ais: Gs1Ai[] = [
      { ai: '01', value: gtin },
      { ai: '10', value: lot },
      { ai: '21', value: serial },
      ...(expiry ? [{ ai: '17', value: expiry }] : []),
    ];
    return buildDigitalLink(ais, platform.url);
  }

  async function json(url: string, accept = 'application/json') {
    const response = await fetch(url, { headers: { accept } });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  /** Waits until the sealer has taken every recorded step of the pack (a block every 250 ms). */
  async function sealed(serial: string, lot = 'C1'): Promise<void> {
    for (let tries = 0; tries < 50; tries++) {
      const { body } = await json(link(serial, lot));
      if (body.journey.length > 0 && body.journey.every((s: { sealed: boolean }) => s.sealed)) {
        return;
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`the journey of ${serial} was not sealed within 5 s`);
  }

  /** Opens the page and keeps its screenshot; audits it too where JavaScript runs (axe is a script). */
  async function open(page: Page, url: string, shot: string, audit = true) {
    const response = await page.goto(url);
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    if (audit) expect(await accessibilityProblems(page)).toEqual([]);
    return response;
  }

  async function proofState(page: Page): Promise<string | null> {
    await page.waitForFunction(
      () =>
        !['no-script', 'checking'].includes(
          document.getElementById('proof-status')!.dataset.state!,
        ),
    );
    return page.getAttribute('#proof-status', 'data-state');
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl()));
    request = apiClient(platform.url);
    browser = await launchBrowser({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    keys.maker = await organisation('Lumen Pharma', ['manufacturer'], plant, 'Lyon');
    keys.chemist = await organisation('Corner Pharmacy GmbH', ['pharmacy'], pharmacy, 'Berlin');
    await request('POST', '/products', {
      key: keys.maker,
      body: { gtin, name: 'Ibuprofen 400 mg', form: 'tablet', strength: '400 mg', packSize: 24 },
    });
    [serials.shipped, serials.dispensed, serials.atPlant] = await commission('C1', 3);
    [serials.recalled] = await commission('R1', 1);
    const items = [serials.shipped, serials.dispensed].map((s) => `(01)${gtin}(21)${s}`);
    const shipped = await request('POST', '/shipments', {
      key: keys.maker,
      body: { siteGln: plant, destinationGln: pharmacy, items },
    });
    expect(shipped.status).toBe(201);
    const received = await request('POST', '/receipts', {
      key: keys.chemist,
      body: { siteGln: pharmacy, items },
    });
    expect(received.status).toBe(201);
    const dispensed = await request('POST', '/decommissions', {
      key: keys.chemist,
      body: { siteGln: pharmacy, action: 'dispense', items: [items[1]] },
    });
    expect(dispensed.status).toBe(201);
    const recalled = await request('POST', `/products/${gtin}/batches/R1/recall`, {
      key: keys.maker,
      body: { reason: 'Tablets may crumble in the blister' },
    });
    expect(recalled.status).toBe(201);
    await sealed(serials.shipped);
    await sealed(serials.dispensed);
    await sealed(serials.recalled, 'R1');
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows a genuine pack, its journey by city and country, and the browser verifies the proof', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(link(serials.shipped));
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('OK');
    expect(await page.textContent('h1')).toBe('Genuine');
    expect(await page.textContent('[data-verdict] p')).toContain('genuine');
    expect(await page.textContent('dl')).toContain('Ibuprofen 400 mg');
    expect(await page.textContent('dl')).toContain('Lumen Pharma');
    expect(await page.textContent('dl')).toContain('31 December 2030');
    const steps = await page.locator('li').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/Made[\s\S]*Lyon, France/);
    expect(steps[1]).toMatch(/Shipped[\s\S]*Lyon, France/);
    expect(steps[2]).toMatch(/Received[\s\S]*Berlin, Germany/);
    expect(await proofState(page)).toBe('verified');
    expect(await page.textContent('#proof-status')).toContain('Verified by your browser');
    expect(await page.locator('[data-proof=verified]').count()).toBe(3);
    await page.locator('summary').click();
    await page.screenshot({ path: join(SHOTS, 'genuine.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    // Nothing commercially sensitive: no GLN, street, pharmacy or site name.
    const html = await page.content();
    for (const secret of [
      plant,
      pharmacy,
      'Hidden Street',
      'Corner Pharmacy',
      'Lumen Pharma site',
    ]) {
      expect(html).not.toContain(secret);
    }
    await page.close();
  });

  it('says a dispensed pack with caution, not as a danger', async () => {
    const page = await browser.context.newPage();
    await open(page, link(serials.dispensed), 'dispensed');
    expect(await page.getAttribute('[data-verdict]', 'data-level')).toBe('caution');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe(
      'ALREADY_DECOMMISSIONED',
    );
    expect(await page.textContent('h1')).toBe('Caution');
    expect(await page.textContent('[data-verdict] p')).toContain('handed out by a pharmacy');
    expect(await page.locator('li').last().textContent()).toMatch(
      /Handed out by a pharmacy[\s\S]*Berlin/,
    );
    expect(await proofState(page)).toBe('verified');
    await page.close();
  });

  it('shows a recalled pack as a danger with its recall notice', async () => {
    const page = await browser.context.newPage();
    await open(page, link(serials.recalled, 'R1'), 'recalled');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('RECALLED');
    expect(await page.getAttribute('[data-verdict]', 'data-level')).toBe('danger');
    expect(await page.textContent('h1')).toBe('Do not use');
    const notice = await page.textContent('[data-recall=batch]');
    expect(notice).toContain('this batch was recalled on');
    expect(notice).toContain('Tablets may crumble in the blister');
    // The recall is linked to every pack of the batch: a step of the journey, proven like the rest.
    const steps = await page.locator('li').allTextContents();
    expect(steps).toHaveLength(2);
    expect(steps[1]).toMatch(/^Recalled[\s\S]*sealed in the ledger: proven/);
    expect(await proofState(page)).toBe('verified');
    await page.close();
  });

  it('answers an unknown serial with the danger verdict, and raises no alert', async () => {
    const page = await browser.context.newPage();
    const response = await open(page, link('NEVER1SSUED'), 'unknown');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('UNKNOWN_SERIAL');
    expect(await page.getAttribute('[data-verdict]', 'data-level')).toBe('danger');
    expect(await page.textContent('[data-verdict] p')).toContain('never issued');
    expect(await page.getAttribute('#proof-status', 'data-state')).toBe('nothing-sealed');
    await page.close();
    const alerts = await request('GET', '/alerts', { key: keys.maker });
    expect(alerts).toMatchObject({ status: 200, body: [] });
  });

  it('calls a lot or expiry in the link that differs from the record a danger', async () => {
    const page = await browser.context.newPage();
    await open(page, link(serials.shipped, 'FAKE9'), 'lot-mismatch');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('BATCH_MISMATCH');
    expect(await page.getAttribute('[data-verdict]', 'data-level')).toBe('danger');
    expect(await page.textContent('[data-mismatch]')).toContain('FAKE9');
    await open(page, link(serials.shipped, 'C1', '291231'), 'expiry-mismatch');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('EXPIRY_MISMATCH');
    expect(await page.textContent('[data-mismatch]')).toContain('31 December 2029');
    await page.close();
  });

  it('shows the proof FAILED when the served proof material was tampered with', async () => {
    const page = await browser.context.newPage();
    await page.route(/\/01\//, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      // Flip one base64 character of the first inclusion path hash.
      const tampered = html.replace(
        /("path":\[")(.)/,
        (_, head: string, ch: string) => head + (ch === 'A' ? 'B' : 'A'),
      );
      expect(tampered).not.toBe(html);
      await route.fulfill({ response, body: tampered });
    });
    await page.goto(link(serials.shipped));
    expect(await proofState(page)).toBe('failed');
    expect(await page.textContent('#proof-status')).toMatch(
      /^Proof FAILED: the step “Made” does not lead to the signed ledger checkpoint\./,
    );
    expect(await page.locator('[data-proof=failed]').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'tampered-proof.png'), fullPage: true });
    await page.close();
  });

  it('shows the proof FAILED when the checkpoint is not signed by the published key', async () => {
    const page = await browser.context.newPage();
    await page.route(/\/01\//, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      // Change the tree size the checkpoint claims: its signature no longer matches.
      const tampered = html.replace(
        /("checkpoint":"[^\\]*\\n)(\d)/,
        (_, head: string, d: string) => head + String((Number(d) + 1) % 10),
      );
      expect(tampered).not.toBe(html);
      await route.fulfill({ response, body: tampered });
    });
    await page.goto(link(serials.shipped));
    expect(await proofState(page)).toBe('failed');
    expect(await page.textContent('#proof-status')).toContain('not signed by the published key');
    await page.close();
  });

  it('renders the verdict without JavaScript, and says the proof check needs it', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false, locale: 'en-GB' });
    try {
      const page = await noScript.context.newPage();
      await open(page, link(serials.shipped), 'no-javascript', false);
      expect(await page.textContent('h1')).toBe('Genuine');
      expect(await page.locator('li').count()).toBe(3);
      expect(await page.getAttribute('#proof-status', 'data-state')).toBe('no-script');
      expect(await page.textContent('#proof-status')).toContain('needs JavaScript');
    } finally {
      await noScript.close();
    }
  });

  it('speaks French to a French browser, and ?lang= overrides', async () => {
    const french = await launchBrowser({ locale: 'fr-FR' });
    try {
      const page = await french.context.newPage();
      await open(page, link(serials.shipped), 'french');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.textContent('h1')).toBe('Authentique');
      expect(await page.locator('li').first().textContent()).toContain('Lyon, France');
      expect(await page.locator('li').last().textContent()).toContain('Berlin, Allemagne');
      expect(await proofState(page)).toBe('verified');
      expect(await page.textContent('#proof-status')).toContain('Vérifié par votre navigateur');
      await page.goto(`${link(serials.shipped)}&lang=en`);
      expect(await page.textContent('h1')).toBe('Genuine');
    } finally {
      await french.close();
    }
  });

  it('answers JSON to Accept: application/json, with the proof material', async () => {
    const { status, headers, body } = await json(link(serials.shipped));
    expect(status).toBe(200);
    expect(headers.get('vary')).toBe('Accept, Accept-Language');
    expect(body).toMatchObject({
      link: link(serials.shipped),
      language: 'en',
      verdict: { code: 'OK', level: 'genuine', sentence: expect.stringContaining('genuine') },
      product: { gtin, name: 'Ibuprofen 400 mg', manufacturer: 'Lumen Pharma' },
      pack: { serial: serials.shipped, lot: 'C1', expiry: '301200', expiryDate: '2030-12-31' },
      recall: null,
      ledger: { checkpoint: expect.stringContaining('\n'), keys: [expect.any(String)] },
    });
    expect(body.journey.map((s: { action: string }) => s.action)).toEqual([
      'commission',
      'ship',
      'receive',
    ]);
    expect(body.journey[2]).toMatchObject({
      city: 'Berlin',
      country: 'DE',
      sealed: true,
      proof: {
        leafIndex: expect.any(Number),
        leafHash: expect.any(String),
        path: expect.any(Array),
      },
    });
    // A repeated parameter is ignored, not refused.
    const repeated = await json(`${link(serials.shipped)}&lang=fr&lang=de`);
    expect(repeated).toMatchObject({ status: 200, body: { language: 'en' } });
    const key = await (await fetch(`${platform.url}/ledger/key`)).text();
    expect(body.ledger.keys).toEqual([key.trim()]);
    expect(JSON.stringify(body)).not.toContain(pharmacy);
  });

  it('follows GS1 linkType: a linkset for "all", the JSON verdict for a verification service', async () => {
    const all = await json(`${link(serials.shipped)}&linkType=all`, 'text/html');
    expect(all.headers.get('content-type')).toContain('application/linkset+json');
    expect(all.body.linkset[0]).toMatchObject({
      anchor: link(serials.shipped),
      'https://gs1.org/voc/defaultLink': [{ href: link(serials.shipped), type: 'text/html' }],
      'https://gs1.org/voc/verificationService': [
        {
          href: `${link(serials.shipped)}&linkType=gs1:verificationService`,
          type: 'application/json',
        },
      ],
    });
    const verdict = await json(
      `${link(serials.dispensed)}&linkType=gs1:verificationService`,
      '*/*',
    );
    expect(verdict.body.verdict).toMatchObject({
      code: 'ALREADY_DECOMMISSIONED',
      level: 'caution',
    });
    const pip = await fetch(`${link(serials.shipped)}&linkType=gs1:pip`);
    expect(pip.headers.get('content-type')).toContain('text/html');
  });

  it('answers a malformed link with 400 and a sentence saying what is wrong', async () => {
    const page = await browser.context.newPage();
    const response = await open(page, `${platform.url}/01/09506000134353/21/X`, 'malformed');
    expect(response?.status()).toBe(400);
    expect(await page.textContent('h1')).toBe('This code cannot be read');
    expect(await page.textContent('main')).toMatch(/What is wrong: .*check digit/);
    await page.close();
    const asJson = await json(`${platform.url}/01/12345/21/X`);
    expect(asJson).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_CODE', message: expect.stringContaining('GTIN') },
    });
  });

  it('serves the page with a strict policy and the checker with a long cache', async () => {
    const response = await fetch(link(serials.shipped));
    expect(response.headers.get('content-security-policy')).toMatch(
      /default-src 'none'; script-src 'self'; style-src 'sha256-/,
    );
    expect(response.headers.get('cache-control')).toBe('private, max-age=10');
    const src = /<script src="([^"]+)"/.exec(await response.text())?.[1];
    expect(src).toMatch(/^\/assets\/proof-check-[0-9a-f]{16}\.js$/);
    const script = await fetch(`${platform.url}${src}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${platform.url}/assets/proof-check-0000000000000000.js`)).status).toBe(
      404,
    );
  });
});
