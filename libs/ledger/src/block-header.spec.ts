// Block header: the byte layout documented in block-header.ts, hashing, signing, rejections.
import fc from 'fast-check';
import { backends } from '../test/ledger-vectors';
import {
  blockHash,
  decodeBlockHeader,
  encodeBlockHeader,
  GENESIS_PREVIOUS_HASH,
  signBlockHeader,
  verifyBlockHeader,
  type BlockHeader,
} from './block-header';
import { toHex } from './bytes';

const header: BlockHeader = {
  version: 1,
  height: 1,
  previousHash: new Uint8Array(32).fill(0xaa),
  timeMs: 1_767_225_600_000,
  treeSize: 258,
  root: new Uint8Array(32).fill(0xbb),
};

test('the encoding is the documented 89-byte layout', () => {
  expect(toHex(encodeBlockHeader(header))).toBe(
    '01' +
      '0000000000000001' +
      'aa'.repeat(32) +
      '0000019b76daa800' +
      '0000000000000102' +
      'bb'.repeat(32),
  );
});

test('decode(encode(h)) = h for any header', () => {
  const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const u53 = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      hash,
      u53,
      u53,
      hash,
      (height, prev, t, n, root) => {
        const h: BlockHeader = {
          version: 1,
          height,
          previousHash: prev,
          timeMs: t,
          treeSize: n,
          root,
        };
        expect(decodeBlockHeader(encodeBlockHeader(h))).toEqual(h);
      },
    ),
  );
});

describe.each(backends)('$name backend', (backend) => {
  const seed = new Uint8Array(32).fill(5);
  const pub = backend.publicKeyFromSeed(seed);

  test('sign and verify; any change to the header breaks the signature', () => {
    const sig = signBlockHeader(backend, seed, header);
    expect(verifyBlockHeader(backend, pub, header, sig)).toBe(true);
    expect(verifyBlockHeader(backend, pub, { ...header, treeSize: 259 }, sig)).toBe(false);
    expect(verifyBlockHeader(backend, pub, { ...header, height: 0 }, sig)).toBe(false);
    expect(verifyBlockHeader(backend, pub, header, sig.subarray(1))).toBe(false);
  });

  test('blockHash is SHA-256 of the encoding and chains blocks', () => {
    expect(blockHash(backend, header)).toEqual(backend.sha256(encodeBlockHeader(header)));
    const next = { ...header, height: 2, previousHash: blockHash(backend, header) };
    expect(decodeBlockHeader(encodeBlockHeader(next)).previousHash).toEqual(
      blockHash(backend, header),
    );
  });
});

test('malformed headers are refused with a reason', () => {
  expect(() => decodeBlockHeader(new Uint8Array(88))).toThrow('must be 89 bytes');
  const bytes = encodeBlockHeader(header);
  bytes[0] = 2;
  expect(() => decodeBlockHeader(bytes)).toThrow('version 2');
  expect(() => encodeBlockHeader({ ...header, height: 0 })).toThrow('genesis');
  expect(() =>
    encodeBlockHeader({ ...header, height: 0, previousHash: GENESIS_PREVIOUS_HASH }),
  ).not.toThrow();
  expect(() => encodeBlockHeader({ ...header, timeMs: -1 })).toThrow('timeMs');
  expect(() => encodeBlockHeader({ ...header, root: new Uint8Array(31) })).toThrow(
    'root must be 32 bytes',
  );
  const big = encodeBlockHeader(header);
  big[41] = 0xff;
  expect(() => decodeBlockHeader(big)).toThrow('2^53');
});
