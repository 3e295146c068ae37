import { createNodeCryptoBackend } from '@pedigree/ledger/node';
import fc from 'fast-check';
import {
  MAX_ENVELOPE_BYTES,
  MAX_RAW_BYTES,
  MAX_SCANS,
  envelopeSchema,
  timestampMs,
} from './envelope';
import { signEnvelope } from './envelope-signature';
import { TEST_SEED, sampleUnsigned, unsignedEnvelopeArb } from './envelope.fixture';
import { parseEnvelope } from './parse-envelope';
import { verdictMessageSchema } from './verdict-message';

const node = createNodeCryptoBackend();
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const signed = signEnvelope(node, TEST_SEED, sampleUnsigned);
const scan = signed.scans[0]!;

function refusal(bytes: Uint8Array, topicDevice?: string) {
  const result = parseEnvelope(bytes, { topicDevice });
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('parseEnvelope', () => {
  it('round trips: parse(serialize(envelope)) is the envelope', () => {
    fc.assert(
      fc.property(unsignedEnvelopeArb, fc.boolean(), (unsigned, pretty) => {
        const envelope = signEnvelope(node, TEST_SEED, unsigned);
        const text = pretty ? JSON.stringify(envelope, null, 2) : JSON.stringify(envelope);
        expect(
          parseEnvelope(new TextEncoder().encode(text), { topicDevice: envelope.device }),
        ).toEqual({
          ok: true,
          envelope,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array(), fc.jsonValue().map(encode)), (bytes) => {
        expect(typeof parseEnvelope(bytes).ok).toBe('boolean');
      }),
    );
  });

  describe('OVERSIZE', () => {
    it('refuses a message over 256 KiB before reading it', () => {
      const big = new Uint8Array(MAX_ENVELOPE_BYTES + 1).fill(0x20);
      expect(refusal(big)).toMatchObject({ reason: 'OVERSIZE', seq: null });
      expect(refusal(big).detail).toContain('262145 bytes');
    });
    it('refuses more than 500 scans', () => {
      const many = { ...signed, scans: Array.from({ length: MAX_SCANS + 1 }, () => scan) };
      expect(refusal(encode(many))).toMatchObject({ reason: 'OVERSIZE', seq: 7 });
      expect(refusal(encode(many)).detail).toMatch(/^scans must hold at most 500 scans/);
    });
    it('refuses a raw longer than 2,048 UTF-8 bytes', () => {
      const raw = 'é'.repeat(MAX_RAW_BYTES / 2 + 1);
      const result = refusal(encode({ ...signed, scans: [{ ...scan, raw }] }));
      expect(result).toMatchObject({ reason: 'OVERSIZE' });
      expect(result.detail).toBe('scans[0].raw is 2050 UTF-8 bytes; the limit is 2048');
    });
  });

  it.each([
    ['invalid UTF-8', Uint8Array.from([0x7b, 0xff, 0x7d])],
    ['a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(signed)])],
    ['truncated JSON', encode(signed).slice(0, 40)],
    ['no JSON at all', new TextEncoder().encode('hello')],
  ])('NOT_JSON: %s', (_, bytes) => {
    expect(refusal(bytes)).toMatchObject({ reason: 'NOT_JSON', seq: null });
    expect(refusal(bytes).detail).toMatch(/^the message is not JSON text in UTF-8: /);
  });

  it('UNSUPPORTED_VERSION: an integer v other than 1, even with another shape', () => {
    expect(refusal(encode({ v: 2, seq: 9, anything: true }))).toEqual({
      ok: false,
      reason: 'UNSUPPORTED_VERSION',
      detail: 'the message is protocol version 2; this platform speaks version 1',
      seq: 9,
    });
  });

  it.each([
    ['a top-level array', [signed], 'the envelope must be a JSON object'],
    ['v as text', { ...signed, v: '1' }, 'v must be the protocol version 1'],
    ['no seq', { ...signed, seq: undefined }, 'seq is missing: it must be an integer from 0 to'],
    ['a fractional seq', { ...signed, seq: 1.5 }, 'seq must be an integer from 0 to'],
    ['seq over 2^53 - 1', { ...signed, seq: 2 ** 53 }, 'seq must be an integer from 0 to'],
    ['an upper-case device', { ...signed, device: signed.device.toUpperCase() }, 'device must be'],
    ['a local sentAt', { ...signed, sentAt: '2026-03-14T10:27:05+01:00' }, 'sentAt must be'],
    ['a leap second', { ...signed, sentAt: '2026-12-31T23:59:60Z' }, 'sentAt must be'],
    ['no scans', { ...signed, scans: [] }, 'scans must hold at least one scan'],
    [
      'an unknown top-level field',
      { ...signed, data: 1 },
      'the envelope has an unknown field "data"',
    ],
    [
      'an unknown scan field',
      { ...signed, scans: [{ ...scan, gtin: 'x' }] },
      'scans[0] has an unknown field "gtin"',
    ],
    [
      'an empty raw',
      { ...signed, scans: [{ ...scan, raw: '' }] },
      'scans[0].raw must not be empty',
    ],
    [
      'a lone surrogate',
      { ...signed, scans: [{ ...scan, raw: 'a\ud800' }] },
      'scans[0].raw must be well-formed',
    ],
    [
      'a bad step',
      { ...signed, scans: [{ ...scan, step: 'packing' }] },
      'scans[0].step must be one of shipping, receiving',
    ],
    [
      'a bad GLN check digit',
      { ...signed, scans: [{ ...scan, site: '5412345000014' }] },
      "scans[0].site must be the scanning site's GLN",
    ],
    [
      'shipping without destination',
      { ...signed, scans: [{ ...scan, step: 'shipping' }] },
      'scans[0].destination is missing: a shipping scan',
    ],
    [
      'a destination on receiving',
      { ...signed, scans: [{ ...scan, destination: '5412345000013' }] },
      'scans[0].destination is only allowed on a shipping scan',
    ],
    [
      'a shipment with a tab',
      { ...signed, scans: [{ ...scan, shipment: 'A\tB' }] },
      'scans[0].shipment must be printable ASCII',
    ],
    [
      'a short signature',
      { ...signed, sig: signed.sig.slice(4) },
      'sig must be the Ed25519 signature',
    ],
  ])('SCHEMA: %s', (_, value, detail) => {
    const result = refusal(encode(value));
    expect(result.reason).toBe('SCHEMA');
    expect(result.detail.startsWith(detail)).toBe(true);
  });

  it('SCHEMA: a device other than the topic device', () => {
    const result = refusal(encode(signed), '00000000-0000-4000-8000-000000000000');
    expect(result).toMatchObject({ reason: 'SCHEMA', seq: 7 });
    expect(result.detail).toContain('is not the device of the topic');
  });

  it('counts the other problems', () => {
    const result = refusal(encode({ ...signed, sentAt: 'x', sig: 'y' }));
    expect(result.detail).toMatch(/\(and 1 more problem\)$/);
  });
});

describe('timestampMs', () => {
  it('reads RFC 3339 UTC with 0 to 3 fraction digits and refuses impossible dates', () => {
    expect(timestampMs('2026-03-14T09:27:05.12Z')).toBe(Date.parse('2026-03-14T09:27:05.120Z'));
    expect(timestampMs('2026-03-14T09:27:05Z')).toBe(Date.parse('2026-03-14T09:27:05Z'));
    expect(timestampMs('2026-02-29T00:00:00Z')).toBeNull();
    expect(timestampMs('2026-03-14T09:27:05.1234Z')).toBeNull();
    expect(timestampMs('2026-03-14 09:27:05Z')).toBeNull();
  });
});

describe('wire keys', () => {
  it('no payload has a top-level data, pattern or id key (Nest would misread it)', () => {
    for (const schema of [envelopeSchema, verdictMessageSchema]) {
      const keys = Object.keys(schema.shape);
      expect(keys.length).toBeGreaterThan(0);
      for (const forbidden of ['data', 'pattern', 'id']) expect(keys).not.toContain(forbidden);
    }
  });
});
