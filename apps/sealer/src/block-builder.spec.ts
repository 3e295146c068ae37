import {
  blockHash,
  CompactRange,
  decodeBlockHeader,
  encodeBlockHeader,
  InMemoryMerkleStore,
  leafHash,
  noteSignerKey,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  rootAt,
  verifyBlockHeader,
} from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import { buildBlock, emptyHead } from './block-builder';

const origin = 'pedigree.test/chain';
const signer = noteSignerKey(backend, origin, new Uint8Array(32).fill(7));
const events = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: String(from + i),
    document: new TextEncoder().encode(`{"n":${from + i}}`),
  }));

describe('buildBlock', () => {
  it('chains blocks: heights, previous hashes, sizes, roots, nodes, signatures', () => {
    const first = buildBlock(backend, emptyHead(backend), events(1, 3), 1_000, signer, origin);
    const second = buildBlock(backend, first.next, events(4, 5), 2_000, signer, origin);

    expect(first.header.height).toBe(0);
    expect(second.header.height).toBe(1);
    expect(second.header.previousHash).toEqual(blockHash(backend, first.header));
    expect(second.header.treeSize).toBe(8);

    // The nodes both blocks record are every complete node of the 8-leaf tree.
    const store = new InMemoryMerkleStore();
    for (const { batch } of [first, second]) {
      batch.nodes.levels.forEach((level, i) =>
        store.setNode(level, batch.nodes.indexes[i]!, batch.nodes.hashes[i]!),
      );
    }
    expect(store.nodeCount).toBe(8 + 4 + 2 + 1);
    const range = CompactRange.empty(backend);
    for (const e of events(1, 8)) range.append(leafHash(backend, e.document));
    expect(rootAt(backend, 8, store)).toEqual(range.root());
    expect(second.header.root).toEqual(range.root());

    const { block } = second.batch;
    const header = decodeBlockHeader(encodeBlockHeader(second.header));
    expect(verifyBlockHeader(backend, signer.publicKey, header, block.signature)).toBe(true);
    const vkey = parseVerifierKey(backend, block.signer);
    const opened = openNote(backend, block.checkpoint, [vkey]);
    expect(parseCheckpoint(opened.text)).toMatchObject({ origin, size: 8 });
    expect(second.batch.eventIds).toEqual(['4', '5', '6', '7', '8']);
  });

  it('never goes back in time and leaves the head it was given untouched', () => {
    const head = buildBlock(backend, emptyHead(backend), events(1, 1), 5_000, signer, origin).next;
    const next = buildBlock(backend, head, events(2, 2), 4_000, signer, origin);
    expect(next.header.timeMs).toBe(5_000);
    expect(head.range.size).toBe(1);
    expect(next.next.range.size).toBe(3);
  });

  it('refuses an empty block', () => {
    expect(() => buildBlock(backend, emptyHead(backend), [], 0, signer, origin)).toThrow(
      'at least one event',
    );
  });
});
