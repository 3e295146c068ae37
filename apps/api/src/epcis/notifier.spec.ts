import { retryDelayMs, signature } from './notifier';

describe('GS1-Signature', () => {
  it('is the hex HMAC-SHA256 of the body keyed with the secret (RFC 4231 and a known pair)', () => {
    // RFC 4231, test case 2.
    expect(signature('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(signature('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('signs the exact bytes: one character more is another signature', () => {
    expect(signature('key', '{"a":1}')).not.toBe(signature('key', '{"a":1} '));
  });
});

describe('retry delays', () => {
  it('double from one second', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });
});
