/**
 * What the consumer page's browser proves, without trusting the server beyond the key it
 * publishes: the checkpoint note is signed by one of the keys (C2SP signed note, Ed25519, strict
 * RFC 8032), and each sealed journey step's leaf hash, with its inclusion path, leads to that
 * checkpoint's root at its size (RFC 9162 §2.1.3.2). Pure: the page script feeds it the JSON
 * material and shows the outcome.
 */
import {
  fromBase64,
  nobleBackend,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  verifyInclusion,
  type CryptoBackend,
} from '@pedigree/ledger';

/** One sealed step's proof as the page serves it (base64 hashes). */
export interface LeafProof {
  leafIndex: number;
  leafHash: string;
  path: string[];
}

/** The page's proof material: the signed checkpoint, the published vkeys, the steps' proofs. */
export interface ProofMaterial {
  checkpoint: string;
  keys: string[];
  leaves: LeafProof[];
}

/** Every step proven, or why not: the note's signature, or the steps whose path fails. */
export type ProofOutcome =
  | { ok: true; treeSize: number }
  | { ok: false; reason: 'note' }
  | { ok: false; reason: 'path'; failed: number[] };

/**
 * Checks the material; never throws (malformed material is a failed check).
 * @example checkProofs({ checkpoint, keys: [vkey], leaves }) // { ok: true, treeSize: 42 }
 */
export function checkProofs(
  material: ProofMaterial,
  backend: CryptoBackend = nobleBackend,
): ProofOutcome {
  let size: number;
  let root: Uint8Array;
  try {
    const keys = material.keys.map((vkey) => parseVerifierKey(backend, vkey));
    const checkpoint = parseCheckpoint(openNote(backend, material.checkpoint, keys).text);
    if (!keys.some((key) => key.name === checkpoint.origin)) return { ok: false, reason: 'note' };
    size = checkpoint.size;
    root = checkpoint.root;
  } catch {
    return { ok: false, reason: 'note' };
  }
  const failed = material.leaves.flatMap((leaf, i) =>
    proves(backend, leaf, size, root) ? [] : [i],
  );
  return failed.length === 0 ? { ok: true, treeSize: size } : { ok: false, reason: 'path', failed };
}

function proves(backend: CryptoBackend, leaf: LeafProof, size: number, root: Uint8Array): boolean {
  try {
    return verifyInclusion(
      backend,
      leaf.leafIndex,
      size,
      fromBase64(leaf.leafHash),
      leaf.path.map(fromBase64),
      root,
    );
  } catch {
    return false;
  }
}
