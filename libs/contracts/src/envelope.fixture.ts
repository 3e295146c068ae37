// Shared test data for the contract specs: the published TEST KEY (docs/protocol.md, "Worked
// example"; never enrolled anywhere real) and fast-check generators of valid envelopes.
import { gs1CheckDigit } from '@pedigree/gs1';
import fc from 'fast-check';
import { SCAN_STEPS, type Scan, type UnsignedScanEnvelope } from './envelope';

/** The TEST KEY seed: the bytes 0x01 to 0x20. */
export const TEST_SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

/** A GLN with its check digit. */
export const glnArb = fc.stringMatching(/^\d{12}$/).map((body) => `${body}${gs1CheckDigit(body)}`);

/** A protocol timestamp (always 3 fraction digits here, as toISOString writes them). */
export const timestampArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z') })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString());

/** Scanned text: any Unicode, GS separators likely. */
export const rawArb = fc
  .array(
    fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constant('\u001d')),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

export const scanArb: fc.Arbitrary<Scan> = fc
  .record({
    raw: rawArb,
    at: timestampArb,
    step: fc.constantFrom(...SCAN_STEPS),
    site: glnArb,
    destination: glnArb,
    shipment: fc.option(fc.stringMatching(/^[!-~](?:[ -~]{0,20}[!-~])?$/), { nil: undefined }),
  })
  .map(({ destination, shipment, ...scan }) => ({
    ...scan,
    ...(scan.step === 'shipping' && { destination }),
    ...(shipment !== undefined && { shipment }),
  }));

export const unsignedEnvelopeArb: fc.Arbitrary<UnsignedScanEnvelope> = fc.record({
  v: fc.constant(1 as const),
  device: fc.uuid(),
  seq: fc.maxSafeNat(),
  sentAt: timestampArb,
  scans: fc.array(scanArb, { minLength: 1, maxLength: 4 }),
});

/** A fixed valid envelope body for the negative tests. */
export const sampleUnsigned: UnsignedScanEnvelope = {
  v: 1,
  device: '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6',
  seq: 7,
  sentAt: '2026-03-14T09:27:05.120Z',
  scans: [
    {
      raw: ']d201095060001343521728123110L42\u001d21PK0001',
      at: '2026-03-14T09:26:58.431Z',
      step: 'receiving',
      site: '5412345000013',
    },
  ],
};
