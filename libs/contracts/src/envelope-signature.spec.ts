import { createNobleBackend, fromBase64, toBase64 } from '@pedigree/ledger';
import { createNodeCryptoBackend } from '@pedigree/ledger/node';
import fc from 'fast-check';
import type { ScanEnvelope } from './envelope';
import { envelopeDigest, signEnvelope, signingBytes, verifyEnvelope } from './envelope-signature';
import {
  TEST_SEED,
  glnArb,
  sampleUnsigned,
  timestampArb,
  unsignedEnvelopeArb,
} from './envelope.fixture';

const node = createNodeCryptoBackend();
const noble = createNobleBackend();
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

/** Every way to change one field of a signed envelope, given a source of replacement values. */
const mutationArb = (envelope: ScanEnvelope): fc.Arbitrary<ScanEnvelope> => {
  const scan = fc.nat(envelope.scans.length - 1);
  const withScan = (i: number, change: object): ScanEnvelope => ({
    ...envelope,
    scans: envelope.scans.map((s, j) => (j === i ? ({ ...s, ...change } as typeof s) : s)),
  });
  return fc.oneof(
    fc.constant<ScanEnvelope>({ ...envelope, v: 2 as unknown as 1 }),
    fc.uuid().map((device) => ({ ...envelope, device })),
    fc.maxSafeNat().map((seq) => ({ ...envelope, seq })),
    timestampArb.map((sentAt) => ({ ...envelope, sentAt })),
    fc.constant<ScanEnvelope>({ ...envelope, scans: [...envelope.scans, envelope.scans[0]!] }),
    fc.constant<ScanEnvelope>({ ...envelope, scans: envelope.scans.slice(1) }),
    fc.constant<ScanEnvelope>({ ...envelope, scans: [...envelope.scans].reverse() }),
    fc
      .tuple(scan, fc.string({ unit: 'binary', minLength: 1 }))
      .map(([i, extra]) => withScan(i, { raw: envelope.scans[i]!.raw + extra })),
    fc.tuple(scan, timestampArb).map(([i, at]) => withScan(i, { at })),
    fc
      .tuple(scan, fc.constantFrom('shipping', 'receiving', 'inspecting', 'dispensing'))
      .map(([i, step]) => withScan(i, { step })),
    fc.tuple(scan, glnArb).map(([i, site]) => withScan(i, { site })),
    fc
      .tuple(scan, fc.option(glnArb, { nil: undefined }))
      .map(([i, destination]) => withScan(i, { destination })),
    fc
      .tuple(scan, fc.option(fc.stringMatching(/^[!-~]{1,10}$/), { nil: undefined }))
      .map(([i, shipment]) => withScan(i, { shipment })),
    fc.tuple(fc.nat(63), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
      const sig = fromBase64(envelope.sig);
      sig[at]! ^= xor;
      return { ...envelope, sig: toBase64(sig) };
    }),
  );
};

describe('envelope signatures', () => {
  it.each([node, noble])('sign then verify is true ($name backend)', (backend) => {
    fc.assert(
      fc.property(seedArb, unsignedEnvelopeArb, (seed, unsigned) => {
        const envelope = signEnvelope(backend, seed, unsigned);
        expect(verifyEnvelope(backend, backend.publicKeyFromSeed(seed), envelope)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('both backends make the same signature, and verify each other', () => {
    fc.assert(
      fc.property(seedArb, unsignedEnvelopeArb, (seed, unsigned) => {
        const a = signEnvelope(node, seed, unsigned);
        expect(signEnvelope(noble, seed, unsigned).sig).toBe(a.sig);
        expect(verifyEnvelope(noble, node.publicKeyFromSeed(seed), a)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it.each([node, noble])(
    'any change to any field makes verify false ($name backend)',
    (backend) => {
      const publicKey = backend.publicKeyFromSeed(TEST_SEED);
      const pairs = unsignedEnvelopeArb
        .map((unsigned) => signEnvelope(node, TEST_SEED, unsigned))
        .chain((envelope) => fc.tuple(fc.constant(envelope), mutationArb(envelope)));
      fc.assert(
        fc.property(pairs, ([original, changed]) => {
          fc.pre(JSON.stringify(changed) !== JSON.stringify(original));
          expect(verifyEnvelope(backend, publicKey, changed)).toBe(false);
        }),
        { numRuns: 150 },
      );
    },
  );

  it('refuses another key, and never throws on a malformed signature or key', () => {
    const envelope = signEnvelope(node, TEST_SEED, sampleUnsigned);
    const other = node.publicKeyFromSeed(new Uint8Array(32));
    expect(verifyEnvelope(node, other, envelope)).toBe(false);
    expect(verifyEnvelope(node, new Uint8Array(5), envelope)).toBe(false);
    expect(
      verifyEnvelope(noble, node.publicKeyFromSeed(TEST_SEED), { ...envelope, sig: '!!' }),
    ).toBe(false);
  });

  it('signs the canonical JSON without sig, after the context line, whatever the key order', () => {
    const envelope = signEnvelope(node, TEST_SEED, sampleUnsigned);
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(envelope).reverse())),
    ) as ScanEnvelope;
    const text = new TextDecoder().decode(signingBytes(reordered));
    expect(text).toBe(
      'pedigree/scan-envelope/v1\n' +
        '{"device":"6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6","scans":[{"at":"2026-03-14T09:26:58.431Z",' +
        '"raw":"]d201095060001343521728123110L42\\u001d21PK0001","site":"5412345000013",' +
        '"step":"receiving"}],"sentAt":"2026-03-14T09:27:05.120Z","seq":7,"v":1}',
    );
    expect(verifyEnvelope(node, node.publicKeyFromSeed(TEST_SEED), reordered)).toBe(true);
  });

  it('gives the same digest for a redelivery and a different one for other content', () => {
    const first = signEnvelope(node, TEST_SEED, sampleUnsigned);
    const again = JSON.parse(JSON.stringify(first)) as ScanEnvelope;
    const other = signEnvelope(node, TEST_SEED, {
      ...sampleUnsigned,
      sentAt: '2026-03-14T09:30:00Z',
    });
    expect(envelopeDigest(noble, again)).toEqual(envelopeDigest(node, first));
    expect(envelopeDigest(node, other)).not.toEqual(envelopeDigest(node, first));
    expect(envelopeDigest(node, first)).toHaveLength(32);
  });
});
