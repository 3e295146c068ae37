import { PACK_STATES, VERDICT_CODES } from '@pedigree/domain';
import { LANGUAGES } from './consumer-request';
import { WORDS, consumerVerdict, fill } from './consumer-words';

describe('consumerVerdict', () => {
  it('maps the verdicts as docs/consumer-page.md says', () => {
    const levels = Object.fromEntries(
      VERDICT_CODES.map((code) => [code, consumerVerdict(code, 'active').level]),
    );
    expect(levels).toEqual({
      OK: 'genuine',
      UNKNOWN_PRODUCT: 'danger',
      UNKNOWN_SERIAL: 'danger',
      BATCH_MISMATCH: 'danger',
      EXPIRY_MISMATCH: 'danger',
      ALREADY_DECOMMISSIONED: 'caution',
      RECALLED: 'danger',
      EXPIRED: 'caution',
      LOCKED: 'danger',
      WRONG_CUSTODY: 'danger',
      SUSPECT: 'danger',
      MALFORMED_CODE: 'danger',
    });
  });

  it('tells a dispensed pack (caution) from a destroyed or stolen one (danger)', () => {
    expect(consumerVerdict('ALREADY_DECOMMISSIONED', 'dispensed')).toEqual({
      level: 'caution',
      sentence: 'DISPENSED',
    });
    expect(consumerVerdict('ALREADY_DECOMMISSIONED', 'destroyed')).toEqual({
      level: 'danger',
      sentence: 'DESTROYED',
    });
    expect(consumerVerdict('ALREADY_DECOMMISSIONED', 'stolen')).toEqual({
      level: 'danger',
      sentence: 'STOLEN',
    });
  });

  it('has a sentence for every verdict and state, in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of VERDICT_CODES) {
        for (const state of PACK_STATES) {
          expect(WORDS[language].sentences[consumerVerdict(code, state).sentence]).toMatch(/\.$/);
        }
      }
    }
  });
});

describe('fill', () => {
  it('fills known marks and leaves unknown ones', () => {
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
