// Verifiers for RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs: the code the
// consumer page, the CLI and the witnesses run without trusting the server.
//
// Convention: verifiers RETURN A BOOLEAN and never throw, whatever the input (wrong sizes,
// malformed hashes, non-arrays). "false" means "this proof does not establish the claim".
// Every hash (leaf hash, roots, proof elements) must be exactly 32 bytes, even where the
// algorithm would not look at it: so the transparency-dev vector
// consistency/additional/sizes-are-equal-one-and-proof-is-empty.json (12-byte placeholder roots,
// wantErr false upstream) is rejected here on purpose (see README.md).
import { bytesEqual } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { createNodeHasher, emptyRoot, isHash } from './merkle-hash';
import { isPowerOfTwo } from './tree-math';

function isSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function allHashes(proof: unknown): proof is Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash);
}

const half = (n: number): number => Math.floor(n / 2);
const lsb = (n: number): boolean => n % 2 === 1;

/**
 * The root that an inclusion proof implies, or undefined when the proof's shape does not fit the
 * index and size (RFC 9162 §2.1.3.2 steps 1-5, without the final comparison).
 * @throws never
 * @example const root = rootFromInclusionProof(backend, 5, 8, leaf, proof);
 */
export function rootFromInclusionProof(
  backend: CryptoBackend,
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | undefined {
  if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize) return undefined;
  if (!isHash(leafHash) || !allHashes(proof)) return undefined;
  const hash = createNodeHasher(backend);
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (lsb(fn) || fn === sn) {
      r = hash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

/**
 * RFC 9162 §2.1.3.2: does `proof` show the leaf with hash `leafHash` at `leafIndex` in the tree of
 * `treeSize` leaves whose root is `root`? Returns false (never throws) on any malformed input.
 * @throws never
 * @example verifyInclusion(backend, 5, 8, leafHash(backend, event), proof, signedRoot) // true
 */
export function verifyInclusion(
  backend: CryptoBackend,
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(root)) return false;
  const computed = rootFromInclusionProof(backend, leafIndex, treeSize, leafHash, proof);
  return computed !== undefined && bytesEqual(computed, root);
}

/**
 * RFC 9162 §2.1.4.2: is the tree of `size1` leaves with root `root1` a prefix of the tree of
 * `size2` leaves with root `root2`? Edge cases: size1 > size2 is false; size1 == size2 needs an
 * empty proof and equal roots; size1 == 0 needs an empty proof and root1 == SHA-256("").
 * Returns false (never throws) on any malformed input, including any hash that is not 32 bytes.
 * @throws never
 * @example verifyConsistency(backend, lastSize, size, proof, lastRoot, root) // witness check
 */
export function verifyConsistency(
  backend: CryptoBackend,
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isSize(size1) || !isSize(size2) || size1 > size2) return false;
  if (!isHash(root1) || !isHash(root2) || !allHashes(proof)) return false;
  if (size1 === 0) {
    return (
      proof.length === 0 &&
      bytesEqual(root1, emptyRoot(backend)) &&
      (size2 > 0 || bytesEqual(root1, root2))
    );
  }
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  if (proof.length === 0) return false;

  const hash = createNodeHasher(backend);
  // Step 2: when size1 is a power of two, its root is the first element of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = hash(c, fr);
      sr = hash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}
