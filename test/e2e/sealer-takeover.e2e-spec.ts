/**
 * Two sealers on one database: the second stands by. The active one is killed (SIGKILL) while
 * events keep arriving; the standby takes the lock and continues the same chain: heights
 * contiguous, each block linked to the one before, no leaf sealed twice, every event sealed,
 * and `pedigree audit` verifies the whole chain.
 */
import { generateNoteKey } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { EventTable, testDocument } from '../harness/events';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const ORIGIN = 'pedigree.test/takeover';
const { skey, vkey } = generateNoteKey(ORIGIN, new Uint8Array(32).fill(5), nodeCryptoBackend);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sealerState(platform: SpawnedPlatform): Promise<unknown> {
  const health = (await (await fetch(`${platform.url}/health`)).json()) as { sealer?: string };
  return health.sealer;
}

describe('a standby sealer taking over', () => {
  const running: SpawnedPlatform[] = [];
  let table: EventTable;

  afterAll(async () => {
    await Promise.all(running.map((platform) => platform.stop()));
    await table?.close();
  });

  it('continues the same chain after the active sealer is killed mid-stream', async () => {
    const databaseUrl = await workerDatabaseUrl('sealer_takeover');
    table = await EventTable.connect(databaseUrl);
    const env = {
      DATABASE_URL: databaseUrl,
      PEDIGREE_SEALER_KEY: skey,
      PEDIGREE_LOG_ORIGIN: ORIGIN,
      PEDIGREE_BLOCK_INTERVAL_MS: '50',
      PEDIGREE_BLOCK_MAX_EVENTS: '40',
    };
    const active = await spawnPlatform(env, ['sealer']);
    running.push(active);
    while ((await sealerState(active)) !== 'active') await sleep(50);
    const standby = await spawnPlatform(env, ['sealer']);
    running.push(standby);
    await sleep(1_200);
    expect(await sealerState(standby)).toBe('standby');

    const ids: string[] = [];
    let n = 0;
    const stream = async (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; n += 25) {
        ids.push(
          ...(await table.insert(Array.from({ length: 25 }, (_, i) => testDocument(n + i)))),
        );
        await sleep(10);
      }
    };
    await stream(1_500);
    const blocksBeforeKill = (await table.blocks()).length;
    expect(blocksBeforeKill).toBeGreaterThan(1);
    await active.stop('SIGKILL');
    await stream(2_500);

    await table.waitUntilSealed(ids, 20_000);
    expect(await sealerState(standby)).toBe('active');
    const blocks = await table.checkChain(vkey);
    expect(blocks.length).toBeGreaterThan(blocksBeforeKill);
    expect(blocks.at(-1)!.treeSize).toBe(ids.length);
    expect(
      blocks.every((block) => block.treeSize - (blocks[block.height - 1]?.treeSize ?? 0) <= 40),
    ).toBe(true);

    const audit = await runPedigree([
      'audit',
      ...['--database', databaseUrl, '--key', vkey, '--origin', ORIGIN],
    ]);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain(`Chain verified: ${blocks.length} blocks`);
  });
});
