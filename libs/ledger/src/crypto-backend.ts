// The seam between the ledger's logic and the platform's cryptography. The server injects the
// node:crypto backend (node.ts: fast, OpenSSL); the browser and the scanner agent inject the
// @noble backend. Both must give the same answers on every input the ledger accepts: the test
// suite runs every known-answer vector through both, and pins where they differ (README.md).
// Synchronous on purpose: SHA-256 and Ed25519 are microseconds, and a Promise per Merkle node
// would cost more than the hash.

/**
 * Hash and signature primitives the ledger needs. Every method is pure and synchronous.
 *
 * @example
 * const backend: CryptoBackend = createNobleBackend();
 * const pub = backend.publicKeyFromSeed(seed);
 * backend.verify(pub, msg, backend.sign(seed, msg)); // true
 */
export interface CryptoBackend {
  /** A short name for logs and benchmarks: 'node' or 'noble'. */
  readonly name: string;
  /** SHA-256 of `data` (32 bytes). Never throws. */
  sha256(data: Uint8Array): Uint8Array;
  /**
   * RFC 8032 Ed25519 signature (64 bytes) of `msg` with the 32-byte secret seed.
   * @throws LedgerError INVALID_KEY when the seed is not 32 bytes
   */
  sign(secretSeed32: Uint8Array, msg: Uint8Array): Uint8Array;
  /**
   * RFC 8032 Ed25519 verification. Returns false (never throws) on any malformed input:
   * wrong lengths, an undecodable key or R, s >= L.
   */
  verify(publicKey32: Uint8Array, msg: Uint8Array, sig64: Uint8Array): boolean;
  /**
   * The 32-byte Ed25519 public key of a 32-byte secret seed.
   * @throws LedgerError INVALID_KEY when the seed is not 32 bytes
   */
  publicKeyFromSeed(seed32: Uint8Array): Uint8Array;
}
