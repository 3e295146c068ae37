/**
 * The web console's manufacturer screen, in a real Chromium against a running platform: a
 * quality manager signs in, registers a product and a batch with the keyboard, commissions 2,500
 * serial numbers in runs of 1,000 and watches the progress bar move, downloads the serials as CSV,
 * opens the label sheet in a new tab, packs two packs into a case and unpacks it, backs out of a
 * recall at its confirmation (nothing recorded), then confirms it; opens an alert on one of its
 * packs with the pack's history and proofs and writes a note; sees its scanners and quarantine.
 * Screenshots go to test-artifacts/console/.
 */
import { readFileSync } from 'node:fs';
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
} from '../harness/api-client';
import { launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { consolePage, signInWithKeyboard } from '../harness/console-page';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('the web console’s manufacturer screen', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let browser: HeadlessBrowser;
  let page: Page;
  const { focused, tabTo, shot } = consolePage(() => page);
  const [plant, pharmacy] = [randomGln(), randomGln()];
  /** A product registered before, with a pack dispensed and then verified again: an alert. */
  const older = randomGtin();
  /** The product the walk registers through the page. */
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '' };
  let alertId = '';

  /** Types into the focused field, then Tab to the next. */
  async function typeFields(...values: string[]): Promise<void> {
    for (const value of values) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
  }

  async function batchOf(lot: string) {
    const answer = await request('GET', `/products/${gtin}/batches/${lot}`, { key: keys.maker });
    expect(answer.status).toBe(200);
    return answer.body as { recalledAt: string | null; recallReason: string | null };
  }

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl('console_manufacturer')));
    request = apiClient(platform.url);
    keys.maker = await organisationWithSite(request, {
      name: 'Lumen Pharma',
      roles: ['manufacturer'],
      gln: plant,
      city: 'Basel',
    });
    keys.chemist = await organisationWithSite(request, {
      name: 'Pharmacie du Marais',
      roles: ['pharmacy'],
      gln: pharmacy,
      city: 'Paris',
    });
    const packs = await commissionBatch(request, keys.maker, {
      product: { name: 'Ibuprofen 200 mg', form: 'tablet', strength: '200 mg', packSize: 20 },
      gtin: older,
      lot: 'B1',
      count: 3,
      siteGln: plant,
    });
    const items = packs.map((p) => p.aiData);
    await postSteps(request, [
      ['/shipments', keys.maker, { siteGln: plant, destinationGln: pharmacy, items }],
      ['/receipts', keys.chemist, { siteGln: pharmacy, items }],
      [
        '/decommissions',
        keys.chemist,
        { siteGln: pharmacy, action: 'dispense', items: [items[0]] },
      ],
    ]);
    const again = await request('POST', '/verify', {
      key: keys.chemist,
      body: { code: items[0], siteGln: pharmacy },
    });
    expect(again.body.code).toBe('ALREADY_DECOMMISSIONED');
    const alerts = await request('GET', '/alerts?state=open', { key: keys.maker });
    alertId = alerts.body.find((a: { code: string }) => a.code === 'ALREADY_DECOMMISSIONED').id;
    const device = await request('POST', '/devices', {
      key: keys.maker,
      body: {
        name: 'Line 3 scanner',
        siteGln: plant,
        publicKey: toBase64(nodeCryptoBackend.publicKeyFromSeed(randomBytes(32))),
      },
    });
    expect(device.status).toBe(201);
    browser = await launchBrowser({
      viewport: { width: 1280, height: 1000 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signs in with the keyboard and opens the manufacturer’s screen', async () => {
    await signInWithKeyboard(page, `${platform.url}/console`, keys.maker);
    await page.waitForURL(`${platform.url}/console/manufacturer`);
    expect(await page.textContent('h1')).toBe('Products and batches');
    expect(await page.getAttribute('nav a[aria-current=page]', 'href')).toBe(
      '/console/manufacturer',
    );
    await page.locator(`#product-rows tr[data-gtin="${older}"]`).waitFor();
  });

  it('registers a product and a batch with the keyboard only', async () => {
    await page.evaluate(() =>
      document.querySelector('#register-product summary')?.setAttribute('id', 'product-summary'),
    );
    await tabTo('product-summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('product-gtin');
    await typeFields(gtin, 'Paracetamol 500 mg', 'tablet', '500 mg', '16');
    expect(await focused()).toBe('product-national-code');
    await page.keyboard.press('Enter');
    await page.locator('#product-outcome[data-kind=ok]').waitFor();
    expect(await page.textContent('#product-outcome')).toBe(`Product ${gtin} registered.`);
    expect(await page.textContent('#batches-title')).toBe(
      `Batches of Paracetamol 500 mg (${gtin})`,
    );
    expect(await focused()).toBe('product-panel');
    expect((await request('GET', `/products/${gtin}`, { key: keys.maker })).body.name).toBe(
      'Paracetamol 500 mg',
    );

    await page.evaluate(() =>
      document.querySelector('#register-batch summary')?.setAttribute('id', 'batch-summary'),
    );
    await tabTo('batch-summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('batch-lot');
    await typeFields('L7', '301231');
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter');
    await page.locator('#product-outcome[data-kind=ok]', { hasText: 'Batch L7' }).waitFor();
    expect(await focused()).toBe('commission-count');
    const row = page.locator('#batch-rows tr[data-lot=L7]');
    expect(await row.locator('[data-fact=commissioned]').textContent()).toBe('0 of 3,000');
    expect(await row.textContent()).toContain('31 December 2030');

    // A refusal is the API's sentence, and nothing changes.
    await page.keyboard.press('Shift+Tab');
    await page.evaluate(() => (document.getElementById('batch-lot') as HTMLInputElement).focus());
    await typeFields('L7', '301231');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await page.locator('#product-outcome[data-kind=error]').waitFor();
    expect(await page.textContent('#product-outcome')).toBe(
      `GTIN ${gtin} already has a batch with lot L7.`,
    );
    await shot('manufacturer-batch');
  });

  it('commissions 2,500 serial numbers in runs of 1,000, showing the progress', async () => {
    await page.locator('#batch-rows tr[data-lot=L7] button').click();
    await page.evaluate(() => {
      const bar = document.getElementById('commission-progress') as HTMLProgressElement;
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true });
    });
    await page.focus('#commission-count');
    await page.keyboard.type('2500');
    await page.keyboard.press('Enter');
    await page.locator('#commission-text.ok').waitFor({ timeout: 30_000 });
    expect(await page.textContent('#commission-text')).toBe('Commissioned 2,500 serial numbers.');
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: number[] }).progressSeen,
    );
    expect(seen).toEqual(expect.arrayContaining([1_000, 2_000, 2_500]));
    expect(await page.getAttribute('#commission-progress', 'max')).toBe('2500');
    const listed = await request('GET', `/products/${gtin}/batches/L7/serials`, {
      key: keys.maker,
    });
    expect(listed.body).toHaveLength(2_500);
    const row = page.locator('#batch-rows tr[data-lot=L7]');
    await row.locator('[data-fact=commissioned]', { hasText: '2,500 of 3,000' }).waitFor();
    expect(await row.locator('[data-fact=states]').textContent()).toBe('active 2,500');
    await shot('manufacturer-commissioned');

    // The counts come from the API's own route, by the state the rules judge.
    const counts = await request('GET', `/products/${gtin}/pack-counts`, { key: keys.maker });
    expect(counts.body.batches[0]).toMatchObject({
      lot: 'L7',
      packs: 2_500,
      live: 2_500,
      inTransit: 0,
    });
    expect(counts.body.batches[0].states.active).toBe(2_500);
  });

  it('downloads the serials as CSV and opens the label sheets, 500 labels each, in a new tab', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${gtin}-L7.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toBe('serial,ai_data,digital_link');
    expect(lines).toHaveLength(2_501);
    expect(lines[1]).toContain(`(01)${gtin}(17)301231(10)L7(21)`);

    const sheets = page.locator('#label-sheets a');
    expect(await sheets.allTextContents()).toEqual([
      'Labels 1 to 500',
      'Labels 501 to 1,000',
      'Labels 1,001 to 1,500',
      'Labels 1,501 to 2,000',
      'Labels 2,001 to 2,500',
    ]);
    const [sheet] = await Promise.all([
      browser.context.waitForEvent('page'),
      sheets.nth(1).click(),
    ]);
    await sheet.waitForLoadState();
    const opened = new URL(sheet.url());
    expect(opened.pathname).toBe(`/products/${gtin}/batches/L7/labels`);
    expect(opened.search).toBe('?from=500&limit=500');
    // The second sheet starts at the 501st serial in commissioning order, as the CSV lists them.
    const serialOf = (line: string) => /\(21\)([^,]+)/.exec(line)![1];
    const content = await sheet.content();
    expect(content).toContain(serialOf(lines[501]));
    expect(content).toContain(serialOf(lines[1_000]));
    expect(content).not.toContain(serialOf(lines[500]));
    expect(content).not.toContain(serialOf(lines[1_001]));
    await sheet.close();
  });

  it('stops a long commissioning after the run under way, when asked with the keyboard', async () => {
    const batch = await request('POST', `/products/${gtin}/batches`, {
      key: keys.maker,
      body: { lot: 'L8', expiry: '301231', quantity: 20_000 },
    });
    expect(batch.status).toBe(201);
    // Opening the product again lists the batch registered elsewhere.
    await page.focus(`#product-open-${gtin}`);
    await page.keyboard.press('Enter');
    const row = page.locator('#batch-rows tr[data-lot=L8]');
    await row.waitFor();
    await row.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#batch-title', { hasText: 'L8' }).waitFor();
    expect(await page.textContent('#labels-none')).toContain('Commission serial numbers first');
    expect(await page.locator('#label-sheets li').count()).toBe(0);
    await page.fill('#commission-count', '20000');
    await page.keyboard.press('Enter');
    // The stop takes the focus while the runs go on; Enter after the first run stops the rest.
    await page.waitForFunction(() => document.activeElement?.id === 'commission-stop');
    await page.waitForFunction(
      () => (document.getElementById('commission-progress') as HTMLProgressElement).value >= 1_000,
    );
    await page.keyboard.press('Enter');
    const text = page.locator('#commission-text', { hasText: 'Stopped as you asked' });
    await text.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'commission');
    expect(await page.isVisible('#commission-stop')).toBe(false);
    const done = Number(
      /after ([\d,]+) of 20,000/.exec((await text.textContent())!)![1].replace(/,/g, ''),
    );
    expect(done % 1_000).toBe(0);
    expect(done).toBeGreaterThanOrEqual(1_000);
    expect(done).toBeLessThan(20_000);
    const listed = await request('GET', `/products/${gtin}/batches/L8/serials`, {
      key: keys.maker,
    });
    expect(listed.body).toHaveLength(done);
    await page
      .locator('#batch-rows tr[data-lot=L8] [data-fact=commissioned]', {
        hasText: `${done.toLocaleString('en-GB')} of 20,000`,
      })
      .waitFor();
    await shot('manufacturer-commission-stopped');
    // Back to the batch the walk goes on with.
    await page.locator('#batch-rows tr[data-lot=L7] button').click();
    await page.locator('#batch-title', { hasText: 'L7' }).waitFor();
  });

  it('packs two packs into a case and unpacks it', async () => {
    const listed = (
      await request('GET', `/products/${gtin}/batches/L7/serials`, { key: keys.maker })
    ).body as Array<{ aiData: string }>;
    const sscc = randomSscc();
    await page.fill('#aggregate-sscc', sscc);
    await page.fill('#aggregate-items', `${listed[0].aiData}\n${listed[1].aiData}\n`);
    await page.locator('#aggregate-form button[type=submit]').click();
    await page.locator('#containers-outcome[data-kind=ok]').waitFor();
    expect(await page.textContent('#containers-outcome')).toBe(`Packed 2 packs into ${sscc}.`);
    const contents = await request('GET', `/containers/${sscc}`, { key: keys.maker });
    expect(contents.body.contents).toHaveLength(2);

    await page.fill('#unpack-sscc', sscc);
    await page.locator('#unpack-form button[type=submit]').click();
    await page.locator('#containers-outcome[data-kind=ok]', { hasText: 'Unpacked' }).waitFor();
    expect(
      (await request('GET', `/containers/${sscc}`, { key: keys.maker })).body.contents,
    ).toEqual([]);
  });

  it('records nothing when a recall is cancelled at its confirmation', async () => {
    await tabTo('recall');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#recall-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await focused()).toBe('recall-cancel');
    expect(await dialog.locator('h2').textContent()).toBe('Recall batch L7 of Paracetamol 500 mg?');
    expect(await dialog.locator('#recall-final').textContent()).toContain('This cannot be undone');
    expect(await dialog.locator('#recall-stock').textContent()).toBe(
      '2,500 packs are on record, 2,500 of them still in the supply chain (0 on their way between sites).',
    );
    const notified = await dialog.locator('#recall-notified').textContent();
    expect(notified).toContain('every organisation that handled packs of it');
    expect(notified).toContain('EPCIS subscription');
    await shot('manufacturer-recall-confirmation');
    await page.keyboard.press('Tab'); // the reason
    await page.keyboard.type('Changed my mind');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toBe('recall');
    expect((await batchOf('L7')).recalledAt).toBeNull();

    // Cancel, pressed: the same.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // Cancel has the focus
    await dialog.waitFor({ state: 'hidden' });
    expect((await batchOf('L7')).recalledAt).toBeNull();
    const events = await request('GET', '/epcis/events?EQ_disposition=recalled', {
      key: keys.maker,
    });
    expect(events.body.epcisBody.queryResults.resultsBody.eventList).toEqual([]);
  });

  it('recalls the batch once confirmed with a reason', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#recall-dialog');
    await dialog.waitFor({ state: 'visible' });
    // Without a reason the confirmation stays open and says what it needs.
    await tabTo('recall-ok');
    await page.keyboard.press('Enter');
    await page.locator('#recall-missing').waitFor({ state: 'visible' });
    expect(await focused()).toBe('recall-reason');
    expect((await batchOf('L7')).recalledAt).toBeNull();
    await page.keyboard.type('Particles found in retained samples');
    await tabTo('recall-ok');
    await page.keyboard.press('Enter');
    await page.locator('#product-outcome[data-kind=ok]', { hasText: 'recalled' }).waitFor();
    expect(await page.textContent('#product-outcome')).toBe('Batch L7 recalled.');
    const batch = await batchOf('L7');
    expect(batch.recalledAt).not.toBeNull();
    expect(batch.recallReason).toBe('Particles found in retained samples');
    const row = page.locator('#batch-rows tr[data-lot=L7]');
    await row.locator('[data-fact=states]', { hasText: 'recalled 2,500' }).waitFor();
    expect(await row.getAttribute('data-recalled')).toBe('true');
    expect(await page.isVisible('#recall')).toBe(false);
    await shot('manufacturer-recalled');
  });

  it('opens an alert on its pack with the pack’s history and proofs, and notes a finding', async () => {
    const row = page.locator(`#alert-rows tr[data-id="${alertId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-code')).toBe('ALREADY_DECOMMISSIONED');
    await page.focus(`#alert-open-${alertId}`);
    await page.keyboard.press('Enter');
    const panel = page.locator('#alert-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await focused()).toBe('alert-panel');
    expect(await page.textContent('#alert-title')).toBe(`Alert ${alertId}: ALREADY_DECOMMISSIONED`);
    await page.locator('#alert-history-rows tr[data-action=dispense]').waitFor();
    const actions = await page.$$eval('#alert-history-rows tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-action')),
    );
    expect(actions).toEqual(['commission', 'ship', 'receive', 'dispense']);
    expect(await page.textContent('#alert-pack-state')).toContain('Now dispensed; batch B1');
    // Each sealed event links to its inclusion proof, which the API answers for this session.
    const proof = page.locator('#alert-history-rows tr[data-action=commission] a').first();
    await proof.waitFor();
    const href = (await proof.getAttribute('href'))!;
    expect(href).toMatch(/^\/ledger\/events\/\d+\/proof$/);
    const answer = await page.request.get(`${platform.url}${href}`);
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toMatchObject({ leafIndex: expect.any(Number) });
    // And every sealed event is proven in this browser: its bytes, its path, the signed head.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#alert-history-rows tr')]
          .filter((tr) => tr.querySelector('a'))
          .every((tr) => tr.getAttribute('data-proof') === 'verified'),
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.textContent('#alert-history-rows')).toContain('proven in this browser');

    await page.focus('#note-text');
    await page.keyboard.type('The patient brought the pack back; checking with the pharmacy.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('note-add');
    await page.keyboard.press('Enter');
    await page.locator('#alert-outcome[data-kind=ok]').waitFor();
    expect(await page.textContent('#alert-notes')).toContain(
      'Lumen Pharma: The patient brought the pack back; checking with the pharmacy.',
    );
    const investigated = await request('GET', `/alerts/${alertId}`, { key: keys.maker });
    expect(investigated.body.notes).toHaveLength(1);
    await shot('manufacturer-alert');
  });

  it('lists the scanners of its sites and its quarantine', async () => {
    const device = page.locator('#device-rows tr', { hasText: 'Line 3 scanner' });
    await device.waitFor();
    expect(await device.textContent()).toContain(`GLN ${plant}`);
    expect(await device.textContent()).toContain('never');
    expect(await page.isVisible('#quarantine-empty')).toBe(true);
  });

  it('withdraws a product once confirmed, saying how many packs it stops', async () => {
    await page.focus(`#product-open-${older}`);
    await page.keyboard.press('Enter');
    await page.locator('#batches-title', { hasText: older }).waitFor();
    await tabTo('withdraw');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#recall-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('h2').textContent()).toBe(
      `Withdraw Ibuprofen 200 mg (${older}) from the market?`,
    );
    // One of its three packs was dispensed; two are at the pharmacy.
    expect(await dialog.locator('#recall-stock').textContent()).toBe(
      '3 packs are on record, 2 of them still in the supply chain (0 on their way between sites).',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('Marketing authorisation withdrawn');
    await tabTo('recall-ok');
    expect(await page.textContent('#recall-ok')).toBe('Withdraw Ibuprofen 200 mg');
    await page.keyboard.press('Enter');
    await page.locator('#product-outcome[data-kind=ok]', { hasText: 'withdrawn' }).waitFor();
    const product = await request('GET', `/products/${older}`, { key: keys.maker });
    expect(product.body.withdrawnAt).not.toBeNull();
    expect(await page.textContent(`#product-rows tr[data-gtin="${older}"]`)).toContain(
      '(withdrawn)',
    );
    // Every pack of it now reads recalled, the dispensed one too (as GET /packs judges it).
    await page
      .locator('#batch-rows tr[data-lot=B1] [data-fact=states]', { hasText: 'recalled 3' })
      .waitFor();
    expect(await page.isVisible('#withdraw')).toBe(false);
  });

  it('labels every field', async () => {
    const unlabelled = await page.$$eval('input, select, textarea', (fields) =>
      fields
        .filter((f) => (f as HTMLInputElement).labels?.length === 0)
        .map((f) => f.id || f.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });
});
