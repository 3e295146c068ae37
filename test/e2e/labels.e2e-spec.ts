/**
 * A manufacturer prints labels for a batch: one pack's QR code and DataMatrix over HTTP, read
 * back as a phone and a pharmacy scanner would, and an A4 sheet for a range of serials. The QR
 * code points at the platform's own address, or at PEDIGREE_PUBLIC_URL when set.
 */
import { GS } from '@pedigree/gs1';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { decodeDataMatrix, decodeQr } from '../harness/decode-symbol';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('pack labels over HTTP', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let databaseUrl: string;
  const plant = randomGln();
  const gtin = randomGtin();
  const keys = { maker: '', rival: '', regulator: '', pharmacy: '' };
  let packs: Array<{ serial: string; elementString: string }>;

  async function organisation(name: string, roles: string[]) {
    const created = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name, roles },
    });
    return created.body.apiKey.key as string;
  }

  /** GET with the bytes of the answer, which apiClient would read as text. */
  async function fetchBytes(path: string, key: string) {
    const response = await fetch(`${platform.url}${path}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  const label = (serial: string, query: string) => `/packs/${gtin}/${serial}/label?${query}`;

  beforeAll(async () => {
    databaseUrl = await workerDatabaseUrl();
    platform = await spawnPlatform(platformEnv(databaseUrl));
    request = apiClient(platform.url);
    keys.maker = await organisation('Label Pharma', ['manufacturer']);
    keys.rival = await organisation('Rival Pharma', ['manufacturer']);
    keys.regulator = await organisation('Medicines Agency', ['regulator']);
    keys.pharmacy = await organisation('Label Street Pharmacy', ['pharmacy']);
    await request('POST', '/sites', {
      key: keys.maker,
      body: { gln: plant, name: 'Plant', address: '1 Rue', city: 'Lyon', country: 'FR' },
    });
    await request('POST', '/products', {
      key: keys.maker,
      body: { gtin, name: 'Ibuprofen 200 mg', form: 'tablet', strength: '200 mg', packSize: 24 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key: keys.maker,
      body: { lot: 'LB-7', expiry: '301200', quantity: 30 },
    });
    await request('POST', `/products/${gtin}/batches/LB-7/serials`, {
      key: keys.maker,
      body: { count: 30, siteGln: plant },
    });
    packs = (await request('GET', `/products/${gtin}/batches/LB-7/serials`, { key: keys.maker }))
      .body;
    expect(packs).toHaveLength(30);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it("gives the manufacturer a QR code that a phone reads as the pack's Digital Link here", async () => {
    const { serial } = packs[0]!;
    const png = await fetchBytes(label(serial, 'symbol=qr&format=png'), keys.maker);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(decodeQr(png.bytes)).toBe(`${platform.url}/01/${gtin}/10/LB-7/21/${serial}?17=301200`);
  });

  it('gives a GS1 DataMatrix that a scanner reads as the element string, and SVG by default', async () => {
    const [, pack] = packs;
    const png = await fetchBytes(label(pack!.serial, 'symbol=datamatrix&format=png'), keys.maker);
    expect(png.type).toBe('image/png');
    expect(decodeDataMatrix(png.bytes)).toBe(GS + pack!.elementString);
    const svg = await fetchBytes(label(pack!.serial, 'symbol=datamatrix'), keys.regulator);
    expect(svg.status).toBe(200);
    expect(svg.type).toBe('image/svg+xml');
    expect(new TextDecoder().decode(svg.bytes)).toMatch(/^<svg viewBox="0 0 \d+ \d+"/);
  });

  it('answers another manufacturer as if the pack did not exist, and refuses a pharmacy', async () => {
    const { serial } = packs[0]!;
    const sentence = `No pack with GTIN ${gtin} and serial ${serial} that your organisation may see.`;
    const rival = await request('GET', label(serial, 'symbol=qr'), { key: keys.rival });
    expect(rival).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: sentence } });
    expect(
      (await request('GET', `/packs/${gtin}/${serial}`, { key: keys.rival })).body.message,
    ).toBe(sentence);
    const pharmacy = await request('GET', label(serial, 'symbol=qr'), { key: keys.pharmacy });
    expect(pharmacy.status).toBe(403);
  });

  it('says what was wrong with a bad symbol, format, GTIN or range, and what to send', async () => {
    const { serial } = packs[0]!;
    const cases: Array<[string, RegExp]> = [
      [label(serial, 'symbol=aztec'), /symbol must be qr .* or datamatrix/],
      [label(serial, ''), /symbol must be qr .* or datamatrix/],
      [label(serial, 'symbol=qr&format=gif'), /format must be svg or png/],
      [`/packs/09506000134353/${serial}/label?symbol=qr`, /check digit should be 2/],
      [`/products/${gtin}/batches/LB-7/labels?limit=501`, /between 1 and 500 labels per sheet/],
      [`/products/${gtin}/batches/LB-7/labels?from=-1`, /from must be a whole number/],
      [`/products/${gtin}/batches/LB-7/labels?from=30`, /none from 30: ask for a lower from/],
    ];
    for (const [path, message] of cases) {
      const answer = await request('GET', path, { key: keys.maker });
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION',
      });
      expect(answer.body.message).toMatch(message);
    }
  });

  it('prints a sheet of the asked range of serials, in commissioning order, one label each', async () => {
    const sheet = await request('GET', `/products/${gtin}/batches/LB-7/labels?from=5&limit=20`, {
      key: keys.maker,
    });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(sheet.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = sheet.body as string;
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain(`GTIN ${gtin}, lot LB-7: labels 6 to 25`);
    const serials = [...html.matchAll(/<dt>SN<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => m[1]);
    expect(serials).toEqual(packs.slice(5, 25).map((p) => p.serial));
    expect(html.split('<dt>EXP</dt><dd>2030-12</dd>')).toHaveLength(21);
    const rest = await request('GET', `/products/${gtin}/batches/LB-7/labels?from=25`, {
      key: keys.maker,
    });
    expect(rest.body.split('<article class="label">')).toHaveLength(6);
    const rival = await request('GET', `/products/${gtin}/batches/LB-7/labels`, {
      key: keys.rival,
    });
    expect(rival.status).toBe(403);
  });

  it('points the QR code at PEDIGREE_PUBLIC_URL when it is set', async () => {
    await platform.stop();
    platform = await spawnPlatform({
      ...platformEnv(databaseUrl),
      PEDIGREE_PUBLIC_URL: 'https://verify.example.org/',
    });
    const { serial } = packs[3]!;
    const png = await fetchBytes(label(serial, 'symbol=qr&format=png'), keys.maker);
    expect(decodeQr(png.bytes)).toBe(
      `https://verify.example.org/01/${gtin}/10/LB-7/21/${serial}?17=301200`,
    );
  });
});
