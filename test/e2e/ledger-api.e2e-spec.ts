/**
 * The ledger endpoints against a running platform: public checkpoint, key, blocks and
 * consistency proofs; authenticated leaves and inclusion proofs; and the errors a client hits
 * (unknown or unsealed event, sizes that are no checkpoint, malformed numbers).
 */
import {
  fromBase64,
  generateNoteKey,
  leafHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import { apiClient } from '../harness/api-client';
import { EventTable, testDocument } from '../harness/events';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

const ORIGIN = 'pedigree.test/ledger-api';
const { skey, vkey } = generateNoteKey(ORIGIN, new Uint8Array(32).fill(6), backend);
const key = parseVerifierKey(backend, vkey);
const bytes = (values: string[]) => values.map(fromBase64);

describe('the ledger API', () => {
  const running: SpawnedPlatform[] = [];
  let table: EventTable;
  let request: ReturnType<typeof apiClient>;
  let ids: string[];
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await workerDatabaseUrl('ledger_api');
    table = await EventTable.connect(databaseUrl);
    const platform = await spawnPlatform({
      ...platformEnv(databaseUrl),
      PEDIGREE_SEALER_KEY: skey,
      PEDIGREE_LOG_ORIGIN: ORIGIN,
    });
    running.push(platform);
    request = apiClient(platform.url);
    expect((await request('GET', '/ledger/checkpoint')).body.message).toMatch(
      /No block has been sealed yet/,
    );
    ids = await table.insert([0, 1, 2].map((n) => testDocument(n, 'api')));
    await table.waitUntilSealed(ids).catch((error: Error) => {
      throw new Error(`${error.message}; the platform said:\n${platform.output()}`);
    });
    const more = await table.insert([3, 4, 5, 6, 7].map((n) => testDocument(n, 'api')));
    await table.waitUntilSealed(more);
    ids.push(...more);
  });

  afterAll(async () => {
    await Promise.all(running.map((platform) => platform.stop()));
    await table?.close();
  });

  it('serves the signed checkpoint and the key as text', async () => {
    const checkpoint = await request('GET', '/ledger/checkpoint');
    expect(checkpoint.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = parseCheckpoint(openNote(backend, checkpoint.body, [key]).text);
    expect(body).toMatchObject({ origin: ORIGIN, size: 8 });
    expect((await request('GET', '/ledger/key')).body).toBe(`${vkey}\n`);
  });

  it('serves blocks by height and as latest, and says when there is none', async () => {
    const first = (await request('GET', '/ledger/blocks/0')).body;
    const latest = (await request('GET', '/ledger/blocks/latest')).body;
    expect(first).toMatchObject({ height: 0, treeSize: 3, signer: vkey });
    expect(latest).toMatchObject({ height: 1, treeSize: 8, previousHash: first.hash });
    expect(fromBase64(latest.header)).toHaveLength(89);
    expect((await request('GET', '/ledger/blocks/99')).status).toBe(404);
    const bad = await request('GET', '/ledger/blocks/-1');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/height/);
  });

  it('gives consistency proofs between checkpoints', async () => {
    const first = (await request('GET', '/ledger/blocks/0')).body;
    const latest = (await request('GET', '/ledger/blocks/1')).body;
    const { body } = await request('GET', '/ledger/consistency?from=3&to=8');
    expect(
      verifyConsistency(
        backend,
        3,
        8,
        bytes(body.proof),
        fromBase64(first.root),
        fromBase64(latest.root),
      ),
    ).toBe(true);
    expect((await request('GET', '/ledger/consistency?from=3')).body.to).toBe(8);
    expect((await request('GET', '/ledger/consistency?from=5&to=3')).status).toBe(400);
    expect((await request('GET', '/ledger/consistency?from=1&to=9')).status).toBe(400);
    expect((await request('GET', '/ledger/consistency?from=x')).status).toBe(400);
  });

  it('gives an event leaf and inclusion proofs to the latest or an earlier checkpoint', async () => {
    const auth = { key: TEST_ADMIN_KEY };
    const leaf = (await request('GET', `/ledger/events/${ids[1]}/leaf`, auth)).body;
    expect(Buffer.from(fromBase64(leaf.document))).toEqual(testDocument(1, 'api'));
    expect(leaf).toMatchObject({ eventId: ids[1], leafIndex: 1 });
    expect(fromBase64(leaf.leafHash)).toEqual(leafHash(backend, fromBase64(leaf.document)));
    for (const treeSize of [3, 8]) {
      const proof = (
        await request('GET', `/ledger/events/${ids[1]}/proof?treeSize=${treeSize}`, auth)
      ).body;
      const signed = parseCheckpoint(openNote(backend, proof.block.checkpoint, [key]).text);
      expect(signed.size).toBe(treeSize);
      expect(
        verifyInclusion(
          backend,
          1,
          treeSize,
          fromBase64(leaf.leafHash),
          bytes(proof.path),
          signed.root,
        ),
      ).toBe(true);
    }
    expect((await request('GET', `/ledger/events/${ids[1]}/proof`, auth)).body.treeSize).toBe(8);
    expect((await request('GET', `/ledger/events/${ids[5]}/proof?treeSize=3`, auth)).status).toBe(
      400,
    );
    expect((await request('GET', `/ledger/events/${ids[1]}/proof?treeSize=4`, auth)).status).toBe(
      400,
    );
    expect((await request('GET', '/ledger/events/999999/leaf', auth)).status).toBe(404);
    expect((await request('GET', `/ledger/events/${ids[1]}/leaf`)).status).toBe(401);
  });

  it('says an event that is not sealed yet is not sealed yet', async () => {
    const api = await spawnPlatform(
      { DATABASE_URL: databaseUrl, PEDIGREE_ADMIN_KEY: TEST_ADMIN_KEY },
      ['api'],
    );
    running.push(api);
    // The sealer of the first platform would seal it: stop that one first.
    await running[0]!.stop();
    const [id] = await table.insert([testDocument(99, 'api')]);
    const answer = await apiClient(api.url)('GET', `/ledger/events/${id}/proof`, {
      key: TEST_ADMIN_KEY,
    });
    expect(answer.status).toBe(404);
    expect(answer.body.message).toMatch(/not sealed yet.*Try again in a second/);
  });
});
