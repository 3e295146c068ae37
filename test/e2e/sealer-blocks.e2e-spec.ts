/**
 * The sealer turns inserted events into signed blocks: no empty blocks, at most
 * PEDIGREE_BLOCK_MAX_EVENTS per block, leaf indexes contiguous and unique, roots equal to an RFC
 * 6962 tree over the documents, signatures valid under the sealer's vkey. And its key: generated
 * into the data folder (0600, named after the origin) when none is given, refused with a
 * sentence when it does not fit the origin.
 */
import { generateNoteKey } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EventTable, testDocument } from '../harness/events';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { tempDataDir } from '../harness/temp-dir';
import { workerDatabaseUrl } from '../harness/test-database';

const ORIGIN = 'pedigree.test/sealer-blocks';
const { skey, vkey } = generateNoteKey(ORIGIN, new Uint8Array(32).fill(3), nodeCryptoBackend);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sealing events into blocks', () => {
  let platform: SpawnedPlatform | undefined;
  let table: EventTable | undefined;

  afterEach(async () => {
    await platform?.stop();
    await table?.close();
    platform = table = undefined;
  });

  it('seals batches of at most PEDIGREE_BLOCK_MAX_EVENTS, and no empty block', async () => {
    const databaseUrl = await workerDatabaseUrl('sealer_blocks');
    table = await EventTable.connect(databaseUrl);
    const first = await table.insert(Array.from({ length: 25 }, (_, i) => testDocument(i)));
    platform = await spawnPlatform(
      {
        DATABASE_URL: databaseUrl,
        PEDIGREE_SEALER_KEY: skey,
        PEDIGREE_LOG_ORIGIN: ORIGIN,
        PEDIGREE_BLOCK_MAX_EVENTS: '10',
        PEDIGREE_BLOCK_INTERVAL_MS: '50',
      },
      ['sealer'],
    );
    await table.waitUntilSealed(first);
    await sleep(300);
    expect((await table.blocks()).map((b) => b.treeSize)).toEqual([10, 20, 25]);

    const second = await table.insert([testDocument(25), testDocument(26)]);
    await table.waitUntilSealed(second);
    await sleep(300);
    const blocks = await table.checkChain(vkey);
    expect(blocks.map((b) => b.treeSize)).toEqual([10, 20, 25, 27]);
    const rows = await table.rows();
    expect(rows.map((r) => r.leafIndex)).toEqual(rows.map((_, i) => i));
  });

  it('creates a 0600 key named after the origin in the data folder, and keeps it', async () => {
    const databaseUrl = await workerDatabaseUrl('sealer_key');
    const dataDir = tempDataDir('sealer-key');
    const env = {
      DATABASE_URL: databaseUrl,
      PEDIGREE_DATA_DIR: dataDir,
      PEDIGREE_LOG_ORIGIN: ORIGIN,
    };
    table = await EventTable.connect(databaseUrl);
    platform = await spawnPlatform(env, ['sealer']);
    await table.waitUntilSealed(await table.insert([testDocument(1)]));
    const file = join(dataDir, 'sealer.skey');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const created = readFileSync(file, 'utf8');
    expect(created.startsWith(`PRIVATE+KEY+${ORIGIN}+`)).toBe(true);
    const [block] = await table.blocks();
    await table.checkChain(block!.signer);

    await platform.stop();
    platform = await spawnPlatform(env, ['sealer']);
    await table.waitUntilSealed(await table.insert([testDocument(2)]));
    expect(readFileSync(file, 'utf8')).toBe(created);
    await table.checkChain(block!.signer);
  });

  it('refuses to start with a key that is not named after the origin', async () => {
    const result = await runPedigree(['start', 'sealer'], {
      DATABASE_URL: await workerDatabaseUrl(),
      PEDIGREE_SEALER_KEY: skey,
      PEDIGREE_LOG_ORIGIN: 'pedigree.test/another-log',
      PORT: '0',
    });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      `PEDIGREE_SEALER_KEY is named "${ORIGIN}" but PEDIGREE_LOG_ORIGIN is "pedigree.test/another-log"`,
    );
  });
});
