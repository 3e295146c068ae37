// Property tests: random sequences of commands from random organisations, sites and times, folded
// through `decide` from "no pack". Whatever the sequence, no state outside the table is reached,
// every accepted step is a cell the table allows, destroyed/stolen/recalled are never left but as
// the table says, a refusal changes nothing, and a serial is commissioned once.

import fc from 'fast-check';
import type { PackView } from './pack';
import { PACK_ACTIONS } from './pack-action';
import type { PackCommand } from './pack-command';
import { UNDO_WINDOW_MS } from './pack-guards';
import { decide, judgedState, type Decision } from './pack-lifecycle';
import { PACK_STATES, type PackState } from './pack-state';
import { allows, TRANSITIONS } from './transition-table';
import { VERDICT_CODES } from './verdict';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const SITES = ['s1', 's2', 's3'];
const ORG_OF: Record<string, string> = { s1: 'o1', s2: 'o1', s3: 'o2' };
const SSCCS = ['106141411234567897', '006141411234567890'];

/** One step: a command, and how long after the previous step it happens and is judged. */
const step = fc.record({
  // Logistics and reads more often, so packs live long enough to expire, travel and come back;
  // locks too, as a release must come from the site that locked, which chance alone seldom finds.
  action: fc.oneof(
    { arbitrary: fc.constantFrom(...PACK_ACTIONS), weight: 2 },
    { arbitrary: fc.constantFrom('pack', 'unpack', 'ship', 'receive', 'verify'), weight: 3 },
    { arbitrary: fc.constantFrom('lock', 'unlock'), weight: 1 },
  ),
  // s1 and s2 belong to o1, s3 to o2 (ORG_OF); now and then a command claims the other one.
  foreignOrganisation: fc.nat(5).map((n) => n === 0),
  siteId: fc.option(fc.constantFrom(...SITES), { freq: 8, nil: null }),
  destinationSiteId: fc.option(fc.constantFrom(...SITES), { nil: undefined }),
  destinationUndeclared: fc.nat(3).map((n) => n === 0),
  containerSscc: fc.option(fc.constantFrom(...SSCCS), { nil: undefined }),
  expiry: fc.option(fc.constantFrom('260300', '260615', '261231', '271300', '251231'), {
    nil: undefined,
  }),
  recallScope: fc.option(fc.constantFrom('batch' as const, 'product' as const), { nil: undefined }),
  advanceHours: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 48 }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 24 * 40 }), weight: 1 },
  ),
  /** How long after the event it reaches `decide` (an offline scanner sends later). */
  delayHours: fc.integer({ min: 0, max: 48 }),
});

/** The commission first more often than chance would, so most sequences have a pack. */
const sequence = fc.tuple(
  fc.boolean(),
  fc.constantFrom('260300', '260615', '261231'),
  fc.array(step, { maxLength: 40, size: 'max' }),
);

interface Trace {
  before: PackView | null;
  command: PackCommand;
  now: Date;
}

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Folds the steps through `decide`, handing each one and its decision to `check`. */
function run(
  [commissionFirst, expiry, steps]: [boolean, string, Step[]],
  check: (t: Trace, decision: Decision) => void,
): void {
  let pack: PackView | null = null;
  let clock = T0;
  let latest = T0; // `now` never goes back
  const all = commissionFirst
    ? [{ ...steps[0], action: 'commission' as const, siteId: 's1', expiry }, ...steps.slice(1)]
    : steps;
  for (const s of all) {
    if (s === undefined) continue;
    clock += s.advanceHours * HOUR;
    const command: PackCommand = {
      action: s.action,
      at: new Date(clock),
      organisationId: (ORG_OF[s.siteId ?? 's3'] === 'o1') !== s.foreignOrganisation ? 'o1' : 'o2',
      siteId: s.siteId,
      destinationSiteId: s.destinationSiteId,
      destinationUndeclared: s.destinationUndeclared,
      containerSscc: s.containerSscc,
      expiry: s.expiry,
      recallScope: s.recallScope,
    };
    latest = Math.max(latest, clock + s.delayHours * HOUR);
    const now = new Date(latest);
    const before: PackView | null = pack === null ? null : structuredClone(pack);
    const snapshot = JSON.stringify(pack);
    const decision = decide(pack, command, now);
    if (JSON.stringify(pack) !== snapshot) throw new Error('decide changed its input');
    check({ before, command, now }, decision);
    if (decision.ok) pack = decision.next;
  }
}

const FINAL: readonly PackState[] = ['destroyed', 'stolen', 'recalled'];
const params = { numRuns: 200 };

describe('pack lifecycle properties', () => {
  it('reaches only table states, by accepted steps the table allows', () => {
    fc.assert(
      fc.property(sequence, (seed) =>
        run(seed, ({ before, command, now }, decision) => {
          expect(VERDICT_CODES).toContain(decision.code);
          const row = before === null ? 'none' : judgedState(before, now);
          const cell = TRANSITIONS[row][command.action];
          if (decision.ok) {
            expect(PACK_STATES).toContain(decision.next.state);
            expect(allows(cell)).toBe(true);
            expect(decision.next.state).toBe(command.action === 'verify' ? before?.state : cell);
          } else {
            expect(decision.reason.length).toBeGreaterThan(20);
            if (!allows(cell)) expect(decision.code).toBe(cell);
          }
        }),
      ),
      params,
    );
  });

  it('never leaves destroyed, stolen or recalled but as the table says', () => {
    fc.assert(
      fc.property(sequence, (seed) => {
        let floor: PackState | null = null; // the last final state the pack was judged in
        const observe = (state: PackState) => {
          if (floor === 'destroyed' || floor === 'stolen') expect(state).toBe(floor);
          if (floor === 'recalled') expect(FINAL).toContain(state);
          if (FINAL.includes(state)) floor = state;
        };
        run(seed, ({ before, now }, decision) => {
          if (before !== null) observe(judgedState(before, now));
          if (decision.ok) observe(judgedState(decision.next, now));
        });
      }),
      params,
    );
  });

  it('keeps the pack as it was after a refusal, and after an OK verify', () => {
    fc.assert(
      fc.property(sequence, (seed) =>
        run(seed, ({ before, command }, decision) => {
          if (decision.ok && command.action === 'verify') expect(decision.next).toEqual(before);
          if (!decision.ok) expect('next' in decision).toBe(false);
        }),
      ),
      params,
    );
  });

  it('commissions a serial once, and accepts nothing before that', () => {
    fc.assert(
      fc.property(sequence, (seed) => {
        let commissioned = 0;
        run(seed, ({ before, command }, decision) => {
          if (decision.ok && command.action === 'commission') commissioned += 1;
          if (before === null && command.action !== 'commission') {
            expect(decision.code).toBe('UNKNOWN_SERIAL');
          }
        });
        expect(commissioned).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });

  it('receives a pack only where it was shipped, or anywhere when its shipment named no site', () => {
    fc.assert(
      fc.property(sequence, (seed) =>
        run(seed, ({ before, command }, decision) => {
          if (!decision.ok || command.action !== 'receive') return;
          if (before?.inTransitTo) expect(command.siteId).toBe(before.inTransitTo);
          else expect(before).toMatchObject({ custodySiteId: null, lastDecommission: null });
        }),
      ),
      params,
    );
  });

  it('accepts an undo only by the same organisation and site within 10 days, unexpired', () => {
    fc.assert(
      fc.property(sequence, (seed) =>
        run(seed, ({ before, command, now }, decision) => {
          if (!decision.ok || command.action !== 'undo') return;
          const d = before?.lastDecommission;
          expect(d).toBeTruthy();
          expect(d?.organisationId).toBe(command.organisationId);
          expect(d?.siteId).toBe(command.siteId);
          expect(now.getTime() - (d?.at.getTime() ?? 0)).toBeLessThanOrEqual(UNDO_WINDOW_MS);
          expect(['destroyed', 'stolen']).not.toContain(before?.state);
          expect(before?.batchRecalled || before?.productWithdrawn).toBe(false);
        }),
      ),
      params,
    );
  });

  it('reaches every state and accepts every action somewhere (the properties are not vacuous)', () => {
    const states = new Set<string>();
    const accepted = new Set<string>();
    for (const seed of fc.sample(sequence, { numRuns: 2000, seed: 42 })) {
      run(seed, ({ before, command, now }, decision) => {
        if (before !== null) states.add(judgedState(before, now));
        if (!decision.ok) return;
        states.add(judgedState(decision.next, now));
        accepted.add(command.action);
      });
    }
    expect([...states].sort()).toEqual([...PACK_STATES].sort());
    expect([...accepted].sort()).toEqual([...PACK_ACTIONS].sort());
  });
});
