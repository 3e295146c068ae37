// The frontier: serialization, restore, visitor output and the missing-node error.
import { backends } from '../test/ledger-vectors';
import { toHex } from './bytes';
import { CompactRange, frontierNodeIds } from './compact-range';
import { LedgerError } from './ledger-error';
import { createLeafHasher, leafHash } from './merkle-hash';
import { nobleBackend } from './noble-backend';
import fc from 'fast-check';
import { InMemoryMerkleStore } from './merkle-store';
import { inclusionProof, rootAt } from './merkle-tree';

const [backend] = backends;
const leaf = (i: number) => leafHash(backend, Uint8Array.of(i));

test('the serialized frontier is size || popcount(size) hashes, and restores', () => {
  const range = CompactRange.empty(backend);
  for (let i = 0; i < 11; i++) range.append(leaf(i));
  const bytes = range.toBytes();
  expect(bytes).toHaveLength(8 + 32 * 3);
  expect(toHex(bytes.subarray(0, 8))).toBe('000000000000000b');
  const restored = CompactRange.fromBytes(backend, bytes);
  restored.append(leaf(11));
  range.append(leaf(11));
  expect(restored.root()).toEqual(range.root());
  expect(() => CompactRange.fromBytes(backend, bytes.subarray(0, 8 + 64))).toThrow(
    'holds 3 hashes, got 2',
  );
});

test('the visitor sees each leaf and each merge exactly once', () => {
  const seen: string[] = [];
  const range = CompactRange.empty(backend);
  for (let i = 0; i < 4; i++) range.append(leaf(i), (l, idx) => seen.push(`${l}/${idx}`));
  expect(seen).toEqual(['0/0', '0/1', '1/0', '0/2', '0/3', '1/1', '2/0']);
  expect(frontierNodeIds(6)).toEqual([
    { level: 2, index: 0 },
    { level: 1, index: 2 },
  ]);
});

test('clone leaves the original untouched', () => {
  const range = CompactRange.empty(backend);
  range.append(leaf(0));
  const draft = range.clone();
  draft.append(leaf(1));
  expect([range.size, draft.size]).toEqual([1, 2]);
});

test('a store missing a node says which one', () => {
  const store = new InMemoryMerkleStore();
  CompactRange.empty(backend).append(leaf(0), store.visitor);
  expect(() => rootAt(backend, 2, store)).toThrow(LedgerError);
  expect(() => inclusionProof(backend, 0, 2, store)).toThrow('level 0, index 1');
  expect(() => inclusionProof(backend, 2, 2, store)).toThrow('not in a tree of size 2');
  expect(() => CompactRange.empty(backend).append(new Uint8Array(31))).toThrow('32 bytes');
});

test('sizes beyond 2^32 keep exact arithmetic', () => {
  const size = 2 ** 40 + 5;
  expect(frontierNodeIds(size)).toEqual([
    { level: 40, index: 0 },
    { level: 2, index: 2 ** 38 },
    { level: 0, index: 2 ** 40 + 4 },
  ]);
});

describe('createLeafHasher', () => {
  it('hashes exactly as leafHash, through a buffer that grows and is reused', () => {
    const hashLeaf = createLeafHasher(nobleBackend);
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 20 }), (leaves) => {
        for (const data of leaves) {
          expect(toHex(hashLeaf(data))).toBe(toHex(leafHash(nobleBackend, data)));
        }
      }),
    );
  });
});
