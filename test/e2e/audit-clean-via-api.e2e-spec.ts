/**
 * `pedigree audit --api`: the same chain audited through the ledger API gives the same counts as
 * from the database, pinned to the sealer key or trusting GET /ledger/key (said on stderr); the
 * bulk leaves are every event's content, so only regulators and the admin may read them; a
 * changed event is caught through HTTP too (by its block's root: the API sends no sealed hashes).
 */
import { apiClient } from '../harness/api-client';
import {
  audit,
  auditedChain,
  blockCovering,
  flipByte,
  type AuditedChain,
} from '../harness/audited-chain';
import { TEST_ADMIN_KEY } from '../harness/services';

describe('pedigree audit through the HTTP API', () => {
  let chain: AuditedChain;
  let request: ReturnType<typeof apiClient>;
  const keys = { regulator: '', manufacturer: '' };

  beforeAll(async () => {
    chain = await auditedChain('clean_via_api');
    request = apiClient(chain.platform.url);
    for (const role of ['regulator', 'manufacturer'] as const) {
      const created = await request('POST', '/organisations', {
        key: TEST_ADMIN_KEY,
        body: { name: `Audit ${role}`, roles: [role] },
      });
      keys[role] = created.body.apiKey.key;
    }
  });

  afterAll(() => chain?.close());

  const summary = (stdout: string) =>
    /Chain verified: (\d+ blocks, [\d,]+ events, [^,]+)/.exec(stdout)?.[1];

  it('verifies the intact chain with the same counts as the database mode', async () => {
    const fromDatabase = await audit(['--database', chain.databaseUrl]);
    expect(fromDatabase.code).toBe(0);
    const trusting = await audit(['--api', chain.platform.url, '--api-key', keys.regulator]);
    expect(trusting.code).toBe(0);
    expect(summary(trusting.stdout)).toBe(summary(fromDatabase.stdout));
    expect(summary(trusting.stdout)).toMatch(/^\d+ blocks, 40 events, head at height \d+/);
    expect(trusting.stderr).toContain(
      `Trusting the sealer key served by ${chain.platform.url}/ledger/key`,
    );

    const vkey = chain.blocks[0]!.signer;
    const pinned = await audit([
      '--api',
      chain.platform.url,
      '--api-key',
      TEST_ADMIN_KEY,
      '--key',
      vkey,
    ]);
    expect(pinned.code).toBe(0);
    expect(pinned.stderr).not.toContain('Trusting');
  });

  it('serves the bulk leaves to regulators and the admin only, in pages of at most 10,000', async () => {
    const page = await request('GET', '/ledger/leaves?from=5&limit=3', { key: keys.regulator });
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      from: 5,
      limit: 3,
      leaves: chain.leaves.slice(5, 8).map((leaf) => ({
        leafIndex: leaf.leafIndex,
        eventId: leaf.id,
        document: leaf.document.toString('base64'),
      })),
    });
    expect((await request('GET', '/ledger/leaves', { key: keys.manufacturer })).status).toBe(403);
    expect((await request('GET', '/ledger/leaves')).status).toBe(401);
    const tooMany = await request('GET', '/ledger/leaves?limit=10001', { key: TEST_ADMIN_KEY });
    expect(tooMany.status).toBe(400);
    const blocks = await request('GET', '/ledger/blocks?from=1&limit=2');
    expect(blocks.body.blocks.map((b: { height: number }) => b.height)).toEqual([1, 2]);

    const refused = await audit(['--api', chain.platform.url, '--api-key', keys.manufacturer]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'needs the API key of an organisation with the regulator or admin role',
    );
  });

  it('catches a changed event through HTTP, at the block that covers it', async () => {
    const victim = chain.leaves[12]!;
    await chain.table.client.query('UPDATE events SET document = $2 WHERE id = $1', [
      victim.id,
      flipByte(victim.document, 5),
    ]);
    const tampered = await audit(['--api', chain.platform.url, '--api-key', keys.regulator]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `Chain NOT verified: block ${blockCovering(chain.blocks, 12)}: its root`,
    );
  });
});
