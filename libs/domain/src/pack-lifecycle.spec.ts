// The rules the table's cells leave to guards: undo (FMD Art. 13, with its day-10 boundary),
// custody, containers, commissioning, recall and the order in which derived states apply.

import type { PackView } from './pack';
import type { PackCommand } from './pack-command';
import { UNDO_WINDOW_MS } from './pack-guards';
import { decide, judgedState, type Decision } from './pack-lifecycle';

const now = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const SSCC = '106141411234567897';
const OTHER_SSCC = '006141411234567890';

const active: PackView = {
  state: 'active',
  custodySiteId: 's1',
  inTransitTo: null,
  containerSscc: null,
  expiry: '271231',
  batchRecalled: false,
  productWithdrawn: false,
  lastDecommission: null,
};
const cmd = (over: Partial<PackCommand> & Pick<PackCommand, 'action'>): PackCommand => ({
  at: now,
  organisationId: 'o1',
  siteId: 's1',
  ...over,
});
const dispensedAt = (at: Date, over: Partial<PackView> = {}): PackView => ({
  ...active,
  state: 'dispensed',
  lastDecommission: { state: 'dispensed', at, organisationId: 'o1', siteId: 's1' },
  ...over,
});
const next = (d: Decision): PackView => {
  if (!d.ok) throw new Error(`refused ${d.code}: ${d.reason}`);
  return d.next;
};

describe('undo', () => {
  const undo = cmd({ action: 'undo' });

  it('reverts a dispensing to active, at the same site, clearing the decommissioning', () => {
    expect(next(decide(dispensedAt(new Date(now.getTime() - DAY)), undo, now))).toEqual(active);
  });

  it('is allowed at exactly 10 × 24 h and refused one millisecond later', () => {
    const edge = new Date(now.getTime() - UNDO_WINDOW_MS);
    expect(decide(dispensedAt(edge), undo, now).code).toBe('OK');
    const late = decide(dispensedAt(new Date(edge.getTime() - 1)), undo, now);
    expect(late).toMatchObject({ ok: false, code: 'ALREADY_DECOMMISSIONED' });
    expect(!late.ok && late.reason).toMatch(/10 days/);
  });

  it('measures the window to now, not to the command time', () => {
    const pack = dispensedAt(new Date(now.getTime() - 11 * DAY));
    expect(decide(pack, { ...undo, at: new Date(now.getTime() - 10 * DAY) }, now).code).toBe(
      'ALREADY_DECOMMISSIONED',
    );
  });

  it('is refused to another organisation, and at another site of the same one', () => {
    const pack = dispensedAt(new Date(now.getTime() - DAY));
    const otherOrg = decide(pack, { ...undo, organisationId: 'o2' }, now);
    const otherSite = decide(pack, { ...undo, siteId: 's2' }, now);
    expect(otherOrg).toMatchObject({ ok: false, code: 'WRONG_CUSTODY' });
    expect(otherSite).toMatchObject({ ok: false, code: 'WRONG_CUSTODY' });
    expect(!otherSite.ok && otherSite.reason).toMatch(/same site/);
  });

  it('is refused for a pack that expired since', () => {
    const pack = dispensedAt(new Date('2026-06-10T12:00:00Z'), { expiry: '260612' });
    expect(decide(pack, undo, now)).toMatchObject({ ok: false, code: 'EXPIRED' });
  });

  it('is refused once the batch is recalled or the product withdrawn', () => {
    const at = new Date(now.getTime() - DAY);
    expect(decide(dispensedAt(at, { batchRecalled: true }), undo, now).code).toBe('RECALLED');
    expect(decide(dispensedAt(at, { productWithdrawn: true }), undo, now).code).toBe('RECALLED');
  });

  it('is refused for destroyed and stolen packs, even by the same site the same day', () => {
    for (const state of ['destroyed', 'stolen'] as const) {
      const pack: PackView = {
        ...active,
        state,
        lastDecommission: { state, at: now, organisationId: 'o1', siteId: 's1' },
      };
      const d = decide(pack, undo, now);
      expect(d).toMatchObject({ ok: false, code: 'ALREADY_DECOMMISSIONED' });
      expect(!d.ok && d.reason).toMatch(/final/);
    }
  });

  it('is refused for an active pack (nothing to undo)', () => {
    expect(decide(active, undo, now).code).toBe('SUSPECT');
  });
});

describe('custody', () => {
  it('ships from the holder only, and receives at the destination only', () => {
    const ship = cmd({ action: 'ship', destinationSiteId: 's2' });
    expect(decide(active, { ...ship, siteId: 's3' }, now).code).toBe('WRONG_CUSTODY');
    const shipped = next(decide(active, ship, now));
    expect(shipped).toMatchObject({ custodySiteId: null, inTransitTo: 's2' });
    expect(decide(shipped, cmd({ action: 'receive', siteId: 's3' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
    expect(decide(shipped, cmd({ action: 'dispense', siteId: 's1' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
    const received = next(decide(shipped, cmd({ action: 'receive', siteId: 's2' }), now));
    expect(received).toMatchObject({ custodySiteId: 's2', inTransitTo: null, state: 'active' });
  });

  it('refuses a receipt of a pack never shipped, a shipment without destination or to itself', () => {
    expect(decide(active, cmd({ action: 'receive', siteId: 's2' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
    expect(decide(active, cmd({ action: 'ship' }), now).code).toBe('WRONG_CUSTODY');
    expect(decide(active, cmd({ action: 'ship', destinationSiteId: 's1' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
  });

  it('lets the first site receive a pack shipped with no destination declared (EPCIS capture)', () => {
    const shipped = next(decide(active, cmd({ action: 'ship', destinationUndeclared: true }), now));
    expect(shipped).toMatchObject({ custodySiteId: null, inTransitTo: null });
    expect(decide(shipped, cmd({ action: 'dispense', siteId: 's2' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
    const received = next(decide(shipped, cmd({ action: 'receive', siteId: 's3' }), now));
    expect(received).toMatchObject({ custodySiteId: 's3', inTransitTo: null });
    // Once received it is held again: a second receipt is refused.
    expect(decide(received, cmd({ action: 'receive', siteId: 's2' }), now).code).toBe(
      'WRONG_CUSTODY',
    );
  });

  it('refuses a dispense at a site that does not hold the pack, naming the holder', () => {
    const d = decide(active, cmd({ action: 'dispense', siteId: 's9' }), now);
    expect(d).toMatchObject({ ok: false, code: 'WRONG_CUSTODY' });
    expect(!d.ok && d.reason).toMatch(/site s1/);
  });

  it('needs a site for physical steps and locks but not for verify or recall', () => {
    for (const action of ['destroy', 'lock'] as const) {
      expect(decide(active, cmd({ action, siteId: null }), now).code).toBe('WRONG_CUSTODY');
    }
    for (const action of ['verify', 'recall'] as const) {
      expect(decide(active, cmd({ action, siteId: null }), now).code).toBe('OK');
    }
  });

  it('lets only the holding site lock a pack and release it', () => {
    expect(decide(active, cmd({ action: 'lock', siteId: 's9' }), now).code).toBe('WRONG_CUSTODY');
    const locked = next(decide(active, cmd({ action: 'lock', siteId: 's1' }), now));
    expect(locked.state).toBe('locked');
    expect(decide(locked, cmd({ action: 'unlock', siteId: 's9' }), now).code).toBe('WRONG_CUSTODY');
    expect(next(decide(locked, cmd({ action: 'unlock', siteId: 's1' }), now)).state).toBe('active');
  });

  it('lets the holder and the destination verify, and no other site', () => {
    const shipped = { ...active, custodySiteId: null, inTransitTo: 's2' };
    expect(decide(shipped, cmd({ action: 'verify', siteId: 's2' }), now).code).toBe('OK');
    expect(decide(active, cmd({ action: 'verify', siteId: 's2' }), now).code).toBe('WRONG_CUSTODY');
  });

  it('lets any site report a theft, in transit too', () => {
    const shipped = { ...active, custodySiteId: null, inTransitTo: 's2' };
    const stolen = next(decide(shipped, cmd({ action: 'report_stolen', siteId: 's3' }), now));
    expect(stolen).toMatchObject({ state: 'stolen', inTransitTo: null });
    expect(stolen.lastDecommission).toMatchObject({ state: 'stolen', siteId: 's3' });
  });
});

describe('containers', () => {
  const packed = next(decide(active, cmd({ action: 'pack', containerSscc: SSCC }), now));

  it('packs into a valid SSCC and keeps custody', () => {
    expect(packed).toMatchObject({ containerSscc: SSCC, custodySiteId: 's1' });
    expect(decide(active, cmd({ action: 'pack', containerSscc: '123' }), now).code).toBe(
      'MALFORMED_CODE',
    );
    expect(decide(active, cmd({ action: 'pack' }), now).code).toBe('MALFORMED_CODE');
  });

  it('refuses packing into a second container, and unpacking a loose pack', () => {
    expect(decide(packed, cmd({ action: 'pack', containerSscc: SSCC }), now).code).toBe('OK');
    expect(decide(packed, cmd({ action: 'pack', containerSscc: OTHER_SSCC }), now).code).toBe(
      'SUSPECT',
    );
    expect(decide(active, cmd({ action: 'unpack' }), now).code).toBe('SUSPECT');
    expect(decide(packed, cmd({ action: 'unpack', containerSscc: OTHER_SSCC }), now).code).toBe(
      'SUSPECT',
    );
    expect(next(decide(packed, cmd({ action: 'unpack' }), now)).containerSscc).toBeNull();
  });

  it('ships and receives a packed pack only with its container', () => {
    const ship = cmd({ action: 'ship', destinationSiteId: 's2' });
    expect(decide(packed, ship, now).code).toBe('SUSPECT');
    expect(decide(active, { ...ship, containerSscc: SSCC }, now).code).toBe('SUSPECT');
    const shipped = next(decide(packed, { ...ship, containerSscc: SSCC }, now));
    const receive = cmd({ action: 'receive', siteId: 's2' });
    expect(decide(shipped, receive, now).code).toBe('SUSPECT');
    expect(next(decide(shipped, { ...receive, containerSscc: SSCC }, now))).toMatchObject({
      custodySiteId: 's2',
      containerSscc: SSCC,
    });
  });

  it('takes a pack out of its container when it is dispensed', () => {
    expect(next(decide(packed, cmd({ action: 'dispense' }), now)).containerSscc).toBeNull();
  });
});

describe('commission', () => {
  const commission = cmd({ action: 'commission', expiry: '270200' });

  it('creates an active pack held by the commissioning site', () => {
    expect(next(decide(null, commission, now))).toEqual({ ...active, expiry: '270200' });
  });

  it('refuses a duplicate serial, a missing or unreal expiry, a past expiry, no site', () => {
    expect(decide(active, commission, now).code).toBe('SUSPECT');
    expect(decide(null, { ...commission, expiry: undefined }, now).code).toBe('MALFORMED_CODE');
    expect(decide(null, { ...commission, expiry: '271301' }, now).code).toBe('MALFORMED_CODE');
    expect(decide(null, { ...commission, expiry: '260531' }, now).code).toBe('EXPIRED');
    expect(decide(null, { ...commission, siteId: null }, now).code).toBe('WRONG_CUSTODY');
  });

  it('answers UNKNOWN_SERIAL to anything else for a serial with no pack', () => {
    expect(decide(null, cmd({ action: 'verify', siteId: null }), now).code).toBe('UNKNOWN_SERIAL');
  });
});

describe('derived states and their order', () => {
  it('judges recall before decommissioning, lock and expiry; destroyed and stolen before recall', () => {
    const recalled = { batchRecalled: true };
    expect(judgedState(dispensedAt(now, recalled), now)).toBe('recalled');
    expect(judgedState({ ...active, ...recalled, state: 'locked' }, now)).toBe('recalled');
    expect(judgedState({ ...active, ...recalled, expiry: '200100' }, now)).toBe('recalled');
    expect(judgedState({ ...active, ...recalled, state: 'destroyed' }, now)).toBe('destroyed');
    expect(judgedState({ ...active, state: 'locked', expiry: '200100' }, now)).toBe('locked');
    expect(judgedState({ ...active, expiry: '260614' }, now)).toBe('expired');
    expect(judgedState({ ...active, expiry: '260615' }, now)).toBe('active');
  });

  it('records a recall or withdrawal by scope and keeps a destroyed pack destroyed', () => {
    const recall = cmd({ action: 'recall', siteId: null });
    expect(next(decide(active, recall, now))).toMatchObject({
      state: 'recalled',
      batchRecalled: true,
    });
    expect(next(decide(active, { ...recall, recallScope: 'product' }, now))).toMatchObject({
      state: 'recalled',
      productWithdrawn: true,
      batchRecalled: false,
    });
    const destroyed = { ...active, state: 'destroyed' as const };
    expect(next(decide(destroyed, recall, now))).toMatchObject({ state: 'destroyed' });
  });

  it('says which state, when and where in an ALREADY_DECOMMISSIONED reason', () => {
    const d = decide(
      dispensedAt(new Date('2026-06-01T09:30:00Z')),
      cmd({ action: 'dispense' }),
      now,
    );
    expect(d).toMatchObject({ ok: false, code: 'ALREADY_DECOMMISSIONED' });
    expect(!d.ok && d.reason).toMatch(/dispensed on 2026-06-01 09:30 UTC at site s1/);
  });

  it('changes nothing on verify', () => {
    const pack = { ...active, containerSscc: SSCC };
    expect(next(decide(pack, cmd({ action: 'verify' }), now))).toEqual(pack);
  });

  it('throws on a projection whose expiry is not a date', () => {
    expect(() => decide({ ...active, expiry: '26123' }, cmd({ action: 'verify' }), now)).toThrow(
      RangeError,
    );
  });
});
