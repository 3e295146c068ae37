import { isValidGln, isValidGtin, isValidSscc } from './check-digit';
import { randomGln, randomGtin, randomSscc } from './random-keys';

describe('random GS1 keys', () => {
  it('are valid keys of the right length, and differ', () => {
    const glns = Array.from({ length: 200 }, randomGln);
    expect(glns.every((gln) => gln.length === 13 && isValidGln(gln))).toBe(true);
    expect(new Set(glns).size).toBe(200);
    expect(Array.from({ length: 200 }, randomGtin).every(isValidGtin)).toBe(true);
    expect(Array.from({ length: 200 }, randomSscc).every(isValidSscc)).toBe(true);
  });
});
