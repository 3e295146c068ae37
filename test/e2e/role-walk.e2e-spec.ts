/**
 * Every endpoint, with every role and with no key: who may call what. The table below is checked
 * against the routes the API actually declares, so a new endpoint without a row fails this test.
 */
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ApiModule } from '@pedigree/api';
import { ROLES, type Role } from '@pedigree/domain';
import { apiClient, randomGln } from '../harness/api-client';
import { TEST_ADMIN_KEY, brokerUrl } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

type Caller = Role | 'anonymous';
const everyone: Caller[] = [...ROLES];

/** Route → the callers allowed; the others must get 401 (anonymous) or 403. */
interface Row {
  route: string;
  allowed: Caller[];
  /** Makes the request for a caller whose own resources exist. */
  call(as: Context): { path: string; body?: unknown };
}
interface Context {
  gln: string;
  keyId: string;
  organisationId: string;
}

const table: Row[] = [
  { route: 'GET /health', allowed: ['anonymous', ...everyone], call: () => ({ path: '/health' }) },
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
];

/** Method and path of every route the API app declares, read from Nest's metadata. */
function declaredRoutes(): string[] {
  const { controllers = [] } = ApiModule.forRoot({});
  const routes = ['GET /health'];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      routes.push(`${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`);
    }
  }
  return routes.sort();
}

describe('every endpoint with every role', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const keys = new Map<Caller, string>();
  const contexts = new Map<Caller, Context>();

  beforeAll(async () => {
    platform = await spawnPlatform({
      DATABASE_URL: await workerDatabaseUrl(),
      MQTT_URL: brokerUrl(),
      PEDIGREE_ADMIN_KEY: TEST_ADMIN_KEY,
    });
    request = apiClient(platform.url);
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
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** A fresh site and spare key for the caller, so that allowed calls find their own things. */
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
    return { gln, keyId: spare.body.id, organisationId: me.body.id };
  }

  it('has a row for every declared route and no row for a route that does not exist', () => {
    expect(table.map((row) => row.route).sort()).toEqual(declaredRoutes());
  });

  const cases = table.flatMap((row) =>
    (['anonymous', ...everyone] as Caller[]).map((caller) => [row.route, caller, row] as const),
  );

  it.each(cases)('%s as %s', async (route, caller, row) => {
    if (!contexts.has(caller)) contexts.set(caller, await contextFor(caller));
    const { path, body } = row.call(contexts.get(caller)!);
    const method = route.split(' ')[0];
    const response = await request(method, path, {
      key: caller === 'anonymous' ? undefined : keys.get(caller),
      body,
    });
    if (row.allowed.includes(caller)) {
      expect([200, 201]).toContain(response.status);
    } else {
      expect(response.status).toBe(caller === 'anonymous' ? 401 : 403);
      expect(response.body).toMatchObject({
        code: caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        message: expect.any(String),
      });
    }
  });
});
