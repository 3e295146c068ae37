// The transparency-dev/merkle proof vectors (196 files) and the RFC 6962 reference tree, through
// both backends. Every file is asserted per its wantErr, except the one implementation-defined
// case, asserted as rejected (see README.md: every hash must be 32 bytes).
import { backends, jsonFilesUnder, readJson } from '../test/ledger-vectors';
import { fromBase64, fromHex, toHex } from './bytes';
import { CompactRange } from './compact-range';
import { emptyRoot, leafHash, nodeHash } from './merkle-hash';
import { verifyConsistency, verifyInclusion } from './merkle-proof';
import { InMemoryMerkleStore } from './merkle-store';
import { consistencyProof, inclusionProof, rootAt } from './merkle-tree';

const TESTDATA = 'merkle/transparency-dev-merkle/testdata';
const IMPLEMENTATION_DEFINED = `${TESTDATA}/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json`;

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ReferenceTree {
  leafInputs: string[];
  rootHashesBySize: string[];
  nodeHashesByLevel: string[][];
  hasherKnownAnswers: { op: string; input?: string; left?: string; right?: string; want: string }[];
}

const inclusionFiles = jsonFilesUnder(`${TESTDATA}/inclusion`);
const consistencyFiles = jsonFilesUnder(`${TESTDATA}/consistency`);
const proof = (p: string[] | null): Uint8Array[] => (p ?? []).map(fromBase64);

test('the vector set is complete: 98 inclusion and 98 consistency files', () => {
  expect(inclusionFiles).toHaveLength(98);
  expect(consistencyFiles).toHaveLength(98);
});

describe.each(backends)('transparency-dev vectors, $name backend', (backend) => {
  test.each(inclusionFiles)('%s', (file) => {
    const c = readJson<InclusionCase>(file);
    const ok = verifyInclusion(
      backend,
      c.leafIdx,
      c.treeSize,
      fromBase64(c.leafHash),
      proof(c.proof),
      fromBase64(c.root),
    );
    expect(ok).toBe(!c.wantErr);
  });

  test.each(consistencyFiles)('%s', (file) => {
    const c = readJson<ConsistencyCase>(file);
    const ok = verifyConsistency(
      backend,
      c.size1,
      c.size2,
      proof(c.proof),
      fromBase64(c.root1),
      fromBase64(c.root2),
    );
    // Implementation-defined: 12-byte placeholder roots, so rejected here although upstream says ok.
    expect(ok).toBe(file === IMPLEMENTATION_DEFINED ? false : !c.wantErr);
  });
});

test('the implementation-defined file is the one with 12-byte roots, and 32-byte equal roots pass', () => {
  const c = readJson<ConsistencyCase>(IMPLEMENTATION_DEFINED);
  expect(c.wantErr).toBe(false);
  expect(fromBase64(c.root1)).toHaveLength(12);
  const root = new Uint8Array(32).fill(7);
  expect(verifyConsistency(backends[0], 1, 1, [], root, root)).toBe(true);
});

describe.each(backends)('RFC 6962 reference tree, $name backend', (backend) => {
  const tree = readJson<ReferenceTree>('merkle/rfc6962_reference_tree.json');
  const store = new InMemoryMerkleStore();
  const range = CompactRange.empty(backend);
  const roots = [toHex(range.root())];
  for (const input of tree.leafInputs) {
    range.append(leafHash(backend, fromHex(input)), store.visitor);
    roots.push(toHex(range.root()));
  }

  test('compact-range roots at sizes 0..8', () => {
    expect(roots).toEqual(tree.rootHashesBySize);
  });

  test('rootAt from stored nodes at sizes 0..8', () => {
    const at = tree.rootHashesBySize.map((_, size) => toHex(rootAt(backend, size, store)));
    expect(at).toEqual(tree.rootHashesBySize);
  });

  test('every complete-subtree node hash', () => {
    tree.nodeHashesByLevel.forEach((level, l) =>
      level.forEach((want, i) => expect(toHex(store.getNode(l, i))).toBe(want)),
    );
  });

  test('hasher known answers', () => {
    for (const k of tree.hasherKnownAnswers) {
      const got =
        k.op === 'emptyRoot'
          ? emptyRoot(backend)
          : k.op === 'leaf'
            ? leafHash(backend, fromHex(k.input!))
            : nodeHash(backend, fromHex(k.left!), fromHex(k.right!));
      expect(toHex(got)).toBe(k.want);
    }
  });

  test('generated proofs reproduce the happy-path vectors byte for byte', () => {
    for (const file of inclusionFiles.filter((f) => /\/\d\/happy-path\.json$/.test(f))) {
      const c = readJson<InclusionCase>(file);
      const got = inclusionProof(backend, c.leafIdx, c.treeSize, store).map((h) => toHex(h));
      expect(got).toEqual(proof(c.proof).map((h) => toHex(h)));
    }
    for (const file of consistencyFiles.filter((f) => /\/\d\/happy-path\.json$/.test(f))) {
      const c = readJson<ConsistencyCase>(file);
      const got = consistencyProof(backend, c.size1, c.size2, store).map((h) => toHex(h));
      expect(got).toEqual(proof(c.proof).map((h) => toHex(h)));
    }
  });
});
