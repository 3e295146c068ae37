import { createHash } from 'node:crypto';
import {
  CONTENT_SECURITY_POLICY,
  jsonForScript,
  renderConsumerPage,
  renderMalformedPage,
} from './consumer-page.html';
import type { ConsumerView } from './dto/consumer.dto';

const HOSTILE = `<script>alert("x")</script>&'`;

function view(overrides: Partial<ConsumerView> = {}): ConsumerView {
  return {
    link: `https://verify.example.org/01/09506000134352/21/A"B?17=301231`,
    language: 'en',
    verdict: { code: 'OK', level: 'genuine', sentence: 'This pack is genuine.' },
    read: {
      gtin: '09506000134352',
      serial: HOSTILE,
      lot: HOSTILE,
      expiry: '301231',
      expiryDate: '2030-12-31',
    },
    product: {
      gtin: '09506000134352',
      name: HOSTILE,
      form: 'tablet',
      strength: '500 mg',
      packSize: 16,
      manufacturer: HOSTILE,
    },
    pack: {
      serial: HOSTILE,
      lot: 'L1',
      expiry: '301231',
      expiryDate: '2030-12-31',
      state: 'active',
    },
    recall: { scope: 'batch', at: '2026-11-24T10:00:00.000Z', reason: HOSTILE },
    journey: [
      {
        action: 'commission',
        recordedAt: '2026-11-24T09:00:00.000Z',
        city: HOSTILE,
        country: 'FR',
        sealed: true,
        proof: { leafIndex: 3, leafHash: 'AAAA', path: ['BBBB'] },
      },
      {
        action: 'ship',
        recordedAt: '2026-11-24T09:30:00.000Z',
        city: 'Lyon',
        country: 'FR',
        sealed: false,
        proof: null,
      },
    ],
    ledger: { checkpoint: `origin\n5\n</script><script>alert(1)</script>\n`, keys: [HOSTILE] },
    ...overrides,
  };
}

const script = { src: '/assets/proof-check-0123456789abcdef.js', integrity: 'sha384-xyz' };

describe('the consumer page template', () => {
  it('keeps the proof material inside its data block', () => {
    expect(jsonForScript({ note: '</script><script>' })).toBe(
      '{"note":"\\u003c/script>\\u003cscript>"}',
    );
    const html = renderConsumerPage(view(), script);
    // Only the checker is a script; every hostile value is inert text.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(html).toContain(
      'href="https://verify.example.org/01/09506000134352/21/A&quot;B?17=301231&amp;lang=fr"',
    );
    const material = /<script type="application\/json" id="proof-material">(.*?)<\/script>/s.exec(
      html,
    );
    expect(JSON.parse(material![1]!)).toMatchObject({
      checkpoint: view().ledger!.checkpoint,
      leaves: [{ leafIndex: 3, leafHash: 'AAAA', path: ['BBBB'], step: 'Made' }],
    });
  });

  it('tells the verdict by icon and words, and marks unsealed steps', () => {
    const html = renderConsumerPage(view(), script);
    expect(html).toContain('data-level="genuine"');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(html).toContain('<h1 id="verdict-title">Genuine</h1>');
    expect(html).toContain('data-leaf-index="3"');
    expect(html).toContain('recorded, not yet sealed');
  });

  it('says the check cannot run when no step is sealed or no checker is installed', () => {
    expect(renderConsumerPage(view({ ledger: null }), script)).toContain(
      'data-state="nothing-sealed"',
    );
    const without = renderConsumerPage(view(), undefined);
    expect(without).toContain('data-state="unavailable"');
    expect(without).not.toContain('<script');
  });

  it('pins the inline style by its hash in the policy', () => {
    const html = renderConsumerPage(view(), script);
    const css = /<style>(.*?)<\/style>/s.exec(html)![1]!;
    const hash = createHash('sha256').update(css).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
  });

  it('writes dates and countries in the visitor’s language', () => {
    const french = renderConsumerPage(view({ language: 'fr' }), script);
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('24 novembre 2026');
    expect(french).toContain('France');
    expect(renderConsumerPage(view(), script)).toContain('24 November 2026');
  });

  it('says what is wrong with a malformed link, escaped', () => {
    const html = renderMalformedPage(`bad <GTIN>`, 'en', '/01/1/21/X');
    expect(html).toContain('What is wrong: bad &lt;GTIN&gt;');
  });
});
