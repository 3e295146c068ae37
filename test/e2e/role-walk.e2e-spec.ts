/**
 * Every endpoint, with every role and with no key: who may call what. The table below is checked
 * against the routes the API actually declares, so a new endpoint without a row fails this test.
 */
import { ApiModule, declaredRoutes } from '@pedigree/api';
import { ROLES, type Role } from '@pedigree/domain';
import { toBase64 } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, randomGln, randomGtin, randomSscc } from '../harness/api-client';
import { EventTable, testDocument } from '../harness/events';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { repoRoot } from '../harness/repo-root';
import { workerDatabaseUrl } from '../harness/test-database';

type Caller = Role | 'anonymous';
const everyone: Caller[] = [...ROLES];

/** Route → the callers allowed; the others must get 401 (anonymous) or 403. */
interface Row {
  route: string;
  allowed: Caller[];
  /** Makes the request for a caller whose own resources exist. */
  call(as: Context): { path: string; body?: unknown; headers?: Record<string, string> };
}
interface Context {
  gln: string;
  keyId: string;
  organisationId: string;
  /** A product the caller may manage (its own when it is a manufacturer) and one of its batches. */
  gtin: string;
  lot: string;
  /** Loose packs the caller holds at `gln` (manufacturer, distributor, pharmacy); the 4th locked. */
  packs: string[];
  /** A pack on its way to the caller's site. */
  inTransit: string;
  /** A case the caller packs and unpacks. */
  sscc: string;
  /** The supplier's site, where the caller ships to. */
  supplierGln: string;
  /** A scanner enrolled at `gln` (movers; the others own none: a random id). */
  deviceId: string;
  /** The eventID of an EPCIS event the caller may see. */
  epcisEventId: string;
  /** A capture job of the caller's (movers; the others capture nothing: a random id). */
  captureId: string;
  /** A named EPCIS query of the caller's, with one subscription. */
  queryName: string;
  subscriptionId: string;
  /** An open alert the caller may see and close (those who see alerts; the others: any id). */
  alertId: string;
}

const movers: Caller[] = ['manufacturer', 'distributor', 'pharmacy'];

/** A new scanner's enrolment at the site. */
const device = (siteGln: string) => ({
  name: 'Walk scanner',
  siteGln,
  publicKey: toBase64(nodeCryptoBackend.publicKeyFromSeed(randomBytes(32))),
});

/** An event the platform's sealer has sealed, for the ledger rows. */
const sealedEvent = { id: '' };

/** The platform's origin: a console sign-in must come from the console's own page. */
const platformOrigin = { url: '' };

const table: Row[] = [
  { route: 'GET /health', allowed: ['anonymous', ...everyone], call: () => ({ path: '/health' }) },
  {
    route: 'GET /metrics',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/metrics' }),
  },
  { route: 'GET /docs', allowed: ['anonymous', ...everyone], call: () => ({ path: '/docs' }) },
  {
    route: 'GET /docs/openapi.json',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/docs/openapi.json' }),
  },
  {
    route: 'GET /ledger/checkpoint',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/ledger/checkpoint' }),
  },
  {
    route: 'GET /ledger/key',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/ledger/key' }),
  },
  {
    route: 'GET /ledger/blocks/:height',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/ledger/blocks/0' }),
  },
  {
    route: 'GET /ledger/blocks',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/ledger/blocks?from=0&limit=1' }),
  },
  {
    route: 'GET /ledger/leaves',
    allowed: ['admin', 'regulator'],
    call: () => ({ path: '/ledger/leaves?from=0&limit=1' }),
  },
  {
    route: 'GET /ledger/consistency',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/ledger/consistency?from=1' }),
  },
  {
    route: 'GET /ledger/events/:id/leaf',
    allowed: everyone,
    call: () => ({ path: `/ledger/events/${sealedEvent.id}/leaf` }),
  },
  {
    route: 'GET /ledger/events/:id/proof',
    allowed: everyone,
    call: () => ({ path: `/ledger/events/${sealedEvent.id}/proof` }),
  },
  {
    route: 'GET /epcis/events',
    allowed: everyone,
    call: () => ({ path: '/epcis/events?EQ_bizStep=commissioning&perPage=5' }),
  },
  {
    route: 'OPTIONS /epcis/capture',
    allowed: everyone,
    call: () => ({ path: '/epcis/capture' }),
  },
  {
    route: 'POST /epcis/capture',
    allowed: movers,
    call: (c) => ({
      path: '/epcis/capture',
      body: epcisDocument([inspection(c.gln, c.packs[0]!)]),
    }),
  },
  { route: 'GET /epcis/capture', allowed: movers, call: () => ({ path: '/epcis/capture' }) },
  {
    route: 'GET /epcis/capture/:captureID',
    allowed: movers,
    call: (c) => ({ path: `/epcis/capture/${c.captureId}` }),
  },
  {
    route: 'POST /epcis/events',
    allowed: movers,
    call: (c) => ({
      path: '/epcis/events',
      body: {
        '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
        ...inspection(c.gln, c.packs[0]!),
      },
    }),
  },
  {
    route: 'POST /epcis/queries',
    allowed: everyone,
    call: () => ({
      path: '/epcis/queries',
      body: { name: `made-${randomUUID().slice(0, 8)}`, query: { eventType: 'ObjectEvent' } },
    }),
  },
  { route: 'GET /epcis/queries', allowed: everyone, call: () => ({ path: '/epcis/queries' }) },
  {
    route: 'GET /epcis/queries/:queryName',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}` }),
  },
  {
    route: 'GET /epcis/queries/:queryName/events',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}/events` }),
  },
  {
    route: 'POST /epcis/queries/:queryName/subscriptions',
    allowed: everyone,
    call: (c) => ({
      path: `/epcis/queries/${c.queryName}/subscriptions`,
      body: { dest: 'https://receiver.example/epcis', stream: true },
    }),
  },
  {
    route: 'GET /epcis/queries/:queryName/subscriptions',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}/subscriptions` }),
  },
  {
    route: 'GET /epcis/queries/:queryName/subscriptions/:subscriptionID',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}/subscriptions/${c.subscriptionId}` }),
  },
  {
    route: 'GET /epcis/queries/:queryName/subscriptions/:subscriptionID/deliveries',
    allowed: everyone,
    call: (c) => ({
      path: `/epcis/queries/${c.queryName}/subscriptions/${c.subscriptionId}/deliveries`,
    }),
  },
  {
    route: 'DELETE /epcis/queries/:queryName/subscriptions/:subscriptionID',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}/subscriptions/${c.subscriptionId}` }),
  },
  {
    route: 'DELETE /epcis/queries/:queryName',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/queries/${c.queryName}` }),
  },
  {
    route: 'GET /organisations/me/company-prefixes',
    allowed: everyone,
    call: () => ({ path: '/organisations/me/company-prefixes' }),
  },
  {
    route: 'PUT /organisations/me/company-prefixes',
    allowed: everyone,
    call: () => ({
      path: '/organisations/me/company-prefixes',
      body: { prefixes: [String(randomInt(100_000_000, 999_999_999))] },
    }),
  },
  {
    route: 'GET /epcis/events/:eventID',
    allowed: everyone,
    call: (c) => ({ path: `/epcis/events/${encodeURIComponent(c.epcisEventId)}` }),
  },
  {
    route: 'GET /epcis/epcs/:epc/events',
    allowed: everyone,
    call: (c) => ({
      path: `/epcis/epcs/${encodeURIComponent(`https://id.gs1.org/01/${c.gtin}/21/1`)}/events`,
    }),
  },
  {
    route: 'GET /epcis/eventTypes',
    allowed: everyone,
    call: () => ({ path: '/epcis/eventTypes' }),
  },
  { route: 'GET /epcis/bizSteps', allowed: everyone, call: () => ({ path: '/epcis/bizSteps' }) },
  {
    route: 'GET /epcis/dispositions',
    allowed: everyone,
    call: () => ({ path: '/epcis/dispositions' }),
  },
  {
    route: 'GET /ledger/events/:id/epcis',
    allowed: everyone,
    call: () => ({ path: `/ledger/events/${sealedEvent.id}/epcis` }),
  },
  {
    route: 'POST /organisations',
    allowed: ['admin'],
    call: () => ({ path: '/organisations', body: { name: 'Walk Pharma', roles: ['pharmacy'] } }),
  },
  {
    route: 'GET /organisations',
    allowed: ['admin', 'regulator'],
    call: () => ({ path: '/organisations' }),
  },
  {
    route: 'GET /organisations/me',
    allowed: everyone,
    call: () => ({ path: '/organisations/me' }),
  },
  {
    route: 'GET /organisations/:id',
    allowed: ['admin', 'regulator'],
    call: (c) => ({ path: `/organisations/${c.organisationId}` }),
  },
  {
    route: 'POST /sites',
    allowed: everyone,
    call: () => ({
      path: '/sites',
      body: {
        gln: randomGln(),
        name: 'Walk site',
        address: '1 Walk Street',
        city: 'Lyon',
        country: 'FR',
      },
    }),
  },
  { route: 'GET /sites', allowed: everyone, call: () => ({ path: '/sites' }) },
  { route: 'GET /sites/:gln', allowed: everyone, call: (c) => ({ path: `/sites/${c.gln}` }) },
  {
    route: 'PATCH /sites/:gln',
    allowed: everyone,
    call: (c) => ({ path: `/sites/${c.gln}`, body: { name: 'Walk site, renamed' } }),
  },
  {
    route: 'POST /api-keys',
    allowed: everyone,
    call: () => ({ path: '/api-keys', body: { label: 'walk' } }),
  },
  { route: 'GET /api-keys', allowed: everyone, call: () => ({ path: '/api-keys' }) },
  {
    route: 'DELETE /api-keys/:id',
    allowed: everyone,
    call: (c) => ({ path: `/api-keys/${c.keyId}` }),
  },
  {
    route: 'POST /devices',
    allowed: movers,
    call: (c) => ({ path: '/devices', body: device(c.gln) }),
  },
  { route: 'GET /devices', allowed: movers, call: () => ({ path: '/devices' }) },
  {
    route: 'GET /devices/:id',
    allowed: movers,
    call: (c) => ({ path: `/devices/${c.deviceId}` }),
  },
  {
    route: 'GET /devices/:id/provisioning',
    allowed: movers,
    call: (c) => ({ path: `/devices/${c.deviceId}/provisioning` }),
  },
  {
    route: 'GET /devices/:id/provisioning/qr',
    allowed: movers,
    call: (c) => ({ path: `/devices/${c.deviceId}/provisioning/qr` }),
  },
  {
    route: 'DELETE /devices/:id',
    allowed: movers,
    call: (c) => ({ path: `/devices/${c.deviceId}` }),
  },
  { route: 'GET /quarantine', allowed: everyone, call: () => ({ path: '/quarantine' }) },
  {
    route: 'GET /alerts',
    allowed: ['manufacturer', 'regulator', 'admin'],
    call: () => ({ path: '/alerts' }),
  },
  {
    route: 'GET /alerts/:id',
    allowed: ['manufacturer', 'regulator', 'admin'],
    call: (c) => ({ path: `/alerts/${c.alertId}` }),
  },
  {
    route: 'POST /alerts/:id/notes',
    allowed: ['manufacturer', 'regulator', 'admin'],
    call: (c) => ({ path: `/alerts/${c.alertId}/notes`, body: { text: 'Looked into it.' } }),
  },
  {
    route: 'POST /alerts/:id/close',
    allowed: ['manufacturer', 'regulator', 'admin'],
    call: (c) => ({ path: `/alerts/${c.alertId}/close`, body: { reason: 'A misread label.' } }),
  },
  {
    route: 'POST /products',
    allowed: ['manufacturer'],
    call: () => ({
      path: '/products',
      body: { gtin: randomGtin(), name: 'Walk', form: 'tablet', strength: '1 mg', packSize: 10 },
    }),
  },
  { route: 'GET /products', allowed: everyone, call: () => ({ path: '/products' }) },
  {
    route: 'GET /products/:gtin',
    allowed: everyone,
    call: (c) => ({ path: `/products/${c.gtin}` }),
  },
  {
    route: 'POST /products/:gtin/batches',
    allowed: ['manufacturer'],
    call: (c) => ({
      path: `/products/${c.gtin}/batches`,
      body: { lot: `W${Math.floor(Math.random() * 1e9)}`, expiry: '301231', quantity: 10 },
    }),
  },
  {
    route: 'GET /products/:gtin/batches',
    allowed: everyone,
    call: (c) => ({ path: `/products/${c.gtin}/batches` }),
  },
  {
    route: 'GET /products/:gtin/pack-counts',
    allowed: ['manufacturer', 'regulator'],
    call: (c) => ({ path: `/products/${c.gtin}/pack-counts` }),
  },
  {
    route: 'GET /products/:gtin/batches/:lot',
    allowed: everyone,
    call: (c) => ({ path: `/products/${c.gtin}/batches/${c.lot}` }),
  },
  {
    route: 'POST /products/:gtin/batches/:lot/serials',
    allowed: ['manufacturer'],
    call: (c) => ({
      path: `/products/${c.gtin}/batches/${c.lot}/serials`,
      body: { count: 1, siteGln: c.gln },
    }),
  },
  {
    route: 'GET /products/:gtin/batches/:lot/serials',
    allowed: ['manufacturer', 'regulator'],
    call: (c) => ({ path: `/products/${c.gtin}/batches/${c.lot}/serials` }),
  },
  {
    route: 'GET /packs/:gtin/:serial',
    allowed: everyone,
    call: (c) => ({ path: `/packs/${c.gtin}/${/\(21\)(.*)$/.exec(c.packs[2])![1]}` }),
  },
  {
    route: 'GET /packs/:gtin/:serial/label',
    allowed: ['manufacturer', 'regulator', 'admin'],
    call: (c) => ({
      path: `/packs/${c.gtin}/${/\(21\)(.*)$/.exec(c.packs[2])![1]}/label?symbol=qr`,
    }),
  },
  {
    route: 'GET /products/:gtin/batches/:lot/labels',
    allowed: ['manufacturer', 'regulator'],
    call: (c) => ({ path: `/products/${c.gtin}/batches/${c.lot}/labels?limit=1` }),
  },
  {
    route: 'GET /01/*',
    allowed: ['anonymous', ...everyone],
    call: (c) => ({ path: `/01/${c.gtin}/21/${/\(21\)(.*)$/.exec(c.packs[2])![1]}` }),
  },
  {
    route: 'GET /assets/:file',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: proofScript }),
  },
  {
    route: 'GET /console',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: '/console' }),
  },
  {
    route: 'POST /console/session',
    allowed: ['anonymous', ...everyone],
    call: () => ({
      path: '/console/session',
      body: { key: TEST_ADMIN_KEY },
      headers: { origin: platformOrigin.url },
    }),
  },
  // With a bearer key there is no session to end: 204 all the same.
  {
    route: 'DELETE /console/session',
    allowed: everyone,
    call: () => ({ path: '/console/session' }),
  },
  {
    route: 'GET /console/counter',
    allowed: ['pharmacy'],
    call: () => ({ path: '/console/counter' }),
  },
  {
    route: 'GET /console/manufacturer',
    allowed: ['manufacturer'],
    call: () => ({ path: '/console/manufacturer' }),
  },
  {
    route: 'GET /console/regulator',
    allowed: ['regulator'],
    call: () => ({ path: '/console/regulator' }),
  },
  {
    route: 'GET /console/distributor',
    allowed: ['distributor'],
    call: () => ({ path: '/console/distributor' }),
  },
  {
    route: 'GET /console/assets/:file',
    allowed: ['anonymous', ...everyone],
    call: () => ({ path: consoleScript }),
  },
  {
    route: 'GET /sites/:gln/activity',
    allowed: everyone,
    call: (c) => ({ path: `/sites/${c.gln}/activity` }),
  },
  {
    route: 'GET /shipments',
    allowed: everyone,
    call: () => ({ path: '/shipments' }),
  },
  {
    route: 'POST /containers',
    allowed: movers,
    call: (c) => ({
      path: '/containers',
      body: { sscc: c.sscc, siteGln: c.gln, items: [c.packs[0]] },
    }),
  },
  {
    route: 'GET /containers/:sscc',
    allowed: everyone,
    call: (c) => ({ path: `/containers/${c.sscc}` }),
  },
  {
    route: 'POST /containers/:sscc/unpack',
    allowed: movers,
    call: (c) => ({ path: `/containers/${c.sscc}/unpack`, body: { siteGln: c.gln } }),
  },
  {
    route: 'POST /shipments',
    allowed: movers,
    call: (c) => ({
      path: '/shipments',
      body: { siteGln: c.gln, destinationGln: c.supplierGln, items: [c.packs[1]] },
    }),
  },
  {
    route: 'POST /receipts',
    allowed: movers,
    call: (c) => ({ path: '/receipts', body: { siteGln: c.gln, items: [c.inTransit] } }),
  },
  {
    route: 'POST /verify',
    allowed: everyone,
    call: (c) => ({ path: '/verify', body: { code: c.packs[2] } }),
  },
  {
    route: 'POST /decommissions',
    allowed: movers,
    call: (c) => ({
      path: '/decommissions',
      body: { siteGln: c.gln, action: 'supply_sample', items: [c.packs[2]] },
    }),
  },
  {
    route: 'POST /decommissions/undo',
    allowed: movers,
    call: (c) => ({ path: '/decommissions/undo', body: { siteGln: c.gln, items: [c.packs[2]] } }),
  },
  {
    route: 'POST /decommissions/unlock',
    allowed: movers,
    call: (c) => ({ path: '/decommissions/unlock', body: { siteGln: c.gln, items: [c.packs[3]] } }),
  },
  // Irreversible steps last: nothing after them needs the product or batch.
  {
    route: 'POST /products/:gtin/batches/:lot/recall',
    allowed: ['manufacturer', 'regulator'],
    call: (c) => ({
      path: `/products/${c.gtin}/batches/${c.lot}/recall`,
      body: { reason: 'walk' },
    }),
  },
  {
    route: 'POST /products/:gtin/withdraw',
    allowed: ['manufacturer', 'regulator'],
    call: (c) => ({ path: `/products/${c.gtin}/withdraw`, body: { reason: 'walk' } }),
  },
];

/** An EPCIS event a mover may capture: its own pack inspected at its own site. */
function inspection(gln: string, aiData: string) {
  const [, gtin, serial] = /^\(01\)(\d{14}).*\(21\)(.+)$/.exec(aiData)!;
  return {
    type: 'ObjectEvent',
    eventTime: new Date().toISOString(),
    eventTimeZoneOffset: '+00:00',
    action: 'OBSERVE',
    epcList: [`https://id.gs1.org/01/${gtin}/21/${serial}`],
    bizStep: 'inspecting',
    readPoint: { id: `https://id.gs1.org/414/${gln}` },
  };
}

function epcisDocument(eventList: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList },
  };
}

/** When the walk began: the events it records come after. */
const walkStart = new Date().toISOString();

/** A browser bundle's name as the platform serves it: with its content's hash. */
const servedName = (name: string) =>
  `${name}-${createHash('sha256')
    .update(readFileSync(join(repoRoot(), `dist/apps/api/browser/${name}.js`)))
    .digest('hex')
    .slice(0, 16)}.js`;

/** The consumer page's script and the web console's. */
const proofScript = `/assets/${servedName('proof-check')}`;
const consoleScript = `/console/assets/${servedName('console')}`;

/** Method and path of every route the API app declares, read from Nest's metadata. */
function routesOfTheApi(): string[] {
  const { controllers = [] } = ApiModule.forRoot({ publicRateLimit: 0 });
  return [
    'GET /health',
    'GET /metrics',
    ...declaredRoutes(controllers).map((route) => `${route.method} ${route.path}`),
  ].sort();
}

describe('every endpoint with every role', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const keys = new Map<Caller, string>();
  const contexts = new Map<Caller, Context>();

  beforeAll(async () => {
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
      // The walk subscribes https://receiver.example, which resolves nowhere on a closed network.
      PEDIGREE_WEBHOOK_PRIVATE_DESTINATIONS: 'allow',
    });
    request = apiClient(platform.url);
    platformOrigin.url = platform.url;
    for (const role of ROLES) {
      const key =
        role === 'admin'
          ? TEST_ADMIN_KEY
          : (
              await request('POST', '/organisations', {
                key: TEST_ADMIN_KEY,
                body: { name: `Walk ${role}`, roles: [role] },
              })
            ).body.apiKey.key;
      keys.set(role, key);
    }
    const supplierKey = (
      await request('POST', '/organisations', {
        key: TEST_ADMIN_KEY,
        body: { name: 'Walk supplier', roles: ['manufacturer'] },
      })
    ).body.apiKey.key;
    const supplierGln = randomGln();
    await request('POST', '/sites', {
      key: supplierKey,
      body: {
        gln: supplierGln,
        name: 'Supplier plant',
        address: '3 Plant Way',
        city: 'Basel',
        country: 'CH',
      },
    });
    supplier = {
      key: supplierKey,
      gln: supplierGln,
      ...(await catalogue(supplierKey, supplierGln)),
    };
  });

  beforeAll(async () => {
    const events = await EventTable.connect(await workerDatabaseUrl());
    [sealedEvent.id] = await events.insert([testDocument(1, 'role-walk')]);
    await events.waitUntilSealed([sealedEvent.id]).finally(() => events.close());
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /**
   * A manufacturer with a product, a batch and a site, supplying every caller that moves goods;
   * the caller's own product when it is a manufacturer.
   */
  async function catalogue(
    key: string,
    gln: string,
  ): Promise<{ gtin: string; lot: string; packs: string[] }> {
    const gtin = randomGtin();
    const product = { gtin, name: 'Walk', form: 'tablet', strength: '1 mg', packSize: 10 };
    expect((await request('POST', '/products', { key, body: product })).status).toBe(201);
    const batch = { lot: 'WALK1', expiry: '301231', quantity: 100 };
    expect((await request('POST', `/products/${gtin}/batches`, { key, body: batch })).status).toBe(
      201,
    );
    const made = await request('POST', `/products/${gtin}/batches/WALK1/serials`, {
      key,
      body: { count: 20, siteGln: gln },
    });
    expect(made.status).toBe(201);
    const labels = (await request('GET', `/products/${gtin}/batches/WALK1/serials`, { key })).body;
    return { gtin, lot: 'WALK1', packs: labels.map((l: { aiData: string }) => l.aiData) };
  }

  let supplier: { key: string; gln: string; gtin: string; lot: string; packs: string[] };

  /** A fresh site, spare key and goods for the caller, so that allowed calls find their own things. */
  async function contextFor(caller: Caller): Promise<Context> {
    const key = keys.get(caller === 'anonymous' ? 'admin' : caller)!;
    const gln = randomGln();
    const site = await request('POST', '/sites', {
      key,
      body: { gln, name: 'Own site', address: '2 Own Road', city: 'Ghent', country: 'BE' },
    });
    expect(site.status).toBe(201);
    const spare = await request('POST', '/api-keys', { key, body: { label: 'spare' } });
    const me = await request('GET', '/organisations/me', { key });
    const goods = caller === 'manufacturer' ? await catalogue(key, gln) : supplier;
    const ship = async (from: { key: string; gln: string }, to: string, items: string[]) =>
      expect(
        (
          await request('POST', '/shipments', {
            key: from.key,
            body: { siteGln: from.gln, destinationGln: to, items },
          })
        ).status,
      ).toBe(201);
    // Movers get goods of their own; the others only look at the supplier's.
    const moves = movers.includes(caller);
    const packs = moves ? goods.packs.splice(0, 4) : supplier.packs.slice(0, 4);
    const inTransit = moves ? supplier.packs.splice(0, 1) : supplier.packs.slice(0, 1);
    if (caller === 'distributor' || caller === 'pharmacy') {
      await ship(supplier, gln, packs);
      const received = await request('POST', '/receipts', {
        key,
        body: { siteGln: gln, items: packs },
      });
      expect(received.status).toBe(201);
    }
    if (moves) {
      const locked = await request('POST', '/decommissions', {
        key,
        body: { siteGln: gln, action: 'lock', items: [packs[3]] },
      });
      expect(locked.status).toBe(201);
    }
    if (moves) await ship(supplier, gln, inTransit);
    const queryName = `walk-${randomUUID().slice(0, 8)}`;
    const named = await request('POST', '/epcis/queries', {
      key,
      body: { name: queryName, query: { EQ_bizStep: 'shipping' } },
    });
    expect(named.status).toBe(201);
    const enrolled = moves && (await request('POST', '/devices', { key, body: device(gln) }));
    // A verification of a serial never made raises an alert on the product's maker.
    const sees = ['manufacturer', 'regulator', 'admin'].includes(caller);
    const unknown = `WALK-${randomUUID().slice(0, 8)}`;
    if (sees) {
      const verified = await request('POST', '/verify', {
        key,
        body: { code: `(01)${goods.gtin}(21)${unknown}` },
      });
      expect(verified.body.code).toBe('UNKNOWN_SERIAL');
    }
    const alerts = sees ? (await request('GET', '/alerts?state=open', { key })).body : [];
    const alert = alerts.find((a: { serial: string }) => a.serial === unknown);
    if (enrolled) expect(enrolled.status).toBe(201);
    return {
      gln,
      keyId: spare.body.id,
      organisationId: me.body.id,
      gtin: goods.gtin,
      lot: goods.lot,
      packs,
      inTransit: inTransit[0],
      sscc: randomSscc(),
      supplierGln: supplier.gln,
      deviceId: enrolled ? enrolled.body.id : randomUUID(),
      // Recorded by this run: a database kept from earlier runs holds events from before eventIDs.
      epcisEventId: (
        await request(
          'GET',
          `/epcis/events?perPage=1&GE_recordTime=${encodeURIComponent(walkStart)}`,
          {
            key,
          },
        )
      ).body.epcisBody.queryResults.resultsBody.eventList[0].eventID,
      captureId: moves
        ? (
            await request('POST', '/epcis/capture', {
              key,
              body: epcisDocument([inspection(gln, packs[0]!)]),
            })
          ).headers
            .get('location')!
            .split('/')
            .pop()!
        : randomUUID(),
      queryName,
      subscriptionId: (
        await request('POST', `/epcis/queries/${queryName}/subscriptions`, {
          key,
          body: { dest: 'http://127.0.0.1:9/walk', stream: true },
        })
      ).body.subscriptionID,
      alertId: alert ? alert.id : '1',
    };
  }

  it('has a row for every declared route and no row for a route that does not exist', () => {
    expect(table.map((row) => row.route).sort()).toEqual(routesOfTheApi());
  });

  const cases = table.flatMap((row) =>
    (['anonymous', ...everyone] as Caller[]).map((caller) => [row.route, caller, row] as const),
  );

  it.each(cases)('%s as %s', async (route, caller, row) => {
    if (!contexts.has(caller)) contexts.set(caller, await contextFor(caller));
    const { path, body, headers } = row.call(contexts.get(caller)!);
    const method = route.split(' ')[0];
    const response = await request(method, path, {
      key: caller === 'anonymous' ? undefined : keys.get(caller),
      body,
      headers,
    });
    if (row.allowed.includes(caller)) {
      expect([200, 201, 202, 204]).toContain(response.status);
    } else {
      expect(response.status).toBe(caller === 'anonymous' ? 401 : 403);
      expect(response.body).toMatchObject({
        code: caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        message: expect.any(String),
      });
    }
  });
});
