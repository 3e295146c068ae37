// The transition table, cell by cell: for every row and action, `decide` on a pack judged in that
// row (with a command that satisfies every custody, container and undo guard) gives exactly the
// cell. And docs/pack-lifecycle.md holds exactly the rendered table, so the doc cannot drift.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackView } from './pack';
import { PACK_ACTIONS, type PackAction } from './pack-action';
import type { PackCommand } from './pack-command';
import { decide, judgedState } from './pack-lifecycle';
import { DECOMMISSIONED_STATES, FINAL_STATES, isPackState, PACK_STATES } from './pack-state';
import {
  allows,
  renderTransitionTable,
  TABLE_ROWS,
  TRANSITIONS,
  type TableRow,
} from './transition-table';
import { VERDICT_CODES } from './verdict';

const now = new Date('2026-06-15T12:00:00Z');
const SSCC = '106141411234567897';

/** A pack judged in `row`, held by site s1 of organisation o1, set up so `action`'s guards pass. */
function fixture(row: TableRow, action: PackAction): [PackView | null, PackCommand] {
  const command: PackCommand = { action, at: now, organisationId: 'o1', siteId: 's1' };
  if (row === 'none') return [null, { ...command, expiry: '271231' }];
  const pack: PackView = {
    state: row,
    custodySiteId: 's1',
    inTransitTo: null,
    containerSscc: null,
    expiry: '271231',
    batchRecalled: false,
    productWithdrawn: false,
    lastDecommission: null,
  };
  if ((DECOMMISSIONED_STATES as readonly string[]).includes(row)) {
    pack.lastDecommission = {
      state: row,
      at: new Date(now.getTime() - 86_400_000),
      organisationId: 'o1',
      siteId: 's1',
    };
  }
  if (row === 'recalled') pack.batchRecalled = true;
  if (row === 'expired') Object.assign(pack, { state: 'active', expiry: '260500' });
  switch (action) {
    case 'pack':
      return [pack, { ...command, containerSscc: SSCC }];
    case 'unpack':
      return [{ ...pack, containerSscc: SSCC }, command];
    case 'ship':
      return [pack, { ...command, destinationSiteId: 's2' }];
    case 'receive':
      return [{ ...pack, custodySiteId: null, inTransitTo: 's1' }, command];
    default:
      return [pack, command];
  }
}

const cells = TABLE_ROWS.flatMap((row) =>
  PACK_ACTIONS.map((action) => [row, action, TRANSITIONS[row][action]] as const),
);

describe('transition table', () => {
  it('has a row for "none" and every state, and a cell for every action', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(['none', ...PACK_STATES].sort());
    for (const row of TABLE_ROWS) {
      expect(Object.keys(TRANSITIONS[row]).sort()).toEqual([...PACK_ACTIONS].sort());
    }
    for (const [, , cell] of cells) {
      expect(isPackState(cell) || (VERDICT_CODES as readonly string[]).includes(cell)).toBe(true);
      expect(cell).not.toBe('OK');
    }
  });

  it('judges each fixture in its own row', () => {
    for (const row of PACK_STATES) {
      const [pack] = fixture(row, 'verify');
      expect(judgedState(pack!, now)).toBe(row);
    }
  });

  it.each(cells)('%s × %s → %s', (row, action, cell) => {
    const [pack, command] = fixture(row, action);
    const decision = decide(pack, command, now);
    if (allows(cell)) {
      expect(decision).toMatchObject({ ok: true, code: 'OK', next: { state: cell } });
    } else {
      expect(decision).toMatchObject({ ok: false, code: cell });
      expect(decision.ok || decision.reason.length > 20).toBe(true);
    }
  });

  it('never lets a final state go back to active or a decommissioned state be left but by undo', () => {
    for (const from of FINAL_STATES) {
      for (const action of PACK_ACTIONS) {
        const cell = TRANSITIONS[from][action];
        if (allows(cell)) expect(FINAL_STATES).toContain(cell);
      }
    }
    for (const from of DECOMMISSIONED_STATES) {
      for (const action of PACK_ACTIONS) {
        const cell = TRANSITIONS[from][action];
        if (allows(cell) && cell !== from) expect(['undo', 'recall']).toContain(action);
      }
    }
  });
});

describe('docs/pack-lifecycle.md', () => {
  /** Table lines with padding removed, so Prettier's alignment does not matter. */
  const normalise = (table: string) =>
    table
      .trim()
      .split('\n')
      .map((line) => line.trim().replace(/ +/g, ' ').replace(/-{3,}/g, '---'));

  it('contains exactly the rendered transition table', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/pack-lifecycle.md'), 'utf8');
    const match = /<!-- transition-table:start -->\n([\s\S]*?)\n<!-- transition-table:end -->/.exec(
      doc,
    );
    expect(match).not.toBeNull();
    expect(normalise(match![1])).toEqual(normalise(renderTransitionTable()));
  });
});
