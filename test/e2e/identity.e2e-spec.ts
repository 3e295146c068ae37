/**
 * Organisations, sites and API keys as the API's users meet them, including each mistake they can
 * make and the sentence they get back.
 */
import { apiClient, randomGln } from '../harness/api-client';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('organisations, sites and API keys', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  let maker: { id: string; key: string };

  beforeAll(async () => {
    platform = await spawnPlatform({
      ...platformEnv(await workerDatabaseUrl()),
    });
    request = apiClient(platform.url);
    const created = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Acme Pharma', roles: ['manufacturer', 'distributor'] },
    });
    maker = { id: created.body.organisation.id, key: created.body.apiKey.key };
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('creates an organisation with its first key, shown once and stored only as a hash', async () => {
    const created = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Beta Wholesale', roles: ['distributor', 'distributor'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.organisation).toMatchObject({
      name: 'Beta Wholesale',
      roles: ['distributor'],
    });
    expect(created.body.apiKey.key).toMatch(/^pdg_[A-Za-z0-9_-]{43}$/);
    const listed = await request('GET', '/api-keys', { key: created.body.apiKey.key });
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      keyId: created.body.apiKey.key.slice(4, 16),
      label: 'first key',
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey.key);
  });

  it.each([
    [{ name: '', roles: ['pharmacy'] }, 'name must not be empty'],
    [{ name: 'X', roles: [] }, 'roles must name at least one role'],
    [{ name: 'X', roles: ['wizard'] }, 'each role must be one of manufacturer, distributor'],
    [{ name: 'X', roles: ['pharmacy'], extra: 1 }, 'extra'],
  ])('refuses the organisation %j with a reason', async (body, reason) => {
    const response = await request('POST', '/organisations', { key: TEST_ADMIN_KEY, body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.message).toContain(reason);
  });

  it('refuses a body that is not JSON, saying so', async () => {
    const response = await request('POST', '/sites', { key: maker.key, rawBody: '{"gln": ' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.message).toMatch(/JSON/i);
  });

  it('registers a site with a valid GLN, and refuses a wrong check digit or a taken GLN', async () => {
    const gln = randomGln();
    const site = {
      gln,
      name: 'Acme Lyon plant',
      address: '12 Rue des Usines',
      city: 'Lyon',
      country: 'fr',
    };
    const created = await request('POST', '/sites', { key: maker.key, body: site });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...site, country: 'FR', organisationId: maker.id });

    const wrong = `${gln.slice(0, 12)}${(Number(gln[12]) + 1) % 10}`;
    const bad = await request('POST', '/sites', { key: maker.key, body: { ...site, gln: wrong } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain(`GLN ${wrong}: check digit should be ${gln[12]}`);

    const taken = await request('POST', '/sites', { key: maker.key, body: site });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`GLN ${gln}`),
    });
  });

  it('shows an organisation its own sites only, and lets it change their descriptions', async () => {
    const gln = randomGln();
    await request('POST', '/sites', {
      key: maker.key,
      body: { gln, name: 'Acme DC', address: '1 Dock Road', city: 'Rotterdam', country: 'NL' },
    });
    const other = await request('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Gamma Pharmacy', roles: ['pharmacy'] },
    });
    const otherKey = other.body.apiKey.key;
    expect((await request('GET', `/sites/${gln}`, { key: otherKey })).status).toBe(404);
    expect((await request('GET', '/sites', { key: otherKey })).body).toEqual([]);
    const patched = await request('PATCH', `/sites/${gln}`, {
      key: otherKey,
      body: { city: 'Paris' },
    });
    expect(patched.status).toBe(404);

    const renamed = await request('PATCH', `/sites/${gln}`, {
      key: maker.key,
      body: { city: 'Delft' },
    });
    expect(renamed.body).toMatchObject({ gln, city: 'Delft', name: 'Acme DC' });
    expect((await request('GET', `/sites/${gln}`, { key: TEST_ADMIN_KEY })).status).toBe(200);
  });

  it('revokes a key at once, and only the owner can', async () => {
    const issued = await request('POST', '/api-keys', { key: maker.key, body: { label: 'ERP' } });
    expect(issued.status).toBe(201);
    expect((await request('GET', '/organisations/me', { key: issued.body.key })).status).toBe(200);

    const stranger = await request('DELETE', `/api-keys/${issued.body.id}`, {
      key: TEST_ADMIN_KEY,
    });
    expect(stranger.status).toBe(404);

    const revoked = await request('DELETE', `/api-keys/${issued.body.id}`, { key: maker.key });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await request('GET', '/organisations/me', { key: issued.body.key });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('revoked');
  });

  it.each([
    ['no header', undefined, 'needs an API key'],
    ['a malformed key', 'not-a-key', 'not valid'],
    ['an unknown key', `pdg_${'A'.repeat(43)}`, 'not valid'],
    ['a known id with a wrong secret', undefined, 'not valid'],
  ])('answers 401 to %s', async (_, given, sentence) => {
    const key =
      given ??
      (sentence === 'not valid' ? `${maker.key.slice(0, 16)}${'B'.repeat(31)}` : undefined);
    const response = await request('GET', '/organisations/me', { key });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining(sentence),
    });
  });

  it('answers an unknown route with 404 in the same error shape', async () => {
    const response = await request('GET', '/nowhere', { key: maker.key });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
