// Property tests (fast-check): for random trees, generated proofs verify and every tampering
// fails; the O(log n) frontier root equals a naive recursive RFC 6962 MTH; node-id plans match
// what the proof functions read.
import fc from 'fast-check';
import { backends } from '../test/ledger-vectors';
import { CompactRange, frontierNodeIds } from './compact-range';
import type { CryptoBackend } from './crypto-backend';
import { emptyRoot, leafHash, nodeHash } from './merkle-hash';
import { verifyConsistency, verifyInclusion } from './merkle-proof';
import { InMemoryMerkleStore, type MerkleStore } from './merkle-store';
import {
  consistencyProof,
  consistencyProofNodeIds,
  inclusionProof,
  inclusionProofNodeIds,
  rootAt,
  rootNodeIds,
} from './merkle-tree';

const [backend] = backends;

function naiveMth(b: CryptoBackend, leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot(b);
  if (leaves.length === 1) return leafHash(b, leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(b, naiveMth(b, leaves.slice(0, k)), naiveMth(b, leaves.slice(k)));
}

function build(size: number) {
  const store = new InMemoryMerkleStore();
  const range = CompactRange.empty(backend);
  const roots = [range.root()];
  for (let i = 0; i < size; i++) {
    range.append(leafHash(backend, Uint8Array.of(i & 255, i >> 8)), store.visitor);
    roots.push(range.root());
  }
  return { store, roots };
}

const MAX = 300;
const { store, roots } = build(MAX);
const leaf = (i: number) => leafHash(backend, Uint8Array.of(i & 255, i >> 8));

function recording(inner: MerkleStore) {
  const seen: string[] = [];
  return {
    seen,
    store: {
      getNode: (l: number, i: number) => {
        seen.push(`${l}/${i}`);
        return inner.getNode(l, i);
      },
    },
  };
}

/** Flips one bit of one proof element, or drops/duplicates/swaps an element. */
const tamper = fc.record({
  kind: fc.integer({ min: 0, max: 3 }),
  pos: fc.nat(),
  bit: fc.integer({ min: 0, max: 255 }),
});
function applyTamper(
  proof: Uint8Array[],
  t: { kind: number; pos: number; bit: number },
): Uint8Array[] | undefined {
  if (proof.length === 0) return t.kind === 3 ? [new Uint8Array(32)] : undefined;
  const p = proof.map((h) => Uint8Array.from(h));
  const i = t.pos % p.length;
  switch (t.kind) {
    case 0:
      p[i]![t.bit >> 3]! ^= 1 << (t.bit & 7);
      return p;
    case 1:
      p.splice(i, 1);
      return p;
    case 2:
      if (p.length < 2 || p[0]!.every((b, j) => b === p[p.length - 1]![j])) return undefined;
      [p[0], p[p.length - 1]] = [p[p.length - 1]!, p[0]!];
      return p;
    default:
      p.splice(i, 0, p[i]!);
      return p;
  }
}

test('the frontier root equals a naive recursive MTH', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (leaves) => {
      const range = CompactRange.empty(backend);
      leaves.forEach((l) => range.append(leafHash(backend, l)));
      expect(range.root()).toEqual(naiveMth(backend, leaves));
      expect(CompactRange.fromBytes(backend, range.toBytes()).root()).toEqual(range.root());
    }),
  );
});

test('rootAt and the frontier of a restored range agree with the roots seen while appending', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: MAX }), (size) => {
      expect(rootAt(backend, size, store)).toEqual(roots[size]);
      expect(CompactRange.fromStore(backend, size, store).root()).toEqual(roots[size]);
      expect(frontierNodeIds(size).reduce((n, id) => n + 2 ** id.level, 0)).toBe(size);
    }),
  );
});

describe.each(backends)('$name backend', (b) => {
  test('inclusion proofs verify, and any tampering fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.nat(), tamper, (size, seed, t) => {
        const index = seed % size;
        const proof = inclusionProof(b, index, size, store);
        expect(verifyInclusion(b, index, size, leaf(index), proof, roots[size]!)).toBe(true);
        const bad = applyTamper(proof, t);
        if (bad)
          expect(verifyInclusion(b, index, size, leaf(index), bad, roots[size]!)).toBe(false);
        expect(verifyInclusion(b, index, size, leaf(index + 1), proof, roots[size]!)).toBe(false);
        if (size > 1)
          expect(
            verifyInclusion(b, (index + 1) % size, size, leaf(index), proof, roots[size]!),
          ).toBe(false);
        // The size is bound by the root, not by the path shape: a bigger tree's root must fail.
        if (size < MAX) {
          expect(verifyInclusion(b, index, size + 1, leaf(index), proof, roots[size + 1]!)).toBe(
            false,
          );
        }
      }),
    );
  });

  test('consistency proofs verify, and any tampering fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.nat(), tamper, (size2, seed, t) => {
        const size1 = 1 + (seed % size2);
        const proof = consistencyProof(b, size1, size2, store);
        expect(verifyConsistency(b, size1, size2, proof, roots[size1]!, roots[size2]!)).toBe(true);
        const bad = applyTamper(proof, t);
        if (bad)
          expect(verifyConsistency(b, size1, size2, bad, roots[size1]!, roots[size2]!)).toBe(false);
        if (size1 < size2) {
          expect(verifyConsistency(b, size1, size2, proof, roots[size1 - 1]!, roots[size2]!)).toBe(
            false,
          );
          expect(verifyConsistency(b, size1, size2, proof, roots[size1]!, roots[size2 - 1]!)).toBe(
            false,
          );
        }
      }),
    );
  });
});

test('node-id plans list exactly the nodes the proof functions read', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: MAX }), fc.nat(), (size, seed) => {
      const index = seed % size;
      const ids = (list: { level: number; index: number }[]) =>
        list.map((n) => `${n.level}/${n.index}`);
      let r = recording(store);
      inclusionProof(backend, index, size, r.store);
      expect(ids(inclusionProofNodeIds(index, size))).toEqual(r.seen);
      r = recording(store);
      consistencyProof(backend, index + 1, size, r.store);
      expect(ids(consistencyProofNodeIds(index + 1, size))).toEqual(r.seen);
      r = recording(store);
      rootAt(backend, size, r.store);
      expect(ids(rootNodeIds(size))).toEqual(r.seen);
      expect(r.seen.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)) + 1);
    }),
  );
});
