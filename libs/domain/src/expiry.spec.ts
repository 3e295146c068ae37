// Expiry (GS1 AI 17): day 00 is the month's end, the pack is usable through its expiry day (UTC),
// the century follows GS1's sliding window, and unreal dates are rejected.

import { expiryEnd, expiryIsoDate, isExpired } from './expiry';

const at = (iso: string) => new Date(iso);

describe('expiry', () => {
  it('is usable through the expiry day and expired from the next midnight UTC', () => {
    expect(isExpired('261231', at('2026-12-31T23:59:59.999Z'))).toBe(false);
    expect(isExpired('261231', at('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('reads day 00 as the last day of the month, leap years included', () => {
    expect(expiryIsoDate('280200', at('2026-01-01'))).toBe('2028-02-29');
    expect(expiryIsoDate('270200', at('2026-01-01'))).toBe('2027-02-28');
    expect(expiryIsoDate('260400', at('2026-01-01'))).toBe('2026-04-30');
  });

  it("resolves the century with GS1's sliding window", () => {
    expect(expiryIsoDate('760101', at('2026-06-01'))).toBe('2076-01-01');
    expect(expiryIsoDate('770101', at('2026-06-01'))).toBe('1977-01-01');
    expect(expiryIsoDate('010101', at('2099-06-01'))).toBe('2101-01-01');
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['261301', '260230', '270229', '26123', '2612311', 'ab1231', '260001']) {
      expect(expiryEnd(bad, at('2026-01-01'))).toBeNull();
    }
    expect(() => isExpired('261301', at('2026-01-01'))).toThrow(RangeError);
  });
});
