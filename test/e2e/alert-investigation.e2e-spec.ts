/**
 * Investigating an alert (docs/api.md, "Alerts"): a pharmacy verifies a serial its maker never
 * made; the maker and a regulator write notes on the alert, the regulator closes it with a
 * reason, once. Another manufacturer cannot see it, a pharmacy cannot investigate, and an empty
 * note or reason is refused with a sentence.
 */
import { apiClient, organisationWithSite, randomGln, randomGtin } from '../harness/api-client';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('alert investigation', () => {
  let platform: SpawnedPlatform;
  let request: ReturnType<typeof apiClient>;
  const keys: Record<'maker' | 'rival' | 'chemist' | 'regulator', string> = {
    maker: '',
    rival: '',
    chemist: '',
    regulator: '',
  };
  let alertId: string;

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl()));
    request = apiClient(platform.url);
    const organisation = (name: string, roles: string[]) =>
      organisationWithSite(request, { name, roles, gln: randomGln() });
    keys.maker = await organisation('Alert Maker', ['manufacturer']);
    keys.rival = await organisation('Rival Maker', ['manufacturer']);
    keys.chemist = await organisation('Alert Pharmacy', ['pharmacy']);
    keys.regulator = (
      await request('POST', '/organisations', {
        key: TEST_ADMIN_KEY,
        body: { name: 'Medicines Agency', roles: ['regulator'] },
      })
    ).body.apiKey.key;
    const gtin = randomGtin();
    const product = { gtin, name: 'Alertol', form: 'tablet', strength: '5 mg', packSize: 28 };
    expect((await request('POST', '/products', { key: keys.maker, body: product })).status).toBe(
      201,
    );
    const verified = await request('POST', '/verify', {
      key: keys.chemist,
      body: { code: `(01)${gtin}(21)NEVER-MADE` },
    });
    expect(verified.body.code).toBe('UNKNOWN_SERIAL');
    const open = await request('GET', '/alerts?state=open', { key: keys.maker });
    const alert = open.body.find((a: { serial: string }) => a.serial === 'NEVER-MADE');
    expect(alert).toMatchObject({ code: 'UNKNOWN_SERIAL', closedAt: null, closeReason: null });
    alertId = alert.id;
  });

  afterAll(() => platform?.stop());

  it('keeps the notes of the maker and the regulator, oldest first, with who wrote them', async () => {
    const first = await request('POST', `/alerts/${alertId}/notes`, {
      key: keys.maker,
      body: { text: '  No such serial was ever printed on our line.  ' },
    });
    expect(first.status).toBe(201);
    await request('POST', `/alerts/${alertId}/notes`, {
      key: keys.regulator,
      body: { text: 'Inspection of the pharmacy booked.' },
    });
    const alert = await request('GET', `/alerts/${alertId}`, { key: keys.regulator });
    expect(alert.status).toBe(200);
    expect(alert.body.notes).toEqual([
      {
        id: expect.any(String),
        writtenAt: expect.any(String),
        organisationId: expect.any(String),
        organisationName: 'Alert Maker',
        text: 'No such serial was ever printed on our line.',
      },
      expect.objectContaining({
        organisationName: 'Medicines Agency',
        text: 'Inspection of the pharmacy booked.',
      }),
    ]);
  });

  it('closes once, with the reason and who closed it; open and closed lists follow', async () => {
    const closed = await request('POST', `/alerts/${alertId}/close`, {
      key: keys.regulator,
      body: { reason: 'Counterfeit seized; case referred to the prosecutor.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      id: alertId,
      closedAt: expect.any(String),
      closedByName: 'Medicines Agency',
      closeReason: 'Counterfeit seized; case referred to the prosecutor.',
    });
    const again = await request('POST', `/alerts/${alertId}/close`, {
      key: keys.maker,
      body: { reason: 'Done.' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(again.body.message).toBe(
      `Alert ${alertId} is closed already (by Medicines Agency): add a note instead.`,
    );
    const ids = async (state: string) =>
      (await request('GET', `/alerts?state=${state}`, { key: keys.maker })).body.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids('closed')).toContain(alertId);
    expect(await ids('open')).not.toContain(alertId);
    // A finding that comes later is still written down.
    const late = await request('POST', `/alerts/${alertId}/notes`, {
      key: keys.maker,
      body: { text: 'Supplier identified.' },
    });
    expect(late.body.notes).toHaveLength(3);
  });

  it('hides the alert from another manufacturer and keeps pharmacies out', async () => {
    const hidden = await request('GET', `/alerts/${alertId}`, { key: keys.rival });
    expect(hidden).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const note = await request('POST', `/alerts/${alertId}/notes`, {
      key: keys.rival,
      body: { text: 'Not ours.' },
    });
    expect(note.status).toBe(404);
    const chemist = await request('GET', `/alerts/${alertId}`, { key: keys.chemist });
    expect(chemist).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['an empty note', 'notes', { text: '   ' }, 'text: text must not be empty'],
    ['a note of another shape', 'notes', { note: 'x' }, 'note'],
    ['an empty reason', 'close', { reason: '' }, 'reason: reason must not be empty'],
  ])('refuses %s, saying what is wrong', async (_, route, body, message) => {
    const refused = await request('POST', `/alerts/${alertId}/${route}`, {
      key: keys.regulator,
      body,
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(refused.body.message).toContain(message);
  });

  it('refuses an id that names no alert', async () => {
    const wrong = await request('GET', '/alerts/abc', { key: keys.regulator });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('id must be the id of an alert');
    const none = await request('GET', '/alerts/999999999', { key: keys.regulator });
    expect(none.status).toBe(404);
  });
});
