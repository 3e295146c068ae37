import fc from 'fast-check';
import {
  COMMISSION_RUN,
  commissionRuns,
  expiryText,
  labelSheets,
  progressText,
  statesText,
  stockText,
} from './manufacturer-view';

describe('commissionRuns', () => {
  it('cuts a large commissioning into runs of 1,000 and the rest', () => {
    expect(commissionRuns(2_500)).toEqual([1_000, 1_000, 500]);
    expect(commissionRuns(1_000)).toEqual([1_000]);
    expect(commissionRuns(1)).toEqual([1]);
    expect(commissionRuns(10, 3)).toEqual([3, 3, 3, 1]);
  });

  it('asks for exactly the count, in runs no larger than the run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (count, run) => {
          const runs = commissionRuns(count, run);
          expect(runs.reduce((a, b) => a + b, 0)).toBe(count);
          expect(runs.every((r) => r >= 1 && r <= run)).toBe(true);
          expect(runs.length).toBe(Math.ceil(count / run));
        },
      ),
    );
  });

  it('refuses nothing to commission', () => {
    for (const count of [0, -1, 1.5, Number.NaN]) {
      expect(() => commissionRuns(count)).toThrow(RangeError);
    }
    expect(() => commissionRuns(10, 0)).toThrow(RangeError);
    expect(COMMISSION_RUN).toBe(1_000);
  });
});

describe('the words of a batch', () => {
  it('says progress with thousands separators', () => {
    expect(progressText(1_000, 2_500)).toBe('1,000 of 2,500');
  });

  it('lists the states that hold packs, in a fixed order', () => {
    expect(statesText({ dispensed: 3, active: 12, stolen: 0, recalled: 1_200 })).toBe(
      'active 12 · dispensed 3 · recalled 1,200',
    );
    expect(statesText({})).toBe('');
    expect(statesText({ free_sample: 2, checked_out: 1 })).toBe('free sample 2 · checked out 1');
  });

  it('counts the stock a recall stops', () => {
    expect(
      stockText([
        { packs: 10, live: 8, inTransit: 2 },
        { packs: 5, live: 5, inTransit: 0 },
      ]),
    ).toBe(
      '15 packs are on record, 13 of them still in the supply chain (2 on their way between sites).',
    );
  });

  it('writes an expiry as a date, day 00 as its month', () => {
    expect(expiryText('301231')).toBe('31 December 2030');
    expect(expiryText('301200')).toBe('December 2030');
    expect(expiryText('not a date')).toBe('not a date');
  });
});

describe('labelSheets', () => {
  it('cuts a batch into sheets of 500 labels in commissioning order, and none without packs', () => {
    expect(labelSheets(1_200)).toEqual([
      { from: 0, limit: 500 },
      { from: 500, limit: 500 },
      { from: 1_000, limit: 200 },
    ]);
    expect(labelSheets(500)).toEqual([{ from: 0, limit: 500 }]);
    expect(labelSheets(0)).toEqual([]);
  });

  it('prints every pack exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (packs) => {
        const sheets = labelSheets(packs);
        let next = 0;
        for (const sheet of sheets) {
          expect(sheet.from).toBe(next);
          expect(sheet.limit).toBeGreaterThanOrEqual(1);
          expect(sheet.limit).toBeLessThanOrEqual(500);
          next += sheet.limit;
        }
        expect(next).toBe(packs);
      }),
    );
  });
});
