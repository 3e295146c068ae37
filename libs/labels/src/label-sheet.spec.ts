import { buildDigitalLink, toElementString, type Gs1Ai } from '@pedigree/gs1';
import { labelSheet, type SheetLabel } from './label-sheet';

const now = new Date('2026-06-01T00:00:00Z');

function label(lot: string, expiry: string, serial: string): SheetLabel {
  const ais: Gs1Ai[] = [
    { ai: '01', value: '09506000134352' },
    { ai: '17', value: expiry },
    { ai: '10', value: lot },
    { ai: '21', value: serial },
  ];
  return {
    elementString: toElementString(ais),
    digitalLink: buildDigitalLink(ais, 'https://verify.example.org'),
  };
}

const count = (html: string, text: string) => html.split(text).length - 1;

describe('labelSheet', () => {
  it('draws one label per pack, each with its DataMatrix, QR code and GS1 text, in order', async () => {
    const serials = Array.from({ length: 30 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const html = await labelSheet(
      serials.map((serial) => label('L42', '281231', serial)),
      { title: 'GTIN 09506000134352, lot L42', now },
    );
    expect(count(html, '<article class="label">')).toBe(30);
    expect(count(html, '<div class="dm"><svg ')).toBe(30);
    expect(count(html, '<div class="qr"><svg ')).toBe(30);
    expect(count(html, '<dt>GTIN</dt><dd>09506000134352</dd>')).toBe(30);
    expect(count(html, '<dt>LOT</dt><dd>L42</dd>')).toBe(30);
    expect(count(html, '<dt>EXP</dt><dd>2028-12-31</dd>')).toBe(30);
    const printed = [...html.matchAll(/<dt>SN<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => m[1]);
    expect(printed).toEqual(serials);
  });

  it('is print-ready: A4 pages of 24 labels, with print CSS and symbols at a fixed size', async () => {
    const html = await labelSheet(
      Array.from({ length: 25 }, (_, i) => label('L42', '281231', `S${i}`)),
      { title: 'L42', now },
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain('@media print {');
    expect(html).toContain('.page + .page { break-before: page; }');
    const pages = html.split('<section class="page">').slice(1);
    expect(pages.map((page) => count(page, '<article class="label">'))).toEqual([24, 1]);
    expect(html).toMatch(/<svg width="\d+\.\d\dmm" height="\d+\.\d\dmm" aria-hidden="true" /);
  });

  it('shows an expiry on day 00 as its month, the way the pack encodes it', async () => {
    const html = await labelSheet([label('L42', '290200', 'S1')], { title: 'L42', now });
    expect(html).toContain('<dt>EXP</dt><dd>2029-02</dd>');
  });

  it('escapes lots, serials and the title, which may hold < > & " and \'', async () => {
    const html = await labelSheet([label('<b>&', '281231', `x"'<`)], {
      title: '<script>alert(1)</script>',
      now,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<dt>LOT</dt><dd>&lt;b&gt;&amp;</dd>');
    expect(html).toContain('<dt>SN</dt><dd>x&quot;&#39;&lt;</dd>');
  });
});
