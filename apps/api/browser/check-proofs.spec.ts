import {
  CompactRange,
  InMemoryMerkleStore,
  formatCheckpoint,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  nobleBackend as backend,
  noteSignerKey,
  signNote,
  toBase64,
} from '@pedigree/ledger';
import { checkProofs, type ProofMaterial } from './check-proofs';

const ORIGIN = 'pedigree.example/chain';
const signer = noteSignerKey(backend, ORIGIN, new Uint8Array(32).fill(7));
const stranger = noteSignerKey(backend, ORIGIN, new Uint8Array(32).fill(9));

/** A log of five events, its checkpoint signed by `key`, and the proofs of leaves 1 and 4. */
function material(key = signer): ProofMaterial {
  const store = new InMemoryMerkleStore();
  const range = CompactRange.empty(backend);
  const leaves = [0, 1, 2, 3, 4].map((i) => leafHash(backend, Uint8Array.of(i)));
  for (const leaf of leaves) range.append(leaf, store.visitor);
  const body = formatCheckpoint({ origin: ORIGIN, size: 5, root: range.root(), extensions: [] });
  return {
    checkpoint: signNote(backend, body, [key]),
    keys: [formatVerifierKey(signer)],
    leaves: [1, 4].map((leafIndex) => ({
      leafIndex,
      leafHash: toBase64(leaves[leafIndex]!),
      path: inclusionProof(backend, leafIndex, 5, store).map(toBase64),
    })),
  };
}

/** Base64 with its first character changed: another hash of the same length. */
const flip = (b64: string) => (b64[0] === 'A' ? 'B' : 'A') + b64.slice(1);

describe('checkProofs', () => {
  it('proves every leaf against a checkpoint signed by a published key', () => {
    expect(checkProofs(material())).toEqual({ ok: true, treeSize: 5 });
  });

  it('names the leaf whose path or hash was changed', () => {
    const changedPath = material();
    changedPath.leaves[1]!.path[0] = flip(changedPath.leaves[1]!.path[0]!);
    expect(checkProofs(changedPath)).toEqual({ ok: false, reason: 'path', failed: [1] });
    const changedLeaf = material();
    changedLeaf.leaves[0]!.leafHash = flip(changedLeaf.leaves[0]!.leafHash);
    expect(checkProofs(changedLeaf)).toEqual({ ok: false, reason: 'path', failed: [0] });
  });

  it('refuses a checkpoint signed by another key, or changed after signing', () => {
    expect(checkProofs(material(stranger))).toEqual({ ok: false, reason: 'note' });
    const changed = material();
    changed.checkpoint = changed.checkpoint.replace('\n5\n', '\n6\n');
    expect(checkProofs(changed)).toEqual({ ok: false, reason: 'note' });
  });

  it('fails, without throwing, on malformed material', () => {
    expect(checkProofs({ ...material(), keys: ['not a key'] })).toEqual({
      ok: false,
      reason: 'note',
    });
    const broken = material();
    broken.leaves[0]!.path = ['%%%'];
    expect(checkProofs(broken)).toEqual({ ok: false, reason: 'path', failed: [0] });
  });
});
