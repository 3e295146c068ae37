/**
 * The web console's regulator screen, in a real Chromium against a running platform with more
 * than a thousand sealed events: an inspector signs in, sees the chain's state (head, size, last
 * block, no cosignature yet), filters every alert of the consortium by code and by open or closed,
 * opens one with the pack's full history and proofs, adds a note and closes it with a reason, and
 * runs the audit of the whole chain in the browser, watching its progress, to "Clean". A
 * manufacturer opening the regulator's screen gets the API's refusal; the bulk events the audit
 * reads are refused to it as well. Screenshots go to test-artifacts/console/.
 */
import type { Page } from 'playwright-core';
import {
  apiClient,
  commissionBatch,
  postSteps,
  organisationWithSite,
  randomGln,
  randomGtin,
} from '../harness/api-client';
import { launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { consolePage, signInWithKeyboard } from '../harness/console-page';
import { EventTable, testDocument } from '../harness/events';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

/** More than one page of the audit's reading (1,000 events a page). */
const FILLER_EVENTS = 1_200;

describe('the web console’s regulator screen', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let browser: HeadlessBrowser;
  let page: Page;
  const { focused, tabTo, shot } = consolePage(() => page);
  const [plant, pharmacy, agency] = [randomGln(), randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '', regulator: '' };
  /** An ALREADY_DECOMMISSIONED alert on a real pack, and an UNKNOWN_SERIAL one. */
  const alerts = { dispensed: '', unknown: '' };

  const alertIds = () =>
    page.$$eval('#alert-rows tr', (trs) => trs.map((tr) => tr.getAttribute('data-id')));

  beforeAll(async () => {
    const databaseUrl = await workerDatabaseUrl('console_regulator');
    platform = await spawnPlatform(platformEnv(databaseUrl));
    request = apiClient(platform.url);
    keys.maker = await organisationWithSite(request, {
      name: 'Lumen Pharma',
      roles: ['manufacturer'],
      gln: plant,
    });
    keys.chemist = await organisationWithSite(request, {
      name: 'Pharmacie du Marais',
      roles: ['pharmacy'],
      gln: pharmacy,
      city: 'Paris',
    });
    keys.regulator = await organisationWithSite(request, {
      name: 'Medicines Agency',
      roles: ['regulator'],
      gln: agency,
    });
    const packs = await commissionBatch(request, keys.maker, {
      product: { name: 'Amoxicillin 250 mg', form: 'capsule', strength: '250 mg', packSize: 21 },
      gtin,
      lot: 'A9',
      count: 2,
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
    for (const code of [items[0], `(01)${gtin}(21)NEVERMADE1`]) {
      await request('POST', '/verify', { key: keys.chemist, body: { code, siteGln: pharmacy } });
    }
    const raised = (await request('GET', '/alerts', { key: keys.regulator })).body as Array<{
      id: string;
      code: string;
    }>;
    alerts.dispensed = raised.find((a) => a.code === 'ALREADY_DECOMMISSIONED')!.id;
    alerts.unknown = raised.find((a) => a.code === 'UNKNOWN_SERIAL')!.id;
    // Enough sealed events for the audit to read more than one page.
    const events = await EventTable.connect(databaseUrl);
    try {
      const ids = await events.insert(
        Array.from({ length: FILLER_EVENTS }, (_, i) => testDocument(i, 'console-regulator')),
      );
      await events.waitUntilSealed(ids, 60_000);
    } finally {
      await events.close();
    }
    browser = await launchBrowser({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows a manufacturer the API’s refusal of the regulator’s screen and of the audit’s reading', async () => {
    const other = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const makerPage = await other.context.newPage();
      await signInWithKeyboard(
        makerPage,
        `${platform.url}/console?next=/console/regulator`,
        keys.maker,
      );
      await makerPage.waitForSelector('body[data-page=forbidden]');
      expect(new URL(makerPage.url()).pathname).toBe('/console/regulator');
      expect(await makerPage.textContent('[data-code=FORBIDDEN]')).toBe(
        'Only an organisation with the role regulator may do this; yours has manufacturer.',
      );
      expect(await makerPage.$$eval('nav a', (links) => links.map((a) => a.textContent))).toEqual(
        [],
      );
      await shot('regulator-refused', makerPage);
      // The events the audit reads are the regulator's to read, whatever a page would try.
      const leaves = await makerPage.request.get(`${platform.url}/ledger/leaves?from=0&limit=1`);
      expect(leaves.status()).toBe(403);
      // What it may see is the API's to say, not the screen's: the alerts on its own product.
      const alert = await makerPage.request.get(`${platform.url}/alerts/${alerts.unknown}`);
      expect(alert.status()).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('signs in and shows the chain’s state: head, size, last block, no cosignature yet', async () => {
    await signInWithKeyboard(page, `${platform.url}/console`, keys.regulator);
    await page.waitForURL(`${platform.url}/console/regulator`);
    expect(await page.textContent('h1')).toBe('Oversight');
    const latest = (await request('GET', '/ledger/blocks/latest')).body as {
      height: number;
      treeSize: number;
    };
    await page.locator('#chain-head', { hasText: 'block' }).waitFor();
    const head = Number((await page.textContent('#chain-head'))!.replace('block ', ''));
    expect(head).toBeGreaterThanOrEqual(latest.height);
    const size = Number((await page.textContent('#chain-size'))!.replaceAll(',', ''));
    expect(size).toBeGreaterThanOrEqual(latest.treeSize);
    expect(size).toBeGreaterThan(FILLER_EVENTS);
    expect(await page.locator('#chain-time time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(await page.textContent('#chain-cosignatures')).toBe(
      'none yet (no witness has cosigned a head)',
    );
    const checkpoint = (await request('GET', '/ledger/checkpoint')).body as string;
    expect(await page.textContent('#chain-origin')).toBe(checkpoint.split('\n')[0]);
  });

  it('filters every alert by code and by open or closed', async () => {
    await page.locator(`#alert-rows tr[data-id="${alerts.dispensed}"]`).waitFor();
    expect(await alertIds()).toEqual(expect.arrayContaining([alerts.dispensed, alerts.unknown]));
    await page.focus('#alert-code');
    await page.selectOption('#alert-code', 'UNKNOWN_SERIAL');
    await tabTo('alert-show');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) => !document.querySelector(`#alert-rows tr[data-id="${id}"]`),
      alerts.dispensed,
    );
    const codes = await page.$$eval('#alert-rows tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-code')),
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['UNKNOWN_SERIAL']));
    await page.selectOption('#alert-code', '');
    await page.locator('#alert-show').click();
    await page.locator(`#alert-rows tr[data-id="${alerts.dispensed}"]`).waitFor();
  });

  it('opens an alert with the pack’s history and proofs, adds a note and closes it with a reason', async () => {
    await page.focus(`#alert-open-${alerts.dispensed}`);
    await page.keyboard.press('Enter');
    await page.locator('#alert-panel').waitFor({ state: 'visible' });
    expect(await focused()).toBe('alert-panel');
    expect(await page.textContent('#alert-title')).toBe(
      `Alert ${alerts.dispensed}: ALREADY_DECOMMISSIONED`,
    );
    expect(await page.textContent('#alert-facts [data-fact=where]')).toBe(`GLN ${pharmacy}`);
    await page.locator('#alert-history-rows tr[data-action=dispense]').waitFor();
    expect(
      await page.$$eval('#alert-history-rows tr', (trs) =>
        trs.map((tr) => tr.getAttribute('data-action')),
      ),
    ).toEqual(['commission', 'ship', 'receive', 'dispense']);
    // Every event sealed by now: each links its inclusion proof and its EPCIS event.
    const links = await page.$$eval('#alert-history-rows a', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    expect(links.filter((l) => l.endsWith('/proof'))).toHaveLength(4);
    for (const href of links) {
      const answer = await page.request.get(`${platform.url}${href}`);
      expect(answer.status()).toBe(200);
    }
    // And each is proven in the browser: its bytes, its path, the signed head.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#alert-history-rows tr')].every(
          (tr) => tr.getAttribute('data-proof') === 'verified',
        ),
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.textContent('#alert-history-rows')).toContain('proven in this browser');

    await page.focus('#note-text');
    await page.keyboard.type('Asked the pharmacy for the CCTV of the counter.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#alert-notes li').waitFor();
    expect(await page.textContent('#alert-notes')).toContain(
      'Medicines Agency: Asked the pharmacy for the CCTV of the counter.',
    );
    expect(await focused()).toBe('note-text');

    await tabTo('close-reason');
    await page.keyboard.type('A second scan of a pack the patient brought back: no falsification.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('alert-close');
    await page.keyboard.press('Enter');
    await page.locator('#alert-outcome[data-kind=ok]', { hasText: 'Alert closed.' }).waitFor();
    expect(await page.getAttribute('#alert-panel', 'data-state')).toBe('closed');
    expect(await page.isVisible('#close-form')).toBe(false);
    expect(await page.textContent('#alert-facts [data-fact=state]')).toContain(
      'by Medicines Agency: A second scan of a pack the patient brought back: no falsification.',
    );
    expect(await focused()).toBe('alert-back');
    await shot('regulator-alert-closed');
    const closed = await request('GET', `/alerts/${alerts.dispensed}`, { key: keys.regulator });
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.closeReason).toBe(
      'A second scan of a pack the patient brought back: no falsification.',
    );
    expect(closed.body.notes).toHaveLength(1);

    // The open list no longer holds it; the closed one does.
    await page.locator(`#alert-rows tr[data-id="${alerts.dispensed}"]`).waitFor({
      state: 'detached',
    });
    await page.keyboard.press('Enter'); // back to the list
    await page.selectOption('#alert-state', 'closed');
    await page.locator('#alert-show').click();
    const row = page.locator(`#alert-rows tr[data-id="${alerts.dispensed}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-state=closed]').count()).toBe(1);
  });

  it('audits the whole chain in the browser, showing its progress, to “Clean”', async () => {
    await page.evaluate(() => {
      const bar = document.getElementById('audit-progress') as HTMLProgressElement;
      const seen: Array<[number, number]> = [];
      (window as unknown as { auditSeen: typeof seen }).auditSeen = seen;
      new MutationObserver(() => seen.push([bar.value, bar.max])).observe(bar, {
        attributes: true,
      });
    });
    await tabTo('audit-run');
    await page.keyboard.press('Enter');
    await page.locator('#audit-status[data-state=clean]').waitFor({ timeout: 60_000 });
    const text = (await page.textContent('#audit-text'))!;
    const [, blocks, leaves, size] =
      /^Clean: ([\d,]+) blocks and ([\d,]+) events verified, head at block \d+ \(tree size ([\d,]+)\)\.$/.exec(
        text,
      )!;
    expect(Number(leaves.replaceAll(',', ''))).toBe(Number(size.replaceAll(',', '')));
    expect(Number(leaves.replaceAll(',', ''))).toBeGreaterThan(FILLER_EVENTS);
    expect(Number(blocks.replaceAll(',', ''))).toBeGreaterThan(0);
    expect(await page.textContent('#audit-trust')).toMatch(
      /^Trusting the sealer key served by this platform: .+\+[0-9a-f]{8}\+/,
    );
    const seen = await page.evaluate(
      () => (window as unknown as { auditSeen: Array<[number, number]> }).auditSeen,
    );
    const values = seen.map(([value]) => value);
    // Moved page by page: some value strictly between the start and the end.
    const total = Number(size.replaceAll(',', ''));
    expect(values.some((value) => value > 0 && value < total)).toBe(true);
    expect(values[values.length - 1]).toBe(total);
    expect(await focused()).toBe('audit-run');
    await shot('regulator-audit-clean');
  });
});
