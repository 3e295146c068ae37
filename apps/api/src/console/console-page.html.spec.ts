import type { Site } from '@pedigree/persistence';
import { createHash } from 'node:crypto';
import { CONTENT_SECURITY_POLICY, forbiddenPage, homePage, signInPage } from './console-page.html';
import { prefersHtml } from './console-page.filter';
import { counterPage } from './counter-page.html';
import { distributorPage } from './distributor-page.html';
import { manufacturerPage } from './manufacturer-page.html';
import { regulatorPage } from './regulator-page.html';

const HOSTILE = `<script>alert("x")</script>&'`;
const script = { src: '/console/assets/console-0123456789abcdef.js', integrity: 'sha384-abc' };
const site = (overrides: Partial<Site> = {}): Site => ({
  id: 's1',
  organisationId: 'o1',
  gln: '5412345000020',
  name: HOSTILE,
  address: '3 Rue des Archives',
  city: 'Paris',
  country: 'FR',
  createdAt: new Date(0),
  ...overrides,
});

/** Every `id` of a form field in the page, and every `for` of a label. */
function fieldsAndLabels(html: string): { fields: string[]; labels: string[] } {
  const fields = [...html.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  const labels = [...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]);
  return { fields, labels };
}

describe('the console pages', () => {
  it('escape every value they show', () => {
    const signedIn = { name: HOSTILE, roles: ['pharmacy'] as const };
    for (const html of [
      counterPage(signedIn, [site()], script),
      manufacturerPage({ name: HOSTILE, roles: ['manufacturer'] }, [site()], script),
      regulatorPage({ name: HOSTILE, roles: ['regulator'] }, script, script),
      distributorPage({ name: HOSTILE, roles: ['distributor'] }, [site()], script),
      homePage({ name: HOSTILE, roles: ['regulator'] }, script),
      forbiddenPage(HOSTILE, script),
    ]) {
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    }
  });

  it('pin their one style by its hash and allow only their own script and requests', () => {
    const html = signInPage(undefined, script);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(css).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(html).toContain(`<script src="${script.src}" integrity="sha384-abc" defer></script>`);
    expect(html).not.toMatch(/<script>|style="/);
  });

  it('label every field, and keep the verdict in a live region', () => {
    const html = counterPage(
      { name: 'Corner', roles: ['pharmacy'] },
      [site(), site({ gln: '5412345000037' })],
      script,
    );
    const { fields, labels } = fieldsAndLabels(html);
    expect(fields.length).toBeGreaterThanOrEqual(8);
    expect(fields.filter((id) => !labels.includes(id))).toEqual([]);
    expect(html).toMatch(/<section id="verdict"[^>]*aria-live="assertive"/);
    expect(html).toMatch(/<input id="scan"[^>]*autofocus/);
    expect((html.match(/<option value="54123450000(20|37)"/g) ?? []).length).toBe(2);
    expect(fieldsAndLabels(signInPage(undefined, script)).fields).toEqual(['key']);
  });

  it('say so when the organisation has no site to work at', () => {
    const html = counterPage({ name: 'Corner', roles: ['pharmacy'] }, [], script);
    expect(html).toContain('id="no-site"');
    expect(html).not.toContain('<select id="site"');
  });

  it('show the menu by role and who is signed in, or no menu before signing in', () => {
    const counter = counterPage({ name: 'Corner', roles: ['pharmacy'] }, [site()], script);
    expect(counter).toContain(
      '<a href="/console/counter" aria-current="page">Pharmacy counter</a>',
    );
    expect(counter).toContain('id="sign-out"');
    const home = homePage({ name: 'Acme', roles: ['manufacturer'] }, script);
    expect(home).not.toContain('/console/counter');
    expect(home).toContain('manufacturer');
    const signIn = signInPage('/console/counter', script);
    expect(signIn).not.toContain('id="sign-out"');
    expect(signIn).toContain('data-next="/console/counter"');
    expect(signIn).toMatch(/<input id="key"[^>]*type="password"[^>]*autocomplete="off"/);
  });
});

describe('the manufacturer’s, distributor’s and regulator’s pages', () => {
  /** Fields including text areas: each must have its label. */
  const unlabelled = (html: string) => {
    const fields = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const labels = [...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]);
    return fields.filter((id) => !labels.includes(id));
  };

  it('label every field, and give the manufacturer its sites to work at', () => {
    const html = manufacturerPage(
      { name: 'Lumen', roles: ['manufacturer'] },
      [site({ name: 'Plant' })],
      script,
    );
    expect(unlabelled(html)).toEqual([]);
    expect(html).toContain('<a href="/console/manufacturer" aria-current="page">');
    // Commissioning, packing, unpacking, enrolling a scanner: each at one of its sites.
    expect((html.match(/<option value="5412345000020"/g) ?? []).length).toBe(4);
    expect(html).toMatch(/<progress id="commission-progress"/);
    expect(html).toMatch(/<dialog id="recall-dialog"/);
    expect(html).toContain('EPCIS subscription');
    expect(
      unlabelled(regulatorPage({ name: 'Agency', roles: ['regulator'] }, script, script)),
    ).toEqual([]);
  });

  it('give the distributor its shipments, its scanners to enrol at its sites, and labels', () => {
    const html = distributorPage({ name: 'Rhine', roles: ['distributor'] }, [site()], script);
    expect(unlabelled(html)).toEqual([]);
    expect(html).toContain('<a href="/console/distributor" aria-current="page">');
    expect(html).toContain('id="shipment-days"');
    expect(html).toMatch(/<select id="enrol-site"[^>]*><option value="5412345000020"/);
    expect(html).toMatch(/<dialog id="revoke-dialog"/);
    // No site, nothing to enrol a scanner at: no form.
    expect(distributorPage({ name: 'R', roles: ['distributor'] }, [], script)).not.toContain(
      'id="enrol-form"',
    );
  });

  it('load the ledger’s script after the console’s on the regulator’s and manufacturer’s pages', () => {
    const ledger = {
      src: '/console/assets/console-ledger-0123456789abcdef.js',
      integrity: 'sha384-def',
    };
    const scriptsOf = (html: string) =>
      [...html.matchAll(/<script src="([^"]+)" integrity="([^"]+)" defer>/g)].map((m) => m[1]);
    const html = regulatorPage({ name: 'Agency', roles: ['regulator'] }, script, ledger);
    expect(scriptsOf(html)).toEqual([script.src, ledger.src]);
    expect(html).toMatch(/<button type="button" id="audit-run" disabled>/);
    const maker = manufacturerPage({ name: 'L', roles: ['manufacturer'] }, [], script, ledger);
    expect(scriptsOf(maker)).toEqual([script.src, ledger.src]);
    expect(maker).not.toContain('id="audit-run"');
    expect(scriptsOf(counterPage({ name: 'P', roles: ['pharmacy'] }, [], script))).toEqual([
      script.src,
    ]);
  });
});

describe('prefersHtml', () => {
  it('is true for a browser navigating, false for fetch, curl and API clients', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(
      true,
    );
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml(undefined)).toBe(false);
  });
});
