/**
 * A counter's day as one list, newest first: the verifications, decommissionings and alerts that
 * `GET /sites/{gln}/activity` answers in three lists. Pure, and bundled into the counter's script.
 * A dispensing offers its undo unless the list already shows it undone.
 */
import type { Activity } from '../activity/dto/activity.dto';
import { fill } from '../consumer/consumer-words';
import { CONSOLE_WORDS, type ListedAction } from './console-words';

export interface DayRow {
  /** ISO 8601. */
  at: string;
  kind: 'verification' | 'decommission' | 'alert';
  /** What happened, in words. */
  what: string;
  /** The verdict or alert code, for a verification or an alert. */
  code: string | null;
  action: ListedAction | null;
  product: string | null;
  lot: string | null;
  serial: string | null;
  gtin: string | null;
  /** What was scanned, or the identifier the event names. */
  item: string;
  /** For a dispensing that is not undone since: the item POST /decommissions/undo takes. */
  undoItem: string | null;
  /** A dispensing undone since. */
  undone: boolean;
}

const WORDS = CONSOLE_WORDS.counter;

function isListed(action: string): action is ListedAction {
  return Object.hasOwn(WORDS.actions, action);
}

/**
 * @example dayRows(activity)[0].what // 'Dispensed'
 */
export function dayRows(activity: Activity): DayRow[] {
  const pack = (row: Pick<DayRow, 'product' | 'lot' | 'serial' | 'gtin'>) => ({
    product: row.product,
    lot: row.lot,
    serial: row.serial,
    gtin: row.gtin,
  });
  const rows: DayRow[] = [
    ...activity.verifications.map((v): DayRow => ({
      at: v.at,
      kind: 'verification',
      what: fill(WORDS.today.checked, { code: v.code }),
      code: v.code,
      action: null,
      ...pack(v),
      item: v.item,
      undoItem: null,
      undone: false,
    })),
    ...activity.decommissions.map((d): DayRow => {
      const action = isListed(d.action) ? d.action : null;
      return {
        at: d.at,
        kind: 'decommission',
        what: action ? WORDS.actions[action] : d.action,
        code: null,
        action,
        ...pack(d),
        serial: d.serial ?? d.sscc,
        item: d.item,
        undoItem: null,
        undone: false,
      };
    }),
    ...activity.alerts.map((a): DayRow => ({
      at: a.at,
      kind: 'alert',
      what: fill(WORDS.today.alert, { code: a.code }),
      code: a.code,
      action: null,
      ...pack(a),
      item: a.item,
      undoItem: null,
      undone: false,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  // Newest first: an undo is met before the dispensing it reverts.
  const undoneLater = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'decommission') continue;
    if (row.action === 'undo') undoneLater.add(row.item);
    else if (row.action === 'dispense') {
      row.undone = undoneLater.delete(row.item);
      row.undoItem = row.undone ? null : row.item;
    }
  }
  return rows;
}
