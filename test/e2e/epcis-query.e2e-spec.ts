/**
 * The EPCIS query interface over a real journey: the standard filters, identifiers matched in
 * any of their forms, pages linked by `Link: rel="next"`, one event by its eventID, and each
 * organisation seeing only the events it may. Every answer validates against GS1's schema.
 */
import { eventHash } from '@pedigree/epcis';
import {
  apiClient,
  randomGln,
  randomGtin,
  randomSscc,
  organisationWithSite,
  commissionBatch,
} from '../harness/api-client';
import { epcisSchemaErrors } from '../harness/epcis-schema';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

type Event = Record<string, unknown> & { eventID: string; type: string; bizStep?: string };

describe('EPCIS queries', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const [plant, warehouse, counter, elsewhere] = [
    randomGln(),
    randomGln(),
    randomGln(),
    randomGln(),
  ];
  const gtin = randomGtin();
  const caseSscc = randomSscc();
  const keys = { maker: '', wholesaler: '', chemist: '', rival: '' };
  let codes: string[];
  let packUris: string[];
  let started: string;

  const organisation = (name: string, roles: string[], gln: string, city: string) =>
    organisationWithSite(request, { name, roles, gln, city });

  async function step(key: string, path: string, body: unknown) {
    const answer = await request('POST', path, { key, body });
    expect(answer.status).toBe(201);
  }

  /** The events of one answer, after checking the answer is a valid EPCISQueryDocument. */
  async function query(key: string, path: string): Promise<Event[]> {
    const answer = await request('GET', path, { key });
    expect(answer.status).toBe(200);
    expect(epcisSchemaErrors(answer.body)).toEqual([]);
    expect(answer.body.type).toBe('EPCISQueryDocument');
    return answer.body.epcisBody.queryResults.resultsBody.eventList;
  }

  const ids = (events: Event[]) => events.map((e) => e.eventID);

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl()));
    request = apiClient(platform.url);
    started = new Date().toISOString();
    keys.maker = await organisation('Query Pharma', ['manufacturer'], plant, 'Lyon');
    keys.wholesaler = await organisation('Query Wholesale', ['distributor'], warehouse, 'Lille');
    keys.chemist = await organisation('Query Pharmacy', ['pharmacy'], counter, 'Paris');
    keys.rival = await organisation('Rival Pharma', ['manufacturer'], elsewhere, 'Nice');
    await step(keys.maker, '/products', {
      gtin,
      name: 'Query tablets',
      form: 'tablet',
      strength: '5 mg',
      packSize: 10,
    });
    const serials = await commissionBatch(request, keys.maker, {
      gtin,
      lot: 'Q1',
      count: 4,
      siteGln: plant,
    });
    codes = serials.map((s) => s.aiData);
    packUris = serials.map((s) => s.digitalLink);
    await step(keys.maker, '/containers', {
      sscc: caseSscc,
      siteGln: plant,
      items: codes.slice(0, 2),
    });
    const box = [`(00)${caseSscc}`];
    await step(keys.maker, '/shipments', { siteGln: plant, destinationGln: warehouse, items: box });
    await step(keys.wholesaler, '/receipts', { siteGln: warehouse, items: box });
    await step(keys.wholesaler, '/shipments', {
      siteGln: warehouse,
      destinationGln: counter,
      items: box,
    });
    await step(keys.chemist, '/receipts', { siteGln: counter, items: box });
    await step(keys.chemist, '/containers/' + caseSscc + '/unpack', { siteGln: counter });
    await step(keys.chemist, '/decommissions', {
      siteGln: counter,
      action: 'dispense',
      items: [codes[0]],
    });
  });

  afterAll(() => platform?.stop());

  it('gives the manufacturer every event about its packs, in the order recorded', async () => {
    const events = await query(keys.maker, '/epcis/events?perPage=100');
    expect(events.map((e) => e.bizStep)).toEqual([
      'commissioning',
      'packing',
      'shipping',
      'receiving',
      'shipping',
      'receiving',
      'unpacking',
      'dispensing',
    ]);
    expect(new Set(ids(events)).size).toBe(events.length);
  });

  it('filters by type, business step, disposition, place and time, in any written form', async () => {
    const shipping = await query(keys.maker, '/epcis/events?EQ_bizStep=shipping');
    expect(shipping.map((e) => e.bizStep)).toEqual(['shipping', 'shipping']);
    const asUri = await query(
      keys.maker,
      `/epcis/events?EQ_bizStep=${encodeURIComponent('https://ref.gs1.org/cbv/BizStep-shipping')}`,
    );
    expect(ids(asUri)).toEqual(ids(shipping));
    const either = await query(keys.maker, '/epcis/events?EQ_bizStep=shipping|receiving');
    expect(either).toHaveLength(4);
    expect(await query(keys.maker, '/epcis/events?eventType=AggregationEvent')).toHaveLength(2);
    expect(await query(keys.maker, '/epcis/events?EQ_disposition=in_transit')).toHaveLength(2);
    const atWarehouse = await query(
      keys.maker,
      `/epcis/events?EQ_readPoint=${encodeURIComponent(`https://id.gs1.org/414/${warehouse}`)}`,
    );
    expect(atWarehouse.map((e) => e.bizStep)).toEqual(['receiving', 'shipping']);
    expect(
      await query(keys.maker, `/epcis/events?GE_eventTime=${encodeURIComponent(started)}`),
    ).toHaveLength(8);
    expect(
      await query(keys.maker, `/epcis/events?LT_eventTime=${encodeURIComponent(started)}`),
    ).toHaveLength(0);
    expect(
      await query(
        keys.maker,
        `/epcis/events?GE_recordTime=${encodeURIComponent(started)}&EQ_bizStep=dispensing`,
      ),
    ).toHaveLength(1);
  });

  it('matches identifiers literally and in any form: a pack, a case as parent or as EPC', async () => {
    const pack = await query(
      keys.maker,
      `/epcis/events?MATCH_epc=${encodeURIComponent(packUris[0]!)}`,
    );
    // The pack is named by its commissioning and its dispensing, and as a child when packed and
    // unpacked; the case's shipments name the case, not the packs inside.
    expect(pack.map((e) => e.bizStep)).toEqual([
      'commissioning',
      'packing',
      'unpacking',
      'dispensing',
    ]);
    const caseUri = `https://id.gs1.org/00/${caseSscc}`;
    const asParent = await query(
      keys.maker,
      `/epcis/events?MATCH_parentID=${encodeURIComponent(caseUri)}`,
    );
    expect(asParent.map((e) => e.bizStep)).toEqual(['packing', 'unpacking']);
    const anyRole = await query(
      keys.maker,
      `/epcis/events?MATCH_anyEPC=${encodeURIComponent(caseUri)}`,
    );
    expect(anyRole).toHaveLength(6);
    const viaPath = await query(keys.maker, `/epcis/epcs/${encodeURIComponent(caseUri)}/events`);
    expect(ids(viaPath)).toEqual(ids(anyRole));
    // The same pack as an EPC URN (any company prefix length splits the GTIN the same way).
    const serial = /\/21\/([^/?]+)/.exec(packUris[0]!)![1];
    const urn = `urn:epc:id:sgtin:${gtin.slice(1, 8)}.${gtin[0]}${gtin.slice(8, 13)}.${serial}`;
    const byUrn = await query(keys.maker, `/epcis/events?MATCH_epc=${encodeURIComponent(urn)}`);
    expect(ids(byUrn)).toEqual(ids(pack));
  });

  it('writes identifiers as EPC URNs on request, where their company prefix is known', async () => {
    const prefixes = [gtin.slice(1, 8), plant.slice(0, 7)];
    const set = await request('PUT', '/organisations/me/company-prefixes', {
      key: keys.maker,
      body: { prefixes },
    });
    expect(set).toMatchObject({ status: 200, body: { prefixes: [...prefixes].sort() } });
    const taken = await request('PUT', '/organisations/me/company-prefixes', {
      key: keys.rival,
      body: { prefixes: [gtin.slice(1, 10)] },
    });
    expect(taken).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(taken.body.message).toContain(`Another organisation holds ${gtin.slice(1, 8)}`);

    const path = `/epcis/events?EQ_bizStep=commissioning|shipping`;
    const asLinks = await request('GET', path, { key: keys.maker });
    const asUrns = await request('GET', path, {
      key: keys.maker,
      headers: { 'gs1-epc-format': 'Always_EPC_URN' },
    });
    expect(asUrns.headers.get('gs1-epc-format')).toBe('Always_EPC_URN');
    expect(epcisSchemaErrors(asUrns.body)).toEqual([]);
    const [made, shipped] = asUrns.body.epcisBody.queryResults.resultsBody.eventList;
    const serial = /\/21\/([^/?]+)/.exec(packUris[0]!)![1];
    expect(made.epcList).toContain(
      `urn:epc:id:sgtin:${gtin.slice(1, 8)}.${gtin[0]}${gtin.slice(8, 13)}.${serial}`,
    );
    expect(made.readPoint.id).toBe(`urn:epc:id:sgln:${plant.slice(0, 7)}.${plant.slice(7, 12)}.0`);
    // The case's SSCC and the warehouse's GLN are under no known prefix: Digital Links still.
    expect(shipped.epcList).toEqual([`https://id.gs1.org/00/${caseSscc}`]);
    expect(shipped.destinationList[0].destination).toBe(`https://id.gs1.org/414/${warehouse}`);
    // The same events, so the same ids: the event hash reads both forms alike.
    const links = asLinks.body.epcisBody.queryResults.resultsBody.eventList;
    for (const [i, event] of [made, shipped].entries()) {
      expect(event.eventID).toBe(links[i].eventID);
      expect(eventHash(event)).toBe(event.eventID);
    }
    const unknown = await request('GET', path, {
      key: keys.maker,
      headers: { 'gs1-epc-format': 'Always_URN' },
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(unknown.body.message).toContain('Always_EPC_URN');
  });

  it('pages with Link: rel="next" until the last page', async () => {
    const all = await query(keys.maker, '/epcis/events?perPage=100');
    const seen: Event[] = [];
    let path: string | undefined = '/epcis/events?perPage=3';
    let pages = 0;
    while (path) {
      const answer = await request('GET', path, { key: keys.maker });
      expect(answer.status).toBe(200);
      seen.push(...answer.body.epcisBody.queryResults.resultsBody.eventList);
      path = /^<([^>]+)>; rel="next"$/.exec(answer.headers.get('link') ?? '')?.[1];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids(seen)).toEqual(ids(all));
  });

  it('shows each organisation the events it may see, and regulators all', async () => {
    const all = await query(keys.maker, '/epcis/events?perPage=100');
    // The pharmacy holds the packs now: it sees their whole story.
    expect(ids(await query(keys.chemist, '/epcis/events?perPage=100'))).toEqual(ids(all));
    // The wholesaler passed them on: it sees what it recorded, no more.
    const wholesaler = await query(keys.wholesaler, '/epcis/events?perPage=100');
    expect(wholesaler.map((e) => e.bizStep)).toEqual(['receiving', 'shipping']);
    expect(
      await query(keys.rival, `/epcis/events?MATCH_epc=${encodeURIComponent(packUris[0]!)}`),
    ).toEqual([]);
    const regulator = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Query Agency', roles: ['regulator'] },
    });
    const seenByRegulator = await query(
      regulator.body.apiKey.key,
      `/epcis/events?MATCH_anyEPC=${encodeURIComponent(`https://id.gs1.org/00/${caseSscc}`)}`,
    );
    expect(seenByRegulator).toHaveLength(6);
  });

  it('serves one event by its eventID, and 404 for one the caller may not see', async () => {
    const [first] = await query(keys.maker, '/epcis/events?perPage=1');
    const one = await request('GET', `/epcis/events/${encodeURIComponent(first!.eventID)}`, {
      key: keys.maker,
    });
    expect(one.status).toBe(200);
    expect(epcisSchemaErrors(one.body)).toEqual([]);
    expect(one.body.epcisBody.queryResults.resultsBody.eventList).toEqual([first]);
    expect(one.headers.get('gs1-epcis-version')).toBe('2.0.0');
    const byFilter = await query(
      keys.maker,
      `/epcis/events?EQ_eventID=${encodeURIComponent(first!.eventID)}`,
    );
    expect(byFilter).toEqual([first]);
    const hidden = await request('GET', `/epcis/events/${encodeURIComponent(first!.eventID)}`, {
      key: keys.rival,
    });
    expect(hidden).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('lists the event types and the vocabularies', async () => {
    const types = await request('GET', '/epcis/eventTypes', { key: keys.rival });
    expect(types.body).toMatchObject({ type: 'Collection' });
    expect(types.body.member).toContain('TransformationEvent');
    const steps = await request('GET', '/epcis/bizSteps', { key: keys.maker });
    expect(steps.body.member).toEqual(expect.arrayContaining(['shipping', 'dispensing']));
    const dispositions = await request('GET', '/epcis/dispositions', { key: keys.maker });
    expect(dispositions.body.member).toContain('in_transit');
  });

  // Last: a recall is irreversible.
  it("shows a recall to everyone who handled the batch, and puts it in each pack's history", async () => {
    await step(keys.maker, `/products/${gtin}/batches/Q1/recall`, { reason: 'query test' });
    const recalled = '/epcis/events?EQ_disposition=recalled';
    for (const key of [keys.maker, keys.wholesaler, keys.chemist]) {
      const [recall] = await query(key, recalled);
      expect(recall).toMatchObject({
        type: 'ObjectEvent',
        quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/Q1` }],
      });
    }
    expect(await query(keys.rival, recalled)).toEqual([]);
    const serial = /\/21\/([^/?]+)/.exec(packUris[3]!)![1];
    const history = await request('GET', `/packs/${gtin}/${serial}`, { key: keys.maker });
    expect(history.body.events.map((e: { action: string }) => e.action)).toEqual([
      'commission',
      'recall',
    ]);
  });

  it('refuses a parameter it does not answer, and malformed values, saying which', async () => {
    const unknown = await request('GET', '/epcis/events?EQ_quantity=3', { key: keys.maker });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(unknown.body.message).toMatch(
      /EQ_quantity: not a query parameter this repository answers/,
    );
    const time = await request('GET', '/epcis/events?GE_eventTime=yesterday', { key: keys.maker });
    expect(time.body.message).toMatch(/GE_eventTime must be a date and time with its offset/);
    const page = await request('GET', '/epcis/events?perPage=0', { key: keys.maker });
    expect(page.body.message).toMatch(/perPage must be a whole number from 1 to 1000/);
    const token = await request('GET', '/epcis/events?nextPageToken=abc', { key: keys.maker });
    expect(token.body.message).toMatch(/nextPageToken must be the token of a previous answer/);
    expect((await request('GET', '/epcis/events')).status).toBe(401);
  });

  it('refuses a webhook to a loopback, private or metadata address, as deployed by default', async () => {
    const named = await request('POST', '/epcis/queries', {
      key: keys.maker,
      body: { name: 'inside', query: { EQ_bizStep: 'shipping' } },
    });
    expect(named.status).toBe(201);
    for (const dest of [
      'http://127.0.0.1:5432/',
      'http://localhost:1883/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:10.0.0.1]/',
    ]) {
      const refused = await request('POST', '/epcis/queries/inside/subscriptions', {
        key: keys.maker,
        body: { dest, stream: true },
      });
      expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
      expect(refused.body.message).toContain('PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS=allow');
    }
    const none = await request('GET', '/epcis/queries/inside/subscriptions', { key: keys.maker });
    expect(none.body).toEqual([]);
  });
});
