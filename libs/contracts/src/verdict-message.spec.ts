import { VERDICT_CODES, VERDICT_SENTENCES } from '@pedigree/domain';
import fc from 'fast-check';
import { QUARANTINE_REASONS, QUARANTINE_SENTENCES } from './quarantine-reason';
import {
  acceptedVerdicts,
  decodeVerdictMessage,
  encodeVerdictMessage,
  quarantinedVerdicts,
  verdictMessageSchema,
} from './verdict-message';

const device = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';

describe('verdict messages', () => {
  it('answers an accepted envelope with one verdict per scan, in order, with its sentence', () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.array(fc.constantFrom(...VERDICT_CODES), { minLength: 1, maxLength: 20 }),
        (seq, codes) => {
          const message = acceptedVerdicts(
            { device, seq },
            codes.map((code) => ({ code })),
          );
          expect(verdictMessageSchema.parse(message)).toEqual(message);
          expect(message.verdicts.map((v) => v.sentence)).toEqual(
            codes.map((c) => VERDICT_SENTENCES[c]),
          );
          expect(decodeVerdictMessage(encodeVerdictMessage(message))).toEqual(message);
        },
      ),
    );
  });

  it('answers a quarantined envelope with its reason and no verdicts', () => {
    for (const reason of QUARANTINE_REASONS) {
      const message = quarantinedVerdicts(device, null, reason);
      expect(message).toEqual({
        v: 1,
        device,
        seq: null,
        accepted: false,
        reason,
        detail: QUARANTINE_SENTENCES[reason],
        verdicts: [],
      });
      expect(verdictMessageSchema.safeParse(message).success).toBe(true);
    }
  });

  it('refuses inconsistent messages and bad payloads', () => {
    const ok = acceptedVerdicts({ device, seq: 1 }, [{ code: 'OK' }, { code: 'RECALLED' }]);
    const invalid = [
      { ...ok, reason: 'SCHEMA' },
      { ...ok, verdicts: [...ok.verdicts].reverse() },
      { ...ok, seq: null },
      { ...quarantinedVerdicts(device, 1, 'BAD_SIGNATURE'), verdicts: ok.verdicts },
      { ...ok, id: 1 },
    ];
    for (const message of invalid)
      expect(verdictMessageSchema.safeParse(message).success).toBe(false);
    expect(decodeVerdictMessage(Uint8Array.from([0xff]))).toBeNull();
    expect(() => acceptedVerdicts({ device, seq: 1 }, [])).toThrow(RangeError);
  });
});
