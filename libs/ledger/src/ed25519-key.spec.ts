// Strict key enrolment: each rejection reason, and acceptance of ordinary keys.
import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { backends } from '../test/ledger-vectors';
import { fromHex } from './bytes';
import { assertStrictPublicKey, isStrictPublicKey } from './ed25519-key';
import { LedgerError } from './ledger-error';

const reason = (pub: Uint8Array): string => {
  try {
    assertStrictPublicKey(pub);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe('INVALID_PUBLIC_KEY');
    return (e as Error).message;
  }
};

test('keys derived from seeds are accepted', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
      expect(isStrictPublicKey(backends[0].publicKeyFromSeed(seed))).toBe(true);
    }),
    { numRuns: 30 },
  );
});

test('each kind of bad key is rejected with a sentence that says why', () => {
  expect(reason(new Uint8Array(31))).toMatch(/must be 32 bytes, got 31/);
  // y = p (non-canonical encoding of y = 0).
  expect(
    reason(fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')),
  ).toMatch(/not reduced/);
  // y = 1 with the sign bit set: x = 0 and sign 1.
  expect(
    reason(fromHex('0100000000000000000000000000000000000000000000000000000000000080')),
  ).toMatch(/x is 0/);
  // y = 2 is not on the curve.
  expect(
    reason(fromHex('0200000000000000000000000000000000000000000000000000000000000000')),
  ).toMatch(/not encode a point/);
  // The identity and the order-2 point.
  expect(
    reason(fromHex('0100000000000000000000000000000000000000000000000000000000000000')),
  ).toMatch(/small-order/);
  expect(
    reason(fromHex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')),
  ).toMatch(/small-order/);
  // A valid key plus the order-2 point: mixed order.
  const pub = ed25519.Point.fromBytes(backends[0].publicKeyFromSeed(new Uint8Array(32).fill(3)));
  const mixed = pub.add(
    ed25519.Point.fromBytes(
      fromHex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'),
    ),
  );
  expect(reason(mixed.toBytes())).toMatch(/low-order component/);
});
