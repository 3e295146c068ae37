/**
 * GS1's EPCIS 2.0 examples (../shared/standards/epcis/examples/), each captured as it is by a
 * platform of its own (they share serials and an SSCC), after the events that put its packs where
 * it finds them: commissioned, packed into the case, shipped to its site. Each comes back from
 * the query API with the content it was captured with, its `urn:uuid:` or hash eventID kept:
 * byte for byte with `GS1-EPC-Format: Never_Translates`, with its identifiers as Digital Links by
 * default, and valid against GS1's schema either way. The error-declaration example is captured
 * in epcis-capture.e2e-spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalEpc, withDigitalLinks, type JsonObject } from '@pedigree/epcis';
import { apiClient, organisationWithSite } from '../harness/api-client';
import { epcisSchemaErrors } from '../harness/epcis-schema';
import { repoRoot } from '../harness/repo-root';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const EXAMPLES = join(repoRoot(), '..', 'shared', 'standards', 'epcis', 'examples');
const CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

/** The GLN of an SGLN URN, its extension dropped. */
const gln = (sgln: string) => /\/414\/(\d{13})/.exec(canonicalEpc(sgln))![1]!;
const A = gln('urn:epc:id:sgln:0614141.07346.0'); // where the packs are made
const B = gln('urn:epc:id:sgln:0012345.11111.0');
const C = gln('urn:epc:id:sgln:0614141.00888.0');
const D = gln('urn:epc:id:sgln:0614141.00777.0');
const E = gln('urn:epc:id:sgln:0037000.00729.0');

const SSCC = 'urn:epc:id:sscc:0614141.1234567890';
/** The packs the URN examples name, and those their Digital Link twins name. */
const URN_PACKS = ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2018'];
const LINK_PACKS = [
  'https://id.gs1.org/01/70614141123451/21/2017',
  'https://id.gs1.org/01/70614141123451/21/2018',
];

let clock = Date.parse('2020-01-01T00:00:00.000Z');
/** A preparatory event, a minute after the one before. */
function prepared(fields: JsonObject): JsonObject {
  clock += 60_000;
  return {
    type: 'ObjectEvent',
    eventTime: new Date(clock).toISOString(),
    eventTimeZoneOffset: '+00:00',
    action: 'OBSERVE',
    ...fields,
  };
}
const at = (site: string) => ({ readPoint: { id: `https://id.gs1.org/414/${site}` } });
const commission = (epcList: string[]) =>
  prepared({
    ...at(A),
    epcList,
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    ilmd: { 'cbvmda:lotNumber': 'L1' },
  });
const packInto = (childEPCs: string[]) =>
  prepared({
    ...at(A),
    type: 'AggregationEvent',
    parentID: SSCC,
    childEPCs,
    action: 'ADD',
    bizStep: 'packing',
    disposition: 'in_progress',
  });
const ship = (epcList: string[], from: string, to: string) =>
  prepared({
    ...at(from),
    epcList,
    bizStep: 'shipping',
    disposition: 'in_transit',
    destinationList: [{ type: 'location', destination: `https://id.gs1.org/414/${to}` }],
  });
const receive = (epcList: string[], where: string) =>
  prepared({ ...at(where), epcList, bizStep: 'receiving', disposition: 'in_progress' });

interface Example {
  file: string;
  /** The sites its events and ours name, all the capturing organisation's. */
  sites: string[];
  /** What puts its packs where the example finds them, captured first. */
  prelude: () => JsonObject[];
  /** Where its packs are after it: custody and transit GLNs, by serial of the first GTIN. */
  after: Record<string, { custodyGln: string | null; inTransitToGln: string | null }>;
}

const EXAMPLES_CAPTURED: Example[] = [
  {
    // Ships both packs declaring no destination; the one received is held there, the other is
    // in transit to whoever receives it first.
    file: 'Example_9.6.1-ObjectEvent.jsonld',
    sites: [A, B],
    prelude: () => [commission(URN_PACKS)],
    after: {
      '2017': { custodyGln: null, inTransitToGln: null },
      '2018': { custodyGln: B, inTransitToGln: null },
    },
  },
  {
    file: 'Example_9.6.1-ObjectEventWithDigitalLink.jsonld',
    sites: [A, B],
    prelude: () => [commission(LINK_PACKS)],
    after: {
      '2017': { custodyGln: null, inTransitToGln: null },
      '2018': { custodyGln: B, inTransitToGln: null },
    },
  },
  {
    // The case arrives at C (read at door D) with the packs it names in it.
    file: 'Example_9.6.3-AggregationEvent.jsonld',
    sites: [A, C, D],
    prelude: () => [commission(URN_PACKS), packInto(URN_PACKS), ship([SSCC], A, C)],
    after: { '2018': { custodyGln: C, inTransitToGln: null } },
  },
  {
    file: 'Example_9.6.3-AggregationEventWithDigitalLink.jsonld',
    sites: [A, C, D],
    prelude: () => [commission(LINK_PACKS), packInto(LINK_PACKS), ship([SSCC], A, C)],
    after: { '2018': { custodyGln: C, inTransitToGln: null } },
  },
  {
    file: 'aggregation_event_all_possible_fields.jsonld',
    sites: [A, E],
    prelude: () => [commission(URN_PACKS), packInto(URN_PACKS), ship([SSCC], A, E)],
    after: { '2017': { custodyGln: E, inTransitToGln: null } },
  },
  {
    // A receipt written as an ADD, with ilmd and sensor reports the platform keeps as they are.
    file: 'object_event_all_possible_fields.jsonld',
    sites: [A, B, D],
    prelude: () => [commission([URN_PACKS[1]!]), ship([URN_PACKS[1]!], A, B)],
    after: { '2018': { custodyGln: B, inTransitToGln: null } },
  },
  {
    // A business transaction about the case at C: an observation that moves nothing.
    file: 'transaction_event_all_possible_fields.jsonld',
    sites: [A, C],
    prelude: () => [
      commission(URN_PACKS),
      packInto(URN_PACKS),
      ship([SSCC], A, C),
      receive([SSCC], C),
    ],
    after: { '2017': { custodyGln: C, inTransitToGln: null } },
  },
];

describe.each(EXAMPLES_CAPTURED)('the GS1 example $file', ({ file, sites, prelude, after }) => {
  const document = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
  const events: JsonObject[] = document.epcisBody.eventList;
  const gtin = /\/01\/(\d{14})\//.exec(canonicalEpc(events.flatMap(serialsNamed)[0]!))![1]!;
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let key: string;

  /** Captures `body` and waits for its job to finish. */
  async function capture(body: unknown) {
    const response = await fetch(`${platform.url}/epcis/capture`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    for (;;) {
      const job = await request('GET', response.headers.get('location')!, { key });
      if (!job.body.running) return job.body;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function query(format?: string) {
    const ids = events.map((e) => e.eventID as string).join('|');
    const response = await fetch(
      `${platform.url}/epcis/events?EQ_eventID=${encodeURIComponent(ids)}`,
      {
        headers: {
          authorization: `Bearer ${key}`,
          ...(format && { 'GS1-EPC-Format': format }),
        },
      },
    );
    expect(response.status).toBe(200);
    return {
      format: response.headers.get('gs1-epc-format'),
      events: (await response.json()).epcisBody.queryResults.resultsBody.eventList as JsonObject[],
    };
  }

  beforeAll(async () => {
    const purpose = `epcis_example_${file.replace(/\W+/g, '_').toLowerCase()}`.slice(0, 50);
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl(purpose)));
    request = apiClient(platform.url);
    key = await organisationWithSite(request, {
      name: 'Example Co',
      roles: ['manufacturer', 'distributor', 'pharmacy'],
      gln: sites[0]!,
    });
    for (const [i, site] of sites.slice(1).entries()) {
      const body = { gln: site, name: `Site ${i}`, address: '1 Road', city: 'Lyon', country: 'FR' };
      expect((await request('POST', '/sites', { key, body })).status).toBe(201);
    }
    const product = { gtin, name: 'Example', form: 'tablet', strength: '1 mg', packSize: 1 };
    expect((await request('POST', '/products', { key, body: product })).status).toBe(201);
    const batch = { lot: 'L1', expiry: '351231', quantity: 100 };
    expect((await request('POST', `/products/${gtin}/batches`, { key, body: batch })).status).toBe(
      201,
    );
    const ready = await capture({
      '@context': CONTEXT,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: new Date(clock).toISOString(),
      epcisBody: { eventList: prelude() },
    });
    expect(ready).toMatchObject({ success: true, errors: [] });
  });

  afterAll(() => platform?.stop());

  it('is captured whole, and moves its packs as the rules say', async () => {
    const job = await capture(document);
    expect(job).toMatchObject({ success: true, errors: [] });
    expect(job.eventIds).toHaveLength(events.length);
    for (const [serial, where] of Object.entries(after)) {
      const pack = await request('GET', `/packs/${gtin}/${serial}`, { key });
      expect(pack.body).toMatchObject(where);
    }
  });

  it('comes back from the query API as it was captured, eventIDs kept', async () => {
    const stored = await query('Never_Translates');
    expect(stored.format).toBe('Never_Translates');
    expect(stored.events).toEqual(
      events.map((event) => ({
        ...event,
        '@context': document['@context'],
        recordTime: expect.any(String),
      })),
    );
  });

  it('comes back with Digital Links by default, valid against the schema', async () => {
    const linked = await query();
    expect(linked.format).toBe('Always_GS1_Digital_Link');
    expect(linked.events).toEqual(
      events.map((event) => ({
        ...withDigitalLinks(event),
        '@context': document['@context'],
        recordTime: expect.any(String),
      })),
    );
    for (const event of linked.events) expect(epcisSchemaErrors(event)).toEqual([]);
  });
});

/** The pack serials (SGTINs) an event names. */
function serialsNamed(event: JsonObject): string[] {
  const named = [...((event.epcList ?? []) as string[]), ...((event.childEPCs ?? []) as string[])];
  return named.filter((epc) => /sgtin|\/01\/\d{14}\/21\//.test(epc));
}
