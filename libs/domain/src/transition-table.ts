// The pack lifecycle's transition table as data: for the state a pack is judged in and the action
// asked of it, the state it moves to or the verdict that refuses it. `decide` consults this table
// and nothing else for that question, and docs/pack-lifecycle.md holds its rendering (a test
// checks they are the same), so the code enforces exactly the documented table.

import { PACK_ACTIONS, type PackAction } from './pack-action';
import { isPackState, PACK_STATES, type PackState } from './pack-state';
import type { RefusalCode } from './verdict';

/** A row of the table: a pack state, or `none` for a serial with no pack yet. */
export type TableRow = PackState | 'none';

/** A cell: the resulting state (lower case) or the refusal code (upper case). */
export type TransitionCell = PackState | RefusalCode;

/** One row: a cell for every action. */
export type TransitionRow = Readonly<Record<PackAction, TransitionCell>>;

/** Every cell `fill`, except those in `cells`. */
function row(
  fill: TransitionCell,
  cells: Partial<Record<PackAction, TransitionCell>>,
): TransitionRow {
  return Object.fromEntries(PACK_ACTIONS.map((a) => [a, cells[a] ?? fill])) as TransitionRow;
}

/** Cells shared by every row that exists: a serial is commissioned once. */
const EXISTS = { commission: 'SUSPECT' } as const;

/** The decommissioned states that an undo can revert (FMD Art. 13). */
const REVERTIBLE = { ...EXISTS, undo: 'active', recall: 'recalled' } as const;

/**
 * The transition table. Rows are the state the pack is judged in (see `judgedState`: recall,
 * lock and expiry are applied before the lookup), columns the action. Guards that depend on who,
 * where and when (custody, containers, the undo window) are applied only to a cell that allows the
 * action, and are documented in docs/pack-lifecycle.md.
 */
export const TRANSITIONS: Readonly<Record<TableRow, TransitionRow>> = {
  none: row('UNKNOWN_SERIAL', { commission: 'active' }),
  active: row('active', {
    ...EXISTS,
    dispense: 'dispensed',
    destroy: 'destroyed',
    report_stolen: 'stolen',
    supply_sample: 'sample',
    supply_free_sample: 'free_sample',
    lock: 'locked',
    unlock: 'SUSPECT',
    export: 'exported',
    check_out: 'checked_out',
    undo: 'SUSPECT',
    recall: 'recalled',
  }),
  dispensed: row('ALREADY_DECOMMISSIONED', REVERTIBLE),
  destroyed: row('ALREADY_DECOMMISSIONED', { ...EXISTS, recall: 'destroyed' }),
  stolen: row('ALREADY_DECOMMISSIONED', { ...EXISTS, recall: 'stolen' }),
  sample: row('ALREADY_DECOMMISSIONED', REVERTIBLE),
  free_sample: row('ALREADY_DECOMMISSIONED', REVERTIBLE),
  locked: row('LOCKED', {
    ...EXISTS,
    unlock: 'active',
    destroy: 'destroyed',
    report_stolen: 'stolen',
    recall: 'recalled',
  }),
  exported: row('ALREADY_DECOMMISSIONED', REVERTIBLE),
  checked_out: row('ALREADY_DECOMMISSIONED', REVERTIBLE),
  recalled: row('RECALLED', {
    ...EXISTS,
    pack: 'recalled',
    unpack: 'recalled',
    ship: 'recalled',
    receive: 'recalled',
    destroy: 'destroyed',
    report_stolen: 'stolen',
    recall: 'recalled',
  }),
  expired: row('EXPIRED', {
    ...EXISTS,
    pack: 'expired',
    unpack: 'expired',
    ship: 'expired',
    receive: 'expired',
    destroy: 'destroyed',
    report_stolen: 'stolen',
    lock: 'locked',
    recall: 'recalled',
  }),
};

/** The rows in table order: `none` first, then `PACK_STATES`. */
export const TABLE_ROWS: readonly TableRow[] = ['none', ...PACK_STATES];

/**
 * The cell for judging `action` on a pack in `from`: the resulting state, or a refusal code.
 * @example transition('active', 'dispense') // 'dispensed'
 * @example transition('dispensed', 'dispense') // 'ALREADY_DECOMMISSIONED'
 */
export function transition(from: TableRow, action: PackAction): TransitionCell {
  return TRANSITIONS[from][action];
}

/**
 * True when a cell allows the action (it names a state rather than a refusal code).
 * @example allows('locked') // true
 */
export function allows(cell: TransitionCell): cell is PackState {
  return isPackState(cell);
}

/**
 * The table as Markdown, one row per action and one column per state the pack is in, padded as
 * Prettier pads Markdown tables. docs/pack-lifecycle.md contains exactly this text.
 * @example renderTransitionTable().startsWith('| action') // true
 */
export function renderTransitionTable(): string {
  const header = ['action', ...TABLE_ROWS.map((r) => (r === 'none' ? '(no pack)' : r))];
  const body = PACK_ACTIONS.map((a) => [a, ...TABLE_ROWS.map((r) => TRANSITIONS[r][a])]);
  const widths = header.map((h, i) =>
    Math.max(3, h.length, ...body.map((cells) => cells[i].length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
