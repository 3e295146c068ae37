/**
 * The web console's pharmacy counter, in a real Chromium against a running platform: a
 * pharmacist signs in with the pharmacy's API key (a wrong key says so), scans packs the way a
 * keyboard-wedge scanner types them (GS as the raw byte, or a substitute), reads each verdict,
 * dispenses with one key, undoes, types in the code of a damaged pack, confirms a rarer
 * decommissioning, sees the day's list, and signs out, with the keyboard only. The session
 * behind it is checked too: only its hash in PostgreSQL, honoured by a second API process,
 * refused from another origin, ended by sign-out, expiry and revocation of its key.
 * Screenshots go to test-artifacts/console/.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  apiClient,
  commissionBatch,
  postSteps,
  organisationWithSite,
  randomGln,
  randomGtin,
  type ListedSerial,
} from '../harness/api-client';
import { launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { consolePage, signInWithKeyboard } from '../harness/console-page';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const GS = '\x1d';

describe('the web console’s pharmacy counter', () => {
  let databaseUrl: string;
  let platform: SpawnedPlatform;
  /** A second API process on the same database. */
  let replica: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let browser: HeadlessBrowser;
  let page: Page;
  const { focused, tabTo, shot } = consolePage(() => page);
  let db: Client;
  const [plant, pharmacy] = [randomGln(), randomGln()];
  const gtin = randomGtin();
  const keys = { maker: '', chemist: '' };
  let packs: ListedSerial[] = [];

  /** The pack's state as the API (not the page) records it. */
  async function stateOf(pack: ListedSerial): Promise<string> {
    const answer = await request('GET', `/packs/${gtin}/${pack.serial}`, { key: keys.chemist });
    expect(answer.status).toBe(200);
    return answer.body.state;
  }

  /** Types a scan into the focused scan field as a wedge scanner does, Enter last. */
  async function scan(data: string): Promise<void> {
    expect(await focused()).toBe('scan');
    await page.keyboard.type(data);
    await page.keyboard.press('Enter');
  }

  async function verdictOf(code: string) {
    const verdict = page.locator(`#verdict[data-verdict="${code}"]`);
    await verdict.waitFor();
    return verdict;
  }

  /** The session cookie the browser holds for the platform. */
  async function sessionCookie(): Promise<string> {
    const cookies = await browser.context.cookies(platform.url);
    const cookie = cookies.find((c) => c.name === 'pedigree_session');
    if (!cookie) throw new Error('the browser holds no session cookie');
    return `pedigree_session=${cookie.value}`;
  }

  /** Signs in outside the browser, as the console page does (its Origin); the cookie. */
  async function signInByFetch(key: string, url = platform.url): Promise<string> {
    const response = await fetch(`${url}/console/session`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    });
    expect(response.status).toBe(201);
    return response.headers.get('set-cookie')!.split(';')[0];
  }

  const sha256 = (text: string) => createHash('sha256').update(text).digest();

  beforeAll(async () => {
    databaseUrl = await workerDatabaseUrl('console_counter');
    platform = await spawnPlatform(platformEnv(databaseUrl));
    replica = await spawnPlatform(platformEnv(databaseUrl), ['api']);
    request = apiClient(platform.url);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
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
    packs = await commissionBatch(request, keys.maker, {
      product: { name: 'Paracetamol 500 mg', form: 'tablet', strength: '500 mg', packSize: 16 },
      gtin,
      lot: 'L42',
      count: 8,
      siteGln: plant,
    });
    const items = packs.map((p) => p.aiData);
    await postSteps(request, [
      ['/shipments', keys.maker, { siteGln: plant, destinationGln: pharmacy, items }],
      ['/receipts', keys.chemist, { siteGln: pharmacy, items }],
      // Pack 1 left the counter yesterday, as far as this story goes.
      [
        '/decommissions',
        keys.chemist,
        { siteGln: pharmacy, action: 'dispense', items: [items[1]] },
      ],
    ]);
    browser = await launchBrowser({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await replica?.stop();
    await platform?.stop();
  });

  it('sends a browser without a session to sign in, refuses a wrong key in words, and signs in', async () => {
    await page.goto(`${platform.url}/console/counter`);
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/counter');
    // The key field has the focus from the start (it lands a moment after load).
    await page.waitForFunction(() => document.activeElement?.id === 'key');
    await page.keyboard.type('pdg_thisIsNotAKeyOfAnyone0000000000000000000000');
    await page.keyboard.press('Enter');
    const error = page.locator('#sign-in-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe(
      'This API key is not valid or has been revoked. Ask your organisation for a current key.',
    );
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await focused()).toBe('key');
    await shot('sign-in-refused');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(keys.chemist);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/console/counter`);
    expect(await page.textContent('h1')).toBe('Pharmacy counter');
    expect(await page.textContent('#organisation')).toBe('Pharmacie du Marais');
    expect(await page.getAttribute('nav a[aria-current=page]', 'href')).toBe('/console/counter');
  });

  it('holds the session in an HttpOnly, SameSite=Strict cookie, stored only as a hash', async () => {
    const [cookie] = (await browser.context.cookies(platform.url)).filter((c) =>
      c.name.includes('pedigree_session'),
    );
    expect(cookie).toMatchObject({
      name: 'pedigree_session',
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: false, // the page is on http here; on https it is Secure and named __Host-...
    });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.evaluate(() => document.cookie)).not.toContain(cookie.value);
    const { rows } = await db.query(
      `SELECT s.token_sha256, o.name, s.expires_at - s.created_at AS lifetime
         FROM console_sessions s JOIN api_keys k ON k.id = s.api_key_id
         JOIN organisations o ON o.id = k.organisation_id
        WHERE s.token_sha256 = $1`,
      [sha256(cookie.value)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe('Pharmacie du Marais');
    expect(rows[0].lifetime).toMatchObject({ hours: 12 });
    const raw = await db.query(
      `SELECT count(*)::int AS n FROM console_sessions
        WHERE position(convert_to($1, 'UTF8') IN token_sha256) > 0`,
      [cookie.value],
    );
    expect(raw.rows[0].n).toBe(0);
  });

  it('walks the counter with the keyboard only: scan, dispense with F2, undo with F8, scan a dispensed pack', async () => {
    const good = packs[0];
    expect(await focused()).toBe('scan');
    expect(await page.getAttribute('#verdict', 'aria-live')).toBe('assertive');

    // A DataMatrix as a wedge scanner types it: symbology identifier, GS as the raw byte.
    expect(good.elementString).toContain(GS);
    await scan(`]d2${good.elementString}`);
    const verdict = await verdictOf('OK');
    expect(await verdict.getAttribute('data-level')).toBe('genuine');
    expect(await verdict.locator('svg').count()).toBe(1);
    expect(await verdict.locator('.headline').textContent()).toBe('Genuine: may be supplied');
    expect(await verdict.locator('.sentence').textContent()).toBe(
      'This pack is genuine and may be supplied.',
    );
    expect(await verdict.locator('[data-fact=product]').textContent()).toBe(
      'Paracetamol 500 mg (tablet, 500 mg, 16 units)',
    );
    expect(await verdict.locator('[data-fact=batch]').textContent()).toBe('L42');
    expect(await verdict.locator('[data-fact=expiry]').textContent()).toBe('31 December 2030');
    expect(await verdict.locator('[data-fact=serial]').textContent()).toBe(good.serial);
    expect(await focused()).toBe('scan');
    await shot('verdict-genuine');

    await page.keyboard.press('F2');
    await page.locator('#outcome[data-kind=ok]').waitFor();
    expect(await page.textContent('#outcome')).toMatch(/^Dispensed: recorded at/);
    expect(await stateOf(good)).toBe('dispensed');
    expect(await page.isVisible('#dispense')).toBe(false);
    expect(await page.isVisible('#undo')).toBe(true);
    await page.locator('#today-rows tr[data-action=dispense]').first().waitFor();
    await shot('dispensed');

    await page.keyboard.press('F8');
    await page.locator('#outcome[data-kind=ok]', { hasText: 'Undone' }).waitFor();
    expect(await stateOf(good)).toBe('active');
    expect(await focused()).toBe('scan');

    // Dispensed before: the verdict says so, in its own shape and words, and raises an alert.
    const dispensed = packs[1];
    await scan(`]d2${dispensed.elementString}`);
    const stop = await verdictOf('ALREADY_DECOMMISSIONED');
    expect(await stop.getAttribute('data-level')).toBe('caution');
    expect(await stop.locator('.headline').textContent()).toBe('Caution: do not supply');
    expect(await stop.locator('[data-fact=state]').textContent()).toBe('dispensed');
    expect(await page.isVisible('#dispense')).toBe(false);
    await page
      .locator('#today-rows tr[data-kind=alert][data-code=ALREADY_DECOMMISSIONED]')
      .waitFor();
    await shot('verdict-already-dispensed');

    // F2 does nothing on a pack that may not be supplied: the page offers no dispensing.
    await page.keyboard.press('F2');
    expect(await stateOf(dispensed)).toBe('dispensed');
  });

  it('lists the day: what was checked, dispensed and undone, and the alerts raised', async () => {
    await page.locator('#today-rows tr[data-action=undo]').waitFor();
    const rows = await page.$$eval('#today-rows tr', (trs) =>
      trs.map((tr) => ({
        kind: tr.getAttribute('data-kind'),
        action: tr.getAttribute('data-action'),
        code: tr.getAttribute('data-code'),
        text: tr.textContent ?? '',
      })),
    );
    const good = packs[0].serial;
    const about = (serial: string) => rows.filter((r) => r.text.includes(serial));
    expect(about(good).map((r) => r.action ?? r.code)).toEqual(['undo', 'dispense', 'OK']);
    expect(about(good)[1].text).toContain('undone since');
    expect(about(good).every((r) => r.text.includes('Paracetamol 500 mg'))).toBe(true);
    expect(about(packs[1].serial).map((r) => `${r.kind}:${r.code}`)).toEqual(
      expect.arrayContaining([
        'verification:ALREADY_DECOMMISSIONED',
        'alert:ALREADY_DECOMMISSIONED',
      ]),
    );
    // The same list from the API the page reads it from.
    const activity = await request('GET', `/sites/${pharmacy}/activity`, { key: keys.chemist });
    expect(activity.status).toBe(200);
    expect(activity.body.decommissions.map((d: { action: string }) => d.action)).toEqual(
      expect.arrayContaining(['undo', 'dispense']),
    );
    expect(activity.body.verifications.length).toBeGreaterThanOrEqual(2);
  });

  it('verifies a damaged pack from its four data elements typed in, and dispenses it', async () => {
    const pack = packs[2];
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#verdict', 'data-state')).toBe('waiting');
    await page.evaluate(() =>
      document.querySelector('#manual summary')?.setAttribute('id', 'manual-summary'),
    );
    await tabTo('manual-summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('manual-gtin');
    // As printed beside the code: the EAN-13 form of the GTIN, the expiry as month and year.
    await page.keyboard.type(gtin.slice(1));
    await page.keyboard.press('Tab');
    await page.keyboard.type(pack.serial);
    await page.keyboard.press('Tab');
    await page.keyboard.type('L42');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12/2030');
    await page.keyboard.press('Enter');
    const verdict = await verdictOf('OK');
    expect(await verdict.locator('[data-fact=serial]').textContent()).toBe(pack.serial);
    expect(await focused()).toBe('scan');
    await shot('manual-entry');
    await page.keyboard.press('F2');
    await page.locator('#outcome[data-kind=ok]').waitFor();
    expect(await stateOf(pack)).toBe('dispensed');

    // A batch typed wrong is the API's BATCH_MISMATCH, never a pass.
    await tabTo('manual-lot');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('L43');
    await page.keyboard.press('Enter');
    await verdictOf('BATCH_MISMATCH');
    expect(await page.getAttribute('#verdict', 'data-level')).toBe('danger');
  });

  it('asks before any other decommissioning: Escape cancels, confirming records it', async () => {
    const pack = packs[3];
    await page.keyboard.press('Escape');
    await scan(pack.aiData);
    await verdictOf('OK');
    await tabTo('other-action');
    await page.keyboard.press('ArrowDown'); // from "Destroy" to "Report stolen"
    await page.keyboard.press('ArrowDown'); // "Supply as a sample"
    expect(await page.inputValue('#other-action')).toBe('supply_sample');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('other');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#confirm');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('h2').textContent()).toBe('Record: Supply as a sample?');
    expect(await dialog.locator('p').textContent()).toContain('undo it within 10 days');
    expect(await focused()).toBe('confirm-cancel');
    await shot('confirm-sample');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's close hands the focus back to the scan field, a moment after it hides.
    await page.waitForFunction(() => document.activeElement?.id === 'scan');
    expect(await stateOf(pack)).toBe('active');

    await tabTo('other');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('confirm-ok');
    await page.keyboard.press('Enter');
    await page.locator('#outcome[data-kind=ok]', { hasText: 'Taken as a sample' }).waitFor();
    expect(await stateOf(pack)).toBe('sample');
    expect(await focused()).toBe('scan');
  });

  it('reads a scanner that sends a substitute for GS, once the counter is told which', async () => {
    const pack = packs[4];
    const typed = `]d2${pack.elementString.replaceAll(GS, '^')}`;
    await scan(typed);
    await verdictOf('MALFORMED_CODE');
    await page.locator('#settings summary').click();
    await page.fill('#gs', '^');
    await page.keyboard.press('Enter');
    await page.locator('#settings-saved', { hasText: 'Saved' }).waitFor();
    expect(await focused()).toBe('scan');
    await scan(typed);
    const verdict = await verdictOf('OK');
    expect(await verdict.locator('[data-fact=serial]').textContent()).toBe(pack.serial);
    // Kept for this browser.
    await page.reload();
    expect(await page.inputValue('#gs')).toBe('^');
  });

  it('labels every field and keeps the verdict out of colour alone', async () => {
    const unlabelled = await page.$$eval('input, select', (fields) =>
      fields
        .filter((f) => (f as HTMLInputElement).labels?.length === 0)
        .map((f) => f.id || f.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const csp = (await page.goto(`${platform.url}/console/counter`))!.headers()[
      'content-security-policy'
    ];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(await page.getAttribute('script[src]', 'integrity')).toMatch(/^sha384-/);
  });

  it('refuses a request from another origin that carries the session cookie', async () => {
    const cookie = await sessionCookie();
    const pack = packs[5];
    const dispense = (headers: Record<string, string>) =>
      fetch(`${platform.url}/decommissions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ siteGln: pharmacy, action: 'dispense', items: [pack.aiData] }),
      });
    // Another origin of the same site (SameSite lets the cookie through): refused.
    const forged = await dispense({ origin: 'http://127.0.0.1:1' });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await dispense({});
    expect(anonymous.status).toBe(403);
    expect(await stateOf(pack)).toBe('active');
    // Reading is no forgery: a GET with the cookie alone is answered.
    const sites = await fetch(`${platform.url}/sites`, { headers: { cookie } });
    expect(sites.status).toBe(200);
    // The same request from the console's own origin is the counter's own.
    const own = await dispense({ origin: platform.url });
    expect(own.status).toBe(201);
    expect(await stateOf(pack)).toBe('dispensed');
    // A sign-in from another origin is refused as well (no login forgery).
    const signIn = await fetch(`${platform.url}/console/session`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ key: keys.chemist }),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get('set-cookie')).toBeNull();
  });

  it('shares sessions between API processes: another process accepts the cookie', async () => {
    const cookie = await sessionCookie();
    const me = await fetch(`${replica.url}/organisations/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).name).toBe('Pharmacie du Marais');
  });

  it('signs out with the keyboard: the session ends on every process', async () => {
    const cookie = await sessionCookie();
    await page.goto(`${platform.url}/console/counter`);
    await tabTo('sign-out', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/console`);
    await page.locator('#sign-in').waitFor();
    await shot('signed-out');
    for (const url of [platform.url, replica.url]) {
      const me = await fetch(`${url}/organisations/me`, { headers: { cookie } });
      expect(me.status).toBe(401);
      expect((await me.json()).message).toContain('console session has ended');
    }
    const token = cookie.split('=')[1];
    const { rows } = await db.query('SELECT 1 FROM console_sessions WHERE token_sha256 = $1', [
      sha256(token),
    ]);
    expect(rows).toHaveLength(0);
  });

  it('ends the sessions of a revoked key, and an expired session', async () => {
    const spare = await request('POST', '/api-keys', {
      key: keys.chemist,
      body: { label: 'counter 2' },
    });
    expect(spare.status).toBe(201);
    const fromSpare = await signInByFetch(spare.body.key, replica.url);
    const me = () => fetch(`${platform.url}/organisations/me`, { headers: { cookie: fromSpare } });
    expect((await me()).status).toBe(200);
    const revoked = await request('DELETE', `/api-keys/${spare.body.id}`, { key: keys.chemist });
    expect(revoked.status).toBe(200);
    expect((await me()).status).toBe(401);

    const expiring = await signInByFetch(keys.chemist);
    const again = () => fetch(`${platform.url}/sites`, { headers: { cookie: expiring } });
    expect((await again()).status).toBe(200);
    await db.query(
      `UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE token_sha256 = $1`,
      [sha256(expiring.split('=')[1])],
    );
    expect((await again()).status).toBe(401);
  });

  it('shows an organisation without a counter its own screen, and the counter’s refusal in words', async () => {
    const other = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const makerPage = await other.context.newPage();
      await signInWithKeyboard(makerPage, `${platform.url}/console`, keys.maker);
      // A manufacturer has a screen of its own, and not the counter.
      await makerPage.waitForSelector('body[data-page=manufacturer]');
      expect(await makerPage.$$eval('nav a', (links) => links.map((a) => a.textContent))).toEqual([
        'Products and batches',
      ]);
      const refused = await makerPage.goto(`${platform.url}/console/counter`);
      expect(refused?.status()).toBe(403);
      expect(await makerPage.textContent('[data-code=FORBIDDEN]')).toBe(
        'Only an organisation with the role pharmacy may do this; yours has manufacturer.',
      );
      await shot('not-a-pharmacy', makerPage);
    } finally {
      await other.close();
    }
  });
});
