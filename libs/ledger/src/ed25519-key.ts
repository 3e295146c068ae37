// Strict Ed25519 public-key enrolment. Verifiers in the wild disagree on edge cases (CCTV
// vectors: node:crypto and noble differ on 266 of 914), almost all of them about keys or R values
// that are non-canonical or have a low-order component. Refusing such keys once, when a device,
// sealer or witness key is enrolled, removes the key side of that disagreement for good.
// Uses @noble/curves point arithmetic; enrolment is rare, so speed does not matter here.
import { ed25519 } from '@noble/curves/ed25519.js';
import { isBytes } from './bytes';
import { LedgerError } from './ledger-error';

const P = 2n ** 255n - 19n;

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/**
 * Accepts only a 32-byte Ed25519 public key that is the canonical encoding of a point of prime
 * order L (a multiple of the base point other than the identity). Rejects, with a sentence that
 * says which: a wrong length, y >= p, x = 0 with the sign bit set, a y that is not on the curve,
 * a small-order point (order 1, 2, 4 or 8), a mixed-order point (a low-order component: [L]A != O).
 *
 * @throws LedgerError INVALID_PUBLIC_KEY when the key must not be enrolled
 * @example assertStrictPublicKey(fromHex(device.publicKeyHex)); // throws or returns
 */
export function assertStrictPublicKey(pub: Uint8Array): void {
  const reject = (why: string): never => {
    throw new LedgerError(
      'INVALID_PUBLIC_KEY',
      `This Ed25519 public key cannot be enrolled: ${why}.`,
    );
  };
  if (!isBytes(pub) || pub.length !== 32) {
    reject(`it must be 32 bytes, got ${isBytes(pub) ? pub.length : typeof pub}`);
  }
  const signBit = (pub[31]! & 0x80) !== 0;
  const yBytes = Uint8Array.from(pub);
  yBytes[31]! &= 0x7f;
  if (littleEndian(yBytes) >= P) {
    reject('its y coordinate is not reduced modulo p (non-canonical encoding)');
  }
  let point: InstanceType<typeof ed25519.Point>;
  try {
    point = ed25519.Point.fromBytes(pub, true);
  } catch {
    return reject('it does not encode a point on the curve');
  }
  if (point.x === 0n && signBit) {
    reject('x is 0 but the sign bit is set (non-canonical encoding)');
  }
  if (point.isSmallOrder()) {
    reject('it is a small-order point, which lets one signature verify for many messages');
  }
  if (!point.isTorsionFree()) {
    reject('it has a low-order component (mixed order: [L]A is not the identity)');
  }
}

/**
 * Boolean form of {@link assertStrictPublicKey}.
 * @throws never
 * @example if (!isStrictPublicKey(pub)) return 'rejected';
 */
export function isStrictPublicKey(pub: Uint8Array): boolean {
  try {
    assertStrictPublicKey(pub);
    return true;
  } catch {
    return false;
  }
}
