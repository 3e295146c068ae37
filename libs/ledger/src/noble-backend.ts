// The portable CryptoBackend: @noble/curves and @noble/hashes, pure JavaScript, for the browser
// (consumer page proof check) and the scanner agent. About 14x slower than node:crypto for
// Ed25519, so the server uses node.ts instead. Verification is strict RFC 8032 (`zip215: false`):
// canonical encodings of A and R, s < L, small-order A rejected, cofactored equation.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { assertLength, isBytes } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';

/**
 * A CryptoBackend built on @noble/curves (`ed25519`, `zip215: false`) and @noble/hashes.
 *
 * @throws never (the backend's `sign` and `publicKeyFromSeed` throw LedgerError INVALID_KEY
 *   on a seed that is not 32 bytes)
 * @example
 * const backend = createNobleBackend();
 * backend.sha256(new TextEncoder().encode('abc'));
 */
export function createNobleBackend(): CryptoBackend {
  return {
    name: 'noble',
    sha256: (data) => sha256(data),
    sign(seed, msg) {
      assertSeed(seed);
      return ed25519.sign(msg, seed);
    },
    verify(pub, msg, sig) {
      if (!isBytes(pub) || pub.length !== 32 || !isBytes(sig) || sig.length !== 64) return false;
      try {
        return ed25519.verify(sig, msg, pub, { zip215: false });
      } catch {
        return false;
      }
    },
    publicKeyFromSeed(seed) {
      assertSeed(seed);
      return ed25519.getPublicKey(seed);
    },
  };
}

function assertSeed(seed: Uint8Array): void {
  try {
    assertLength(seed, 32, 'An Ed25519 secret seed');
  } catch (e) {
    throw new LedgerError('INVALID_KEY', (e as Error).message);
  }
}

/**
 * A shared noble backend, for callers that need just one.
 * @example import { nobleBackend } from '@pedigree/ledger';
 */
export const nobleBackend: CryptoBackend = createNobleBackend();
