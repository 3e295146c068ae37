import {
  blockHash,
  GENESIS_PREVIOUS_HASH,
  signBlockHeader,
  type BlockHeader,
} from './block-header';
import { ChainAudit, type AuditedBlock } from './chain-audit';
import { formatCheckpoint } from './checkpoint';
import { CompactRange } from './compact-range';
import { leafHash } from './merkle-hash';
import { nobleBackend as backend } from './noble-backend';
import { noteSignerKey } from './note-key';
import { signNote } from './signed-note';

const ORIGIN = 'pedigree.test/chain';
const signer = noteSignerKey(backend, ORIGIN, new Uint8Array(32).fill(7));
const documents = Array.from({ length: 10 }, (_, i) => new TextEncoder().encode(`{"event":${i}}`));

/** Blocks over leaves [0,3), [3,7), [7,10). */
function chain(): AuditedBlock[] {
  const range = CompactRange.empty(backend);
  const blocks: AuditedBlock[] = [];
  let previousHash = GENESIS_PREVIOUS_HASH;
  for (const [height, end] of [3, 7, 10].entries()) {
    while (range.size < end) range.append(leafHash(backend, documents[range.size]));
    const header: BlockHeader = {
      version: 1,
      height,
      previousHash,
      timeMs: 1_000 + height,
      treeSize: end,
      root: range.root(),
    };
    const checkpoint = signNote(
      backend,
      formatCheckpoint({ origin: ORIGIN, size: end, root: range.root(), extensions: [] }),
      [signer],
    );
    blocks.push({ header, signature: signBlockHeader(backend, signer.seed, header), checkpoint });
    previousHash = blockHash(backend, header);
  }
  return blocks;
}

/** Feeds leaves and blocks in order; returns the first finding. */
function audit(blocks: AuditedBlock[], leaves = documents.map((d, i) => ({ index: i, d }))) {
  const run = new ChainAudit(backend, [signer], ORIGIN);
  let next = 0;
  for (const block of blocks) {
    while (next < leaves.length && leaves[next].index < block.header.treeSize) {
      const finding = run.leaf(
        leaves[next].index,
        leaves[next].d,
        `event ${leaves[next].index + 1}`,
      );
      next += 1;
      if (finding) return finding;
    }
    const finding = run.block(block);
    if (finding) return finding;
  }
  return run.summary();
}

describe('ChainAudit', () => {
  it('verifies an intact chain', () => {
    expect(audit(chain())).toMatchObject({ blocks: 3, leaves: 10 });
  });

  it('names the block whose events were changed', () => {
    const leaves = documents.map((d, i) => ({
      index: i,
      d: i === 4 ? Uint8Array.from([...d, 32]) : d,
    }));
    expect(audit(chain(), leaves)).toMatchObject({
      where: 'block 1',
      what: expect.stringContaining('is not the root'),
    });
  });

  it('names the changed leaf itself from the leaf hashes the sealer recorded', () => {
    const run = new ChainAudit(backend, [signer], ORIGIN);
    const blocks = chain();
    const sealed = new Map(documents.map((d, i) => [i, leafHash(backend, d)]));
    for (let i = 0; i < 3; i++) run.leaf(i, documents[i], `event ${i + 1}`);
    expect(run.block(blocks[0])).toBeNull();
    const changed = [3, 4, 5, 6].map((i) => ({
      index: i,
      document: i === 5 ? documents[6] : documents[i],
      label: `event ${i + 1}`,
    }));
    for (const leaf of changed) run.leaf(leaf.index, leaf.document, leaf.label);
    expect(run.block(blocks[1])).toMatchObject({ where: 'block 1', leaves: { from: 3, to: 7 } });
    expect(run.pinpoint(changed, sealed)).toMatchObject({
      where: 'leaf 5 (event 6)',
      what: expect.stringContaining('do not hash to the leaf hash sealed'),
    });
    expect(run.pinpoint(changed, new Map([...sealed].filter(([i]) => i !== 3)))).toMatchObject({
      where: 'leaf 3 (event 4)',
      what: expect.stringContaining('no leaf hash was recorded'),
    });
  });

  it('names a deleted event as a missing leaf', () => {
    const leaves = documents.map((d, i) => ({ index: i, d })).filter((l) => l.index !== 5);
    expect(audit(chain(), leaves)).toMatchObject({
      where: 'leaf 5',
      what: expect.stringContaining('deleted'),
    });
  });

  it('catches two swapped events', () => {
    const leaves = documents.map((d, i) => ({
      index: i,
      d: i === 7 ? documents[8] : i === 8 ? documents[7] : d,
    }));
    expect(audit(chain(), leaves)).toMatchObject({ where: 'block 2' });
  });

  it('catches a changed header byte, a bad signature and a broken link', () => {
    const changed = chain();
    changed[1] = {
      ...changed[1],
      header: { ...changed[1].header, timeMs: changed[1].header.timeMs + 1 },
    };
    expect(audit(changed)).toMatchObject({
      where: 'block 1',
      what: expect.stringContaining('signature'),
    });

    const forged = chain();
    const signature = Uint8Array.from(forged[2].signature);
    signature[0] ^= 1;
    forged[2] = { ...forged[2], signature };
    expect(audit(forged)).toMatchObject({
      where: 'block 2',
      what: expect.stringContaining('signature'),
    });

    const relinked = chain();
    relinked[2] = {
      ...relinked[2],
      header: { ...relinked[2].header, previousHash: new Uint8Array(32) },
    };
    expect(audit(relinked)).toMatchObject({
      where: 'block 2',
      what: expect.stringContaining('link is broken'),
    });
  });

  it('catches a missing block and a checkpoint that disagrees with its header', () => {
    const blocks = chain();
    expect(audit([blocks[0], blocks[2]])).toMatchObject({
      where: 'block 2',
      what: expect.stringContaining('block 1 was expected'),
    });
    const other = chain();
    other[0] = { ...other[0], checkpoint: other[1].checkpoint };
    expect(audit(other)).toMatchObject({
      where: 'block 0',
      what: expect.stringContaining('checkpoint'),
    });
  });
});
