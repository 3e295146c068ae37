/**
 * EPCIS capture (docs/epcis.md, "Capture"): a manufacturer registers the sites and products GS1's
 * error-declaration example names, commissions its serials by capturing a commissioning event,
 * then captures the example: both events are stored as they came (eventID kept, recordTime and
 * @context added). Invalid documents are refused whole; a rule refusal stores nothing under
 * `rollback`; a duplicate is recognised; one event is captured at once with POST /epcis/events.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { join } from 'node:path';
import { parseItems } from '@pedigree/recording';
import { canonicalEpc } from '@pedigree/epcis';
import { apiClient, organisationWithSite } from '../harness/api-client';
import { repoRoot } from '../harness/repo-root';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

/** A test document, to be spoilt field by field. */
type Spoilable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLES = join(repoRoot(), '..', 'shared', 'standards', 'epcis', 'examples');
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
const SITE = '0614141073467'; // urn:epc:id:sgln:0614141.07346.1234
const OTHER = '0012345111112';

/** The GTIN and serial of an SGTIN URN. */
function pack(urn: string): { gtin: string; serial: string } {
  const [item] = parseItems([canonicalEpc(urn)]).items;
  if (item?.kind !== 'pack') throw new Error(`${urn} is no pack`);
  return item;
}

describe('EPCIS capture', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let databaseUrl: string;
  let maker: string;

  async function capture(document: unknown, behaviour?: string) {
    const response = await fetch(`${platform.url}/epcis/capture`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${maker}`,
        'content-type': 'application/json',
        ...(behaviour && { 'GS1-Capture-Error-Behaviour': behaviour }),
      },
      body: JSON.stringify(document),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  async function finished(location: string) {
    for (;;) {
      const job = await request('GET', location, { key: maker });
      if (!job.body.running) return job.body;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  function commissioning(urns: string[], lot: string, eventTime = '2020-01-01T00:00:00.000Z') {
    return {
      '@context': CONTEXT,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: eventTime,
      epcisBody: {
        eventList: [
          {
            type: 'ObjectEvent',
            eventTime,
            eventTimeZoneOffset: '+00:00',
            epcList: urns,
            action: 'ADD',
            bizStep: 'commissioning',
            disposition: 'active',
            readPoint: { id: `https://id.gs1.org/414/${SITE}` },
            ilmd: { 'cbvmda:lotNumber': lot },
          },
        ],
      },
    };
  }

  beforeAll(async () => {
    databaseUrl = await workerDatabaseUrl('epcis_capture');
    platform = await spawnPlatform(platformEnv(databaseUrl));
    request = apiClient(platform.url);
    maker = await organisationWithSite(request, {
      name: 'Example Co',
      roles: ['manufacturer', 'distributor', 'pharmacy'],
      gln: SITE,
    });
    const site = { name: 'Other', address: '1 Road', city: 'Lyon', country: 'FR' };
    expect(
      (await request('POST', '/sites', { key: maker, body: { ...site, gln: OTHER } })).status,
    ).toBe(201);
    for (const urn of [
      'urn:epc:id:sgtin:4012345.011111.987',
      'urn:epc:id:sgtin:4012345.033333.AGHFG',
    ]) {
      const { gtin } = pack(urn);
      const product = { gtin, name: 'Example', form: 'tablet', strength: '1 mg', packSize: 1 };
      expect((await request('POST', '/products', { key: maker, body: product })).status).toBe(201);
      const batch = { lot: 'L1', expiry: '351231', quantity: 100 };
      expect(
        (await request('POST', `/products/${gtin}/batches`, { key: maker, body: batch })).status,
      ).toBe(201);
    }
  });

  afterAll(() => platform?.stop());

  it('advertises its limits', async () => {
    const response = await fetch(`${platform.url}/epcis/capture`, {
      method: 'OPTIONS',
      headers: { authorization: `Bearer ${maker}` },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('gs1-epcis-capture-limit')).toBe('10000');
    expect(response.headers.get('gs1-epcis-capture-file-size-limit')).toBe(
      String(32 * 1024 * 1024),
    );
  });

  it('commissions by capture, then stores the error-declaration example as it came', async () => {
    const urns = ['urn:epc:id:sgtin:4012345.011111.987', 'urn:epc:id:sgtin:4012345.033333.AGHFG'];
    for (const urn of urns) {
      const accepted = await capture(commissioning([urn], 'L1'));
      expect(accepted.status).toBe(202);
      expect(await finished(accepted.headers.get('location')!)).toMatchObject({ success: true });
    }
    const document = example('ErrorDeclarationAndCorrectiveEvent.jsonld');
    const accepted = await capture(document);
    expect(accepted.status).toBe(202);
    const job = await finished(accepted.headers.get('location')!);
    expect(job).toMatchObject({ success: true, errors: [], captureErrorBehaviour: 'rollback' });
    expect(job.eventIds).toHaveLength(2);
    for (const [i, id] of job.eventIds.entries()) {
      // The ledger serves an event once the sealer has taken it.
      let stored = await request('GET', `/ledger/events/${id}/epcis`, { key: maker });
      for (let tries = 0; stored.status === 404 && tries < 100; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        stored = await request('GET', `/ledger/events/${id}/epcis`, { key: maker });
      }
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual({
        ...document.epcisBody.eventList[i],
        '@context': document['@context'],
        recordTime: expect.any(String),
      });
    }
    // The same document again: every event is recognised, none stored twice.
    const again = await finished((await capture(document)).headers.get('location')!);
    expect(again).toMatchObject({
      success: true,
      eventIds: [],
      duplicates: job.eventIds.map(() => expect.any(String)),
    });
  });

  it.each([
    ['missing @context', (d: Spoilable) => delete d['@context']],
    ['a wrong action', (d: Spoilable) => (d.epcisBody.eventList[0].action = 'MOVE')],
    ['a bad eventTime', (d: Spoilable) => (d.epcisBody.eventList[0].eventTime = 'yesterday')],
    [
      'a non-CBV bizStep without a namespace',
      (d: Spoilable) => (d.epcisBody.eventList[0].bizStep = 'teleporting'),
    ],
    [
      'a quantity given as text',
      (d: Spoilable) =>
        (d.epcisBody.eventList[0].quantityList = [
          { epcClass: 'https://id.gs1.org/01/04012345111118', quantity: 'ten' },
        ]),
    ],
  ])('refuses a document with %s, storing nothing', async (_, spoil) => {
    const document = commissioning(['urn:epc:id:sgtin:4012345.011111.555'], 'L1');
    spoil(document);
    const jobsBefore = (await request('GET', '/epcis/capture?limit=1000', { key: maker })).body;
    const refused = await capture(document);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      type: 'epcisException:ValidationException',
      status: 400,
      statusCode: 400,
      code: 'VALIDATION',
      detail: expect.stringContaining('schema'),
    });
    // No job, no event, no pack.
    const jobsAfter = (await request('GET', '/epcis/capture?limit=1000', { key: maker })).body;
    expect(jobsAfter).toEqual(jobsBefore);
    const events = await request(
      'GET',
      `/epcis/events?MATCH_epc=${encodeURIComponent('urn:epc:id:sgtin:4012345.011111.555')}`,
      { key: maker },
    );
    expect(events.body.epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    const { gtin, serial } = pack('urn:epc:id:sgtin:4012345.011111.555');
    expect((await request('GET', `/packs/${gtin}/${serial}`, { key: maker })).status).toBe(404);
  });

  it('refuses a dispensed pack shipped by capture; rollback stores none of the document', async () => {
    const urn = 'urn:epc:id:sgtin:4012345.011111.600';
    const commissioned = await capture(commissioning([urn], 'L1'));
    expect(commissioned).toMatchObject({ status: 202 });
    await finished(commissioned.headers.get('location')!);
    const { gtin, serial } = pack(urn);
    const dispensed = await request('POST', '/decommissions', {
      key: maker,
      body: { siteGln: SITE, action: 'dispense', items: [`(01)${gtin}(21)${serial}`] },
    });
    expect(dispensed.status).toBe(201);
    const document = commissioning(['urn:epc:id:sgtin:4012345.011111.601'], 'L1');
    // The schema allows ilmd only on an ADD: the shipment leaves it out.
    const observed: Record<string, unknown> = { ...document.epcisBody.eventList[0]! };
    delete observed.ilmd;
    document.epcisBody.eventList.push({
      ...observed,
      epcList: [urn],
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      destinationList: [{ type: 'location', destination: `https://id.gs1.org/414/${OTHER}` }],
    } as never);
    const job = await finished((await capture(document)).headers.get('location')!);
    expect(job).toMatchObject({
      success: false,
      eventIds: [],
      errors: [{ eventIndex: 1, code: 'ALREADY_DECOMMISSIONED' }],
    });
    const proceed = await finished((await capture(document, 'proceed')).headers.get('location')!);
    expect(proceed).toMatchObject({ success: false, errors: [{ eventIndex: 1 }] });
    expect(proceed.eventIds).toHaveLength(1);
  });

  it('judges shipments and receipts in document order, each seeing the ones before it', async () => {
    const urn = 'urn:epc:id:sgtin:4012345.011111.650';
    await finished((await capture(commissioning([urn], 'L1'))).headers.get('location')!);
    const document = commissioning([urn], 'L1', '2020-01-02T00:00:00.000Z');
    const base = { ...document.epcisBody.eventList[0]!, epcList: [urn], action: 'OBSERVE' };
    delete (base as Record<string, unknown>).ilmd;
    const at = (gln: string, minute: number) => ({
      ...base,
      eventTime: `2020-01-02T00:0${minute}:00.000Z`,
      readPoint: { id: `https://id.gs1.org/414/${gln}` },
    });
    const ship = (from: string, to: string, minute: number) => ({
      ...at(from, minute),
      bizStep: 'shipping',
      disposition: 'in_transit',
      destinationList: [{ type: 'location', destination: `https://id.gs1.org/414/${to}` }],
    });
    const receive = (where: string, minute: number) => ({
      ...at(where, minute),
      bizStep: 'receiving',
      disposition: 'in_progress',
    });
    document.epcisBody.eventList = [
      ship(SITE, OTHER, 1),
      receive(OTHER, 2),
      ship(OTHER, SITE, 3),
      receive(OTHER, 4), // refused: the pack is on its way to SITE
      receive(SITE, 5),
    ] as never;
    const job = await finished((await capture(document, 'proceed')).headers.get('location')!);
    expect(job).toMatchObject({
      success: false,
      errors: [{ eventIndex: 3, code: 'WRONG_CUSTODY' }],
    });
    expect(job.eventIds).toHaveLength(4);
    const { gtin, serial } = pack(urn);
    const held = await request('GET', `/packs/${gtin}/${serial}`, { key: maker });
    expect(held.body).toMatchObject({ custodyGln: SITE, inTransitToGln: null });
    expect(held.body.events.map((e: { action: string }) => e.action)).toEqual([
      'commission',
      'ship',
      'receive',
      'ship',
      'receive',
    ]);
  });

  it('captures one event at once with POST /epcis/events, sent as JSON-LD', async () => {
    const { epcisBody, ...rest } = commissioning(['urn:epc:id:sgtin:4012345.011111.700'], 'L1');
    const event = { '@context': rest['@context'], ...epcisBody.eventList[0] };
    const response = await fetch(`${platform.url}/epcis/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${maker}`, 'content-type': 'application/ld+json' },
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/^\/epcis\/events\/ni%3A%2F%2F%2Fsha-256/);
  });

  it('lists the jobs newest first, page by page', async () => {
    const all = await request('GET', '/epcis/capture?limit=1000', { key: maker });
    expect(all.body.length).toBeGreaterThan(4);
    const first = await request('GET', '/epcis/capture?limit=2', { key: maker });
    expect(first.body).toEqual(all.body.slice(0, 2));
    const next = await request('GET', `/epcis/capture?limit=2&before=${first.body[1].captureID}`, {
      key: maker,
    });
    expect(next.body).toEqual(all.body.slice(2, 4));
    const created = all.body.map((job: { createdAt: string }) => Date.parse(job.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const wrong = await request('GET', '/epcis/capture?before=7', { key: maker });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(wrong.body.message).toContain('before must be the id of a capture job');
  });

  it('reports a job its process left running as interrupted, with nothing stored', async () => {
    const { headers } = await capture(commissioning(['urn:epc:id:sgtin:4012345.011111.800'], 'L1'));
    const location = headers.get('location')!;
    await finished(location);
    // As a process that died mid-capture leaves it: still running, from long ago.
    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    try {
      await sql.query(
        `UPDATE capture_jobs SET running = true, finished_at = NULL,
                created_at = now() - interval '2 hours' WHERE id = $1`,
        [location.split('/').pop()],
      );
    } finally {
      await sql.end();
    }
    const job = (await request('GET', location, { key: maker })).body;
    expect(job).toMatchObject({ running: false, success: false });
    expect(job.errors[0].detail).toMatch(/^The job stopped with the process that ran it/);
  });
});
