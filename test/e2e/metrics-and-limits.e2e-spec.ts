/**
 * `/metrics` counts what the platform did (requests, verdicts, quarantined scanner messages,
 * sealed blocks), and the public routes are rate limited per address with 429 and Retry-After
 * while the routes behind a key and the probes are not.
 */
import { scanTopic } from '@pedigree/contracts';
import { connect } from 'mqtt';
import { randomUUID } from 'node:crypto';
import { apiClient, randomGln, randomGtin } from '../harness/api-client';
import { startEmbedded, type ScanBroker } from '../harness/scan-broker';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const LIMIT = 30;

/** The value of one sample line of a Prometheus text body, or 0 when absent. */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function metrics(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('metrics and public rate limits', () => {
  // A broker of its own: on a shared one, another platform's ingest may take the test's message.
  let broker: ScanBroker;
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    broker = await startEmbedded();
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
      MQTT_URL: broker.platformUrl,
      PEDIGREE_PUBLIC_RATE_LIMIT: String(LIMIT),
    });
    request = apiClient(platform.url);
  });

  afterAll(async () => {
    await platform?.stop();
    await broker?.stop();
  });

  it('counts requests by route pattern, verdicts by source and code, and Node itself', async () => {
    const gtin = randomGtin();
    const verdict = 'pedigree_verdicts_total{source="verify",code="UNKNOWN_PRODUCT"}';
    const before = sample(await metrics(platform.url), verdict);
    const answer = await request('POST', '/verify', {
      key: TEST_ADMIN_KEY,
      body: { code: `(01)${gtin}(21)NOPE` },
    });
    expect(answer.body.code).toBe('UNKNOWN_PRODUCT');
    await request('GET', `/packs/${gtin}/NOPE`);
    const body = await metrics(platform.url);
    expect(sample(body, verdict)).toBe(before + 1);
    expect(
      sample(body, 'pedigree_http_requests_total{method="POST",route="/verify",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    // The route pattern, never the serial, is the label; a refused request is counted too.
    expect(
      sample(
        body,
        'pedigree_http_requests_total{method="GET",route="/packs/:gtin/:serial",status="401"}',
      ),
    ).toBe(1);
    expect(body).not.toContain('NOPE');
    expect(body).toMatch(/^pedigree_process_resident_memory_bytes \d+/m);
  });

  it('counts quarantined scanner messages by reason, and sealed blocks', async () => {
    const series = 'pedigree_ingest_quarantined_total{reason="NOT_JSON"}';
    const before = sample(await metrics(platform.url), series);
    const client = await connect(broker.platformUrl, { clientId: `metrics-${randomUUID()}` });
    await client.publishAsync(scanTopic(randomUUID()), 'not an envelope', { qos: 1 });
    await client.endAsync();

    const gtin = randomGtin();
    const gln = randomGln();
    const maker = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Metrics Pharma', roles: ['manufacturer'] },
    });
    const key = maker.body.apiKey.key as string;
    await request('POST', '/sites', {
      key,
      body: { gln, name: 'Plant', address: '1 Place', city: 'Lyon', country: 'FR' },
    });
    await request('POST', '/products', {
      key,
      body: { gtin, name: 'Metformin 500 mg', form: 'tablet', strength: '500 mg', packSize: 30 },
    });
    await request('POST', `/products/${gtin}/batches`, {
      key,
      body: { lot: 'M1', expiry: '301200', quantity: 1 },
    });
    const commissioned = await request('POST', `/products/${gtin}/batches/M1/serials`, {
      key,
      body: { count: 1, siteGln: gln },
    });
    expect(commissioned.status).toBe(201);

    const body = await until(
      () => metrics(platform.url),
      (text) =>
        sample(text, series) > before && sample(text, 'pedigree_sealer_events_sealed_total') > 0,
    );
    expect(sample(body, series)).toBe(before + 1);
    expect(sample(body, 'pedigree_ingest_messages_total{outcome="quarantined"}')).toBeGreaterThan(
      0,
    );
    expect(sample(body, 'pedigree_sealer_blocks_total')).toBeGreaterThan(0);
    expect(sample(body, 'pedigree_sealer_tree_size')).toBeGreaterThan(0);
    expect(sample(body, 'pedigree_sealer_last_block_timestamp_seconds')).toBeGreaterThan(
      Date.now() / 1_000 - 60,
    );
  });

  it('answers 429 with Retry-After past the public limit, and not on keyed routes or probes', async () => {
    const publicRoute = `${platform.url}/ledger/blocks?from=0&limit=1`;
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await fetch(publicRoute)).status);
    expect(statuses.slice(0, LIMIT - 5).every((s) => s === 200)).toBe(true);
    const refused = await fetch(publicRoute);
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(2);
    expect(await refused.json()).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many requests from your address: at most 30 a minute/),
    });
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    expect((await fetch(`${platform.url}/metrics`)).status).toBe(200);
    expect((await request('GET', '/alerts', { key: TEST_ADMIN_KEY })).status).toBe(200);
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    expect((await fetch(publicRoute)).status).toBe(200);
  });
});
