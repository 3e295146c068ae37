/**
 * EPCIS subscriptions over a real journey: named queries, webhook notifications signed with
 * `GS1-Signature`, retried with back-off until delivered or failed, and a recall reaching the
 * wholesaler that handled the batch and no one else. A local HTTP receiver plays every webhook.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  apiClient,
  organisationWithSite,
  randomGln,
  randomGtin,
  randomSscc,
  commissionBatch,
} from '../harness/api-client';
import { epcisSchemaErrors } from '../harness/epcis-schema';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

jest.setTimeout(90_000);

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook receiver on 127.0.0.1 that records every request; a path may fail its first N. */
async function startReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      const left = failures.get(path) ?? 0;
      failures.set(path, left - 1);
      response.writeHead(left > 0 ? 503 : 204).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    at: (path: string) => received.filter((r) => r.path === path),
    failFirst: (path: string, count: number) => failures.set(path, count),
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/** Polls `check` until it returns a value, for at most `ms`. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

const eventsOf = (body: Buffer) =>
  JSON.parse(body.toString('utf8')).epcisBody.queryResults.resultsBody.eventList as Array<
    Record<string, unknown> & { eventID: string }
  >;

describe('EPCIS subscriptions', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const [plant, warehouse, counter, elsewhere] = [
    randomGln(),
    randomGln(),
    randomGln(),
    randomGln(),
  ];
  const gtin = randomGtin();
  const caseSscc = randomSscc();
  const keys = { maker: '', wholesaler: '', chemist: '', rival: '' };
  const token = 'shared-secret-of-the-shipping-desk';
  const subscriptions = { ship: '', flaky: '', dead: '' };

  async function step(key: string, path: string, body: unknown) {
    const answer = await request('POST', path, { key, body });
    expect(answer.status).toBe(201);
    return answer;
  }

  async function subscribe(key: string, queryName: string, body: Record<string, unknown>) {
    const answer = await step(key, `/epcis/queries/${queryName}/subscriptions`, {
      stream: true,
      ...body,
    });
    return answer.body.subscriptionID as string;
  }

  const subscription = async (key: string, queryName: string, id: string) =>
    (await request('GET', `/epcis/queries/${queryName}/subscriptions/${id}`, { key })).body;

  beforeAll(async () => {
    receiver = await startReceiver();
    // The webhook receivers here listen on loopback, which a deployment refuses by default.
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
      PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS: 'allow',
    });
    request = apiClient(platform.url);
    const organisation = (name: string, roles: string[], gln: string) =>
      organisationWithSite(request, { name, roles, gln });
    keys.maker = await organisation('Subscribing Pharma', ['manufacturer'], plant);
    keys.wholesaler = await organisation('Subscribing Wholesale', ['distributor'], warehouse);
    keys.chemist = await organisation('Subscribing Pharmacy', ['pharmacy'], counter);
    keys.rival = await organisation('Bystander Pharma', ['manufacturer'], elsewhere);
    await step(keys.maker, '/products', {
      gtin,
      name: 'Subscription tablets',
      form: 'tablet',
      strength: '5 mg',
      packSize: 10,
    });
    const serials = await commissionBatch(request, keys.maker, {
      gtin,
      lot: 'S1',
      count: 2,
      siteGln: plant,
    });
    await step(keys.maker, '/containers', {
      sscc: caseSscc,
      siteGln: plant,
      items: serials.map((s) => s.aiData),
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await receiver?.close();
  });

  it('names a query, runs it, and subscribes webhooks to it', async () => {
    const created = await step(keys.maker, '/epcis/queries', {
      name: 'shipments',
      query: { EQ_bizStep: ['shipping'], eventType: 'ObjectEvent|AggregationEvent' },
    });
    expect(created.headers.get('location')).toBe('/epcis/queries/shipments');
    expect(created.body).toEqual({
      name: 'shipments',
      query: { EQ_bizStep: 'shipping', eventType: 'ObjectEvent|AggregationEvent' },
    });
    const listed = await request('GET', '/epcis/queries', { key: keys.maker });
    expect(listed.body).toEqual([created.body]);
    subscriptions.ship = await subscribe(keys.maker, 'shipments', {
      dest: receiver.url('/ship'),
      signatureToken: token,
    });
    receiver.failFirst('/flaky', 2);
    subscriptions.flaky = await subscribe(keys.maker, 'shipments', {
      dest: receiver.url('/flaky'),
    });
    receiver.failFirst('/dead', Number.POSITIVE_INFINITY);
    const dead = await step(keys.maker, '/epcis/queries/shipments/subscriptions', {
      dest: receiver.url('/dead'),
      stream: true,
    });
    subscriptions.dead = dead.body.subscriptionID;
    // The platform made the secret and shows it once.
    expect(dead.body.signatureToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(dead.headers.get('location')).toBe(
      `/epcis/queries/shipments/subscriptions/${subscriptions.dead}`,
    );
    const shown = await subscription(keys.maker, 'shipments', subscriptions.dead);
    expect(shown).toMatchObject({
      subscriptionID: subscriptions.dead,
      stream: true,
      deliveries: [],
    });
    expect(shown.signatureToken).toBeUndefined();
    const all = await request('GET', '/epcis/queries/shipments/subscriptions', { key: keys.maker });
    expect(all.body.map((s: { subscriptionID: string }) => s.subscriptionID)).toEqual([
      subscriptions.ship,
      subscriptions.flaky,
      subscriptions.dead,
    ]);
  });

  it('notifies a shipment, signed with GS1-Signature, as an EPCISQueryDocument', async () => {
    await step(keys.maker, '/shipments', {
      siteGln: plant,
      destinationGln: warehouse,
      items: [`(00)${caseSscc}`],
    });
    const [notification] = await until('a notification at /ship', () =>
      receiver.at('/ship').length > 0 ? receiver.at('/ship') : undefined,
    );
    const expected = createHmac('sha256', token).update(notification!.body).digest('hex');
    expect(notification!.headers['gs1-signature']).toBe(expected);
    expect(notification!.headers['content-type']).toBe('application/json');
    const document = JSON.parse(notification!.body.toString('utf8'));
    expect(epcisSchemaErrors(document)).toEqual([]);
    expect(document.epcisBody.queryResults).toMatchObject({
      queryName: 'shipments',
      subscriptionID: subscriptions.ship,
    });
    const ran = await request('GET', '/epcis/queries/shipments/events', { key: keys.maker });
    expect(ran.body.epcisBody.queryResults.queryName).toBe('shipments');
    const shipping = ran.body.epcisBody.queryResults.resultsBody.eventList;
    expect(shipping).toHaveLength(1);
    expect(eventsOf(notification!.body)).toEqual(shipping);
    const shown = await until('the delivery recorded', async () => {
      const body = await subscription(keys.maker, 'shipments', subscriptions.ship);
      return body.deliveries[0]?.state === 'delivered' ? body : undefined;
    });
    expect(shown.deliveries).toEqual([
      expect.objectContaining({ state: 'delivered', attempts: 1, eventCount: 1, lastStatus: 204 }),
    ]);
    expect(shown.lastNotifiedAt).toBeDefined();
  });

  it('retries a failing receiver with back-off until it answers, sending the same bytes', async () => {
    const shown = await until('the flaky delivery delivered', async () => {
      const body = await subscription(keys.maker, 'shipments', subscriptions.flaky);
      return body.deliveries[0]?.state === 'delivered' ? body : undefined;
    });
    expect(shown.deliveries[0]).toMatchObject({ attempts: 3, lastStatus: 204, eventCount: 1 });
    const tries = receiver.at('/flaky');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.body.toString('utf8'))).size).toBe(1);
  });

  it('gives up on a dead receiver while later events still reach the others', async () => {
    // While /dead is being retried, the wholesaler ships the case on.
    await step(keys.wholesaler, '/receipts', { siteGln: warehouse, items: [`(00)${caseSscc}`] });
    await step(keys.wholesaler, '/shipments', {
      siteGln: warehouse,
      destinationGln: counter,
      items: [`(00)${caseSscc}`],
    });
    await until('the second shipment at /ship', () =>
      receiver.at('/ship').length === 2 ? true : undefined,
    );
    const [second] = eventsOf(receiver.at('/ship')[1]!.body);
    expect(second).toMatchObject({ bizStep: 'shipping' });
    const failed = await until(
      'the dead delivery failed',
      async () => {
        const body = await subscription(keys.maker, 'shipments', subscriptions.dead);
        const first = body.deliveries.at(-1);
        return first?.state === 'failed' ? first : undefined;
      },
      40_000,
    );
    expect(failed).toMatchObject({ attempts: 5, lastStatus: 503, lastError: 'HTTP 503' });
    // The cursor moved past the failed delivery: the next one carries the second shipment.
    const next = await until('the dead subscription moving on', async () => {
      const body = await subscription(keys.maker, 'shipments', subscriptions.dead);
      return body.deliveries.length === 2 ? body.deliveries[0] : undefined;
    });
    expect(BigInt(next.firstEventId)).toBeGreaterThan(BigInt(failed.lastEventId));
    const deliveries = await request(
      'GET',
      `/epcis/queries/shipments/subscriptions/${subscriptions.dead}/deliveries?limit=1`,
      { key: keys.maker },
    );
    expect(deliveries.body.map((d: { id: string }) => d.id)).toEqual([next.id]);
  });

  it('carries a recall to the wholesaler that handled the batch, and not to a bystander', async () => {
    await step(keys.chemist, '/receipts', { siteGln: counter, items: [`(00)${caseSscc}`] });
    for (const [key, path] of [
      [keys.wholesaler, '/recall/wholesaler'],
      [keys.rival, '/recall/bystander'],
    ] as const) {
      // Each organisation names its own queries: the same name does not collide.
      await step(key, '/epcis/queries', { name: 'recalls', query: { EQ_disposition: 'recalled' } });
      await subscribe(key, 'recalls', { dest: receiver.url(path) });
    }
    await step(keys.maker, `/products/${gtin}/batches/S1/recall`, { reason: 'subscription test' });
    const [notification] = await until('the recall at the wholesaler', () =>
      receiver.at('/recall/wholesaler').length > 0 ? receiver.at('/recall/wholesaler') : undefined,
    );
    const [recall] = eventsOf(notification!.body);
    expect(recall).toMatchObject({
      type: 'ObjectEvent',
      disposition: 'recalled',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/S1` }],
    });
    // Several notifier rounds later, the bystander has still heard nothing.
    await new Promise((wait) => setTimeout(wait, 2_000));
    expect(receiver.at('/recall/bystander')).toEqual([]);
  });

  it("refuses bad queries and subscriptions with a sentence, and hides others' ones", async () => {
    const unknown = await request('POST', '/epcis/queries', {
      key: keys.maker,
      body: { name: 'quantities', query: { EQ_quantity: '3' } },
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(unknown.body.message).toMatch(
      /EQ_quantity: not a query parameter this repository answers/,
    );
    const duplicate = await request('POST', '/epcis/queries', {
      key: keys.maker,
      body: { name: 'shipments', query: {} },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(duplicate.body.message).toMatch(/already has a query named shipments/);
    const ftp = await request('POST', '/epcis/queries/shipments/subscriptions', {
      key: keys.maker,
      body: { dest: 'ftp://example.com/in', stream: true },
    });
    expect(ftp).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(ftp.body.message).toMatch(/dest must be an http or https URL/);
    const scheduled = await request('POST', '/epcis/queries/shipments/subscriptions', {
      key: keys.maker,
      body: { dest: receiver.url('/late'), schedule: { hour: '1' } },
    });
    expect(scheduled.status).toBe(400);
    expect(scheduled.body.message).toMatch(/scheduled subscriptions are not offered/);
    const theirs = await request(
      'GET',
      `/epcis/queries/shipments/subscriptions/${subscriptions.ship}`,
      { key: keys.rival },
    );
    expect(theirs).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(theirs.body.message).toMatch(/no subscription/);
    const gone = await request(
      'DELETE',
      `/epcis/queries/shipments/subscriptions/${subscriptions.ship}`,
      { key: keys.rival },
    );
    expect(gone.status).toBe(404);
  });

  it('unsubscribes, and deleting a query ends its subscriptions', async () => {
    const path = `/epcis/queries/shipments/subscriptions/${subscriptions.flaky}`;
    expect((await request('DELETE', path, { key: keys.maker })).status).toBe(204);
    expect((await request('GET', path, { key: keys.maker })).status).toBe(404);
    expect((await request('DELETE', '/epcis/queries/shipments', { key: keys.maker })).status).toBe(
      204,
    );
    const ship = `/epcis/queries/shipments/subscriptions/${subscriptions.ship}`;
    expect((await request('GET', ship, { key: keys.maker })).status).toBe(404);
    expect((await request('GET', '/epcis/queries/shipments', { key: keys.maker })).status).toBe(
      404,
    );
  });
});
