// The server's CryptoBackend: node:crypto (OpenSSL), the hot path of ingest (device signatures)
// and the sealer (leaf and node hashes). Kept out of index.ts (exported from node.ts) so a
// browser bundle never pulls in node:crypto.
//
// Speed, measured on the 2-core build machine (TOOLCHAIN.md): importing a raw public key as JWK
// is ~14x faster than SPKI DER, and a cached KeyObject makes verify ~12,800/s. Keys are cached
// per 32-byte key in a bounded map (oldest entry evicted first). `crypto.hash` (Node >= 20.12)
// skips the Hash object that createHash allocates.
import * as crypto from 'node:crypto';
import { assertLength, isBytes } from './bytes';
import type { CryptoBackend } from './crypto-backend';
import { LedgerError } from './ledger-error';

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/** Options for {@link createNodeCryptoBackend}. */
export interface NodeCryptoBackendOptions {
  /** How many public keys (and, separately, seeds) to keep imported. Default 10,000. */
  readonly keyCacheSize?: number;
}

/**
 * A CryptoBackend on node:crypto with per-key KeyObject caches.
 *
 * @throws never (the backend's `sign` and `publicKeyFromSeed` throw LedgerError INVALID_KEY
 *   on a seed that is not 32 bytes)
 * @example
 * import { createNodeCryptoBackend } from '@pedigree/ledger/node';
 * const backend = createNodeCryptoBackend();
 * backend.verify(devicePublicKey, envelopeBytes, signature);
 */
export function createNodeCryptoBackend(options: NodeCryptoBackendOptions = {}): CryptoBackend {
  const limit = options.keyCacheSize ?? 10_000;
  const publicKeys = new Map<string, crypto.KeyObject>();
  const privateKeys = new Map<string, crypto.KeyObject>();

  const remember = (cache: Map<string, crypto.KeyObject>, id: string, key: crypto.KeyObject) => {
    if (cache.size >= limit) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(id, key);
  };

  const privateKey = (seed: Uint8Array): crypto.KeyObject => {
    try {
      assertLength(seed, 32, 'An Ed25519 secret seed');
    } catch (e) {
      throw new LedgerError('INVALID_KEY', (e as Error).message);
    }
    const id = latin1(seed);
    let key = privateKeys.get(id);
    if (key === undefined) {
      const der = new Uint8Array(48);
      der.set(PKCS8_ED25519_PREFIX, 0);
      der.set(seed, 16);
      key = crypto.createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
      remember(privateKeys, id, key);
    }
    return key;
  };

  const sha256: (data: Uint8Array) => Uint8Array =
    typeof crypto.hash === 'function'
      ? (data) => crypto.hash('sha256', data, 'buffer')
      : (data) => crypto.createHash('sha256').update(data).digest();

  return {
    name: 'node',
    sha256,
    sign: (seed, msg) => crypto.sign(null, msg, privateKey(seed)),
    verify(pub, msg, sig) {
      if (!isBytes(pub) || pub.length !== 32 || !isBytes(sig) || sig.length !== 64) return false;
      const id = latin1(pub);
      let key = publicKeys.get(id);
      try {
        if (key === undefined) {
          const x = Buffer.from(pub.buffer, pub.byteOffset, 32).toString('base64url');
          key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
          remember(publicKeys, id, key);
        }
        return crypto.verify(null, msg, key, sig);
      } catch {
        return false;
      }
    },
    publicKeyFromSeed(seed) {
      const der = crypto.createPublicKey(privateKey(seed)).export({ format: 'der', type: 'spki' });
      return new Uint8Array(der.subarray(der.length - 32));
    },
  };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/**
 * A shared node:crypto backend with the default cache size, for callers that need just one.
 * @example import { nodeCryptoBackend } from '@pedigree/ledger/node';
 */
export const nodeCryptoBackend: CryptoBackend = createNodeCryptoBackend();
