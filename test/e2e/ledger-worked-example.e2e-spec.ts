/**
 * Keeps docs/ledger.md true. (1) The doc's worked example (fixed key, documents and times) is
 * rebuilt with the sealer's own block builder and must match the doc's fenced block byte for
 * byte; an auditor's from-scratch RFC 6962 / Ed25519 code (below: node:crypto only, no Pedigree
 * library) must verify it. (2) Against a running platform, an inclusion proof fetched over HTTP
 * must verify against the served checkpoint with only the vkey, by that same auditor code.
 */
import {
  consistencyProof,
  encodeBlockHeader,
  generateNoteKey,
  inclusionProof,
  InMemoryMerkleStore,
  noteSignerKey,
  toBase64,
  toHex,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import { buildBlock, emptyHead } from '@pedigree/sealer';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient } from '../harness/api-client';
import { EventTable, testDocument } from '../harness/events';
import { repoRoot } from '../harness/repo-root';
import { TEST_ADMIN_KEY, platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

// ---- The auditor: RFC 6962 hashing, RFC 9162 inclusion check, C2SP vkey and note, by hand ----
const sha256 = (...parts: Uint8Array[]) =>
  createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (document: Uint8Array) => sha256(Buffer.of(0), document);
const node = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.of(1), left, right);
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

/** name+keyid+base64(0x01 || public key) -> the public key, after checking the key ID. */
function auditorKey(vkey: string) {
  const [name, id] = vkey.split('+', 2) as [string, string];
  const material = Buffer.from(vkey.slice(name.length + id.length + 2), 'base64');
  if (material[0] !== 1 || material.length !== 33) throw new Error('not an Ed25519 vkey');
  const pub = material.subarray(1);
  const keyId = sha256(Buffer.from(`${name}\n`), Buffer.of(1), pub).subarray(0, 4);
  if (keyId.toString('hex') !== id) throw new Error('key ID does not match');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]);
  return { name, keyId, publicKey: createPublicKey({ key: der, format: 'der', type: 'spki' }) };
}

/** Verifies the note's signature line by `vkey`; returns the checkpoint it signs. */
function auditorCheckpoint(note: string, vkey: string) {
  const key = auditorKey(vkey);
  const split = note.indexOf('\n\n');
  const text = note.slice(0, split + 1);
  const line = note
    .slice(split + 2)
    .split('\n')
    .find((l) => l.startsWith(`\u2014 ${key.name} `));
  const signed = Buffer.from(line!.split(' ')[2]!, 'base64');
  if (!signed.subarray(0, 4).equals(key.keyId)) throw new Error('key ID of the line differs');
  if (!verify(null, Buffer.from(text), key.publicKey, signed.subarray(4))) {
    throw new Error('checkpoint signature does not verify');
  }
  const [origin, size, root] = text.split('\n');
  return { origin, size: Number(size), root: Buffer.from(root!, 'base64') };
}

/** RFC 9162 §2.1.3.2. */
function auditorInclusion(
  index: number,
  size: number,
  leafHash: Buffer,
  path: Buffer[],
  root: Buffer,
) {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function auditorHeaderSignature(vkey: string, header: Buffer, signature: Buffer): boolean {
  const message = Buffer.concat([Buffer.from('pedigree/block-header/v1\n'), header]);
  return verify(null, message, auditorKey(vkey).publicKey, signature);
}

// ---- The worked example of docs/ledger.md ----
const ORIGIN = 'pedigree.example/chain';
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i);
const DOCUMENTS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((word, i) =>
  Buffer.from(`{"eventID":"urn:uuid:example-${i}","word":"${word}"}`),
);
const TIMES = [1_795_518_000_000, 1_795_518_000_250];

function workedExample(): { text: string; vkey: string; blocks: ReturnType<typeof buildBlock>[] } {
  const signer = noteSignerKey(backend, ORIGIN, SEED);
  const events = DOCUMENTS.map((document, i) => ({ id: String(i + 1), document }));
  const first = buildBlock(
    backend,
    emptyHead(backend),
    events.slice(0, 3),
    TIMES[0]!,
    signer,
    ORIGIN,
  );
  const second = buildBlock(backend, first.next, events.slice(3), TIMES[1]!, signer, ORIGIN);
  const store = new InMemoryMerkleStore();
  for (const { batch } of [first, second]) {
    batch.nodes.levels.forEach((l, i) =>
      store.setNode(l, batch.nodes.indexes[i]!, batch.nodes.hashes[i]!),
    );
  }
  const lines = [`vkey ${first.batch.block.signer}`, ''];
  DOCUMENTS.forEach((d, i) =>
    lines.push(`document ${i} ${d.toString()}`, `leaf ${i}     ${toHex(leaf(d))}`),
  );
  for (const { header, batch, next } of [first, second]) {
    const { block } = batch;
    lines.push(
      '',
      `block ${block.height}: timeMs ${header.timeMs}, treeSize ${block.treeSize}`,
      `root      ${toHex(block.root)}`,
      `header    ${toHex(encodeBlockHeader(header))}`,
      `hash      ${toHex(next.hash)}`,
      `signature ${toBase64(block.signature)}`,
      'checkpoint',
      ...block.checkpoint
        .trimEnd()
        .split('\n')
        .map((l) => (l ? `  ${l}` : '')),
    );
  }
  const proof = inclusionProof(backend, 1, 5, store).map(toHex);
  const consistency = consistencyProof(backend, 3, 5, store).map(toHex);
  lines.push('', 'inclusion proof of leaf 1 in tree size 5', ...proof.map((h) => `  ${h}`));
  lines.push('', 'consistency proof from tree size 3 to 5', ...consistency.map((h) => `  ${h}`));
  return { text: `${lines.join('\n')}\n`, vkey: first.batch.block.signer, blocks: [first, second] };
}

function fencedExample(): string {
  const doc = readFileSync(join(repoRoot(), 'docs', 'ledger.md'), 'utf8');
  const match = /```text worked-example\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/ledger.md has no ```text worked-example block');
  return match[1]!;
}

describe('docs/ledger.md', () => {
  it('shows the bytes the sealer produces for its worked example', () => {
    expect(fencedExample()).toBe(workedExample().text);
  });

  it('holds up to an auditor who only has the vkey and their own RFC 6962 code', () => {
    const { vkey, blocks } = workedExample();
    const [l0, l1, l2, l3, l4] = DOCUMENTS.map(leaf) as Buffer[];
    const root3 = node(node(l0!, l1!), l2!);
    const root5 = node(node(node(l0!, l1!), node(l2!, l3!)), l4!);
    expect(Buffer.from(blocks[0]!.header.root)).toEqual(root3);
    expect(Buffer.from(blocks[1]!.header.root)).toEqual(root5);
    for (const { header, batch } of blocks) {
      const bytes = Buffer.concat([
        Buffer.of(1),
        u64(header.height),
        Buffer.from(header.previousHash),
        u64(header.timeMs),
        u64(header.treeSize),
        Buffer.from(header.root),
      ]);
      expect(auditorHeaderSignature(vkey, bytes, batch.block.signature)).toBe(true);
      expect(auditorCheckpoint(batch.block.checkpoint, vkey)).toEqual({
        origin: ORIGIN,
        size: header.treeSize,
        root: Buffer.from(header.root),
      });
    }
    const path = [l0!, node(l2!, l3!), l4!];
    expect(auditorInclusion(1, 5, l1!, path, root5)).toBe(true);
    expect(auditorInclusion(1, 5, l2!, path, root5)).toBe(false);
  });
});

describe('an inclusion proof over HTTP', () => {
  let platform: SpawnedPlatform;
  let table: EventTable;
  const { skey, vkey } = generateNoteKey(
    'pedigree.test/worked',
    new Uint8Array(32).fill(9),
    backend,
  );

  beforeAll(async () => {
    const databaseUrl = await workerDatabaseUrl('ledger_worked');
    table = await EventTable.connect(databaseUrl);
    platform = await spawnPlatform({
      ...platformEnv(databaseUrl),
      PEDIGREE_SEALER_KEY: skey,
      PEDIGREE_LOG_ORIGIN: 'pedigree.test/worked',
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await table?.close();
  });

  it('verifies against the served checkpoint with only the vkey', async () => {
    const ids = await table.insert(Array.from({ length: 11 }, (_, i) => testDocument(i, 'worked')));
    await table.waitUntilSealed(ids);
    const request = apiClient(platform.url);
    const checkpoint = auditorCheckpoint((await request('GET', '/ledger/checkpoint')).body, vkey);
    expect(checkpoint).toMatchObject({ origin: 'pedigree.test/worked', size: 11 });
    for (const id of [ids[0]!, ids[6]!, ids[10]!]) {
      const leafView = (await request('GET', `/ledger/events/${id}/leaf`, { key: TEST_ADMIN_KEY }))
        .body;
      const proofView = (
        await request('GET', `/ledger/events/${id}/proof?treeSize=11`, { key: TEST_ADMIN_KEY })
      ).body;
      const document = Buffer.from(leafView.document, 'base64');
      expect(document).toEqual(testDocument(ids.indexOf(id), 'worked'));
      const path = (proofView.path as string[]).map((h) => Buffer.from(h, 'base64'));
      expect(auditorInclusion(proofView.leafIndex, 11, leaf(document), path, checkpoint.root)).toBe(
        true,
      );
    }
  });
});
