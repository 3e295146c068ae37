/**
 * Events far larger than a page of GET /ledger/leaves may hold (16 MiB): the API cuts each page
 * short and the audit goes on from the last leaf it got, so a chain of big events is read whole,
 * never taken for one with missing leaves; the database streams them without any such limit.
 */
import { apiClient } from '../harness/api-client';
import { EventTable } from '../harness/events';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

describe('pedigree audit on events larger than a range budget', () => {
  let platform: SpawnedPlatform;
  let table: EventTable;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await workerDatabaseUrl('audit_large_events');
    platform = await spawnPlatform({
      ...platformEnv(databaseUrl),
    });
    table = await EventTable.connect(databaseUrl);
    // 24 events of 3 MiB: every 16 MiB range holds five of them at most.
    const ids: string[] = [];
    for (let n = 0; n < 24; n += 4) {
      const documents = Array.from({ length: 4 }, (_, i) =>
        Buffer.from(JSON.stringify({ n: n + i, padding: 'x'.repeat(3 * 1024 * 1024) })),
      );
      ids.push(...(await table.insert(documents)));
    }
    await table.waitUntilSealed(ids, 30_000);
  });

  afterAll(async () => {
    await platform?.stop();
    await table?.close();
  });

  it('verifies every event from the database', async () => {
    const result = await runPedigree(['audit', '--database', databaseUrl]);
    expect(result.stdout).toContain('24 events');
    expect(result.code).toBe(0);
  });

  it('verifies every event through the API', async () => {
    const created = await apiClient(platform.url)('POST', '/organisations', {
      key: TEST_ADMIN_KEY,
      body: { name: 'Large audit regulator', roles: ['regulator'] },
    });
    const result = await runPedigree([
      'audit',
      '--api',
      platform.url,
      '--api-key',
      created.body.apiKey.key,
    ]);
    expect(result.stdout).toContain('24 events');
    expect(result.code).toBe(0);
  });
});
