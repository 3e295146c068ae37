/**
 * Transactions commit out of id order: event A takes a lower id in a transaction that is still
 * open while event B (higher id) commits and is sealed. Selecting unsealed events by
 * `leaf_index IS NULL`, not by an id watermark, means A is sealed once it commits: nothing is
 * skipped and nothing is sealed twice.
 */
import { generateNoteKey } from '@pedigree/ledger';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { Client } from 'pg';
import { EventTable, testDocument } from '../harness/events';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const ORIGIN = 'pedigree.test/out-of-order';
const { skey, vkey } = generateNoteKey(ORIGIN, new Uint8Array(32).fill(4), nodeCryptoBackend);

describe('an event whose transaction commits after a later one', () => {
  let platform: SpawnedPlatform;
  let table: EventTable;
  let slow: Client;

  beforeAll(async () => {
    const databaseUrl = await workerDatabaseUrl('sealer_order');
    table = await EventTable.connect(databaseUrl);
    slow = new Client({ connectionString: databaseUrl });
    await slow.connect();
    platform = await spawnPlatform(
      { DATABASE_URL: databaseUrl, PEDIGREE_SEALER_KEY: skey, PEDIGREE_LOG_ORIGIN: ORIGIN },
      ['sealer'],
    );
  });

  afterAll(async () => {
    await platform?.stop();
    await slow?.end();
    await table?.close();
  });

  it('is sealed in a later block, exactly once', async () => {
    await slow.query('BEGIN');
    const [a] = await table.insert([testDocument(1, 'slow')], slow);
    const [b] = await table.insert([testDocument(2, 'fast')]);
    expect(Number(a)).toBeLessThan(Number(b));

    const [sealedB] = await table.waitUntilSealed([b!]);
    expect(sealedB!.leafIndex).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await table.blocks()).map((block) => block.treeSize)).toEqual([1]);

    await slow.query('COMMIT');
    const [sealedA] = await table.waitUntilSealed([a!]);
    expect(sealedA!.leafIndex).toBe(1);
    const blocks = await table.checkChain(vkey);
    expect(blocks.map((block) => block.treeSize)).toEqual([1, 2]);
  });
});
