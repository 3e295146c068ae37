/**
 * The manufacturer screen's pure pieces (docs/console.md), bundled into the console's script:
 * how a large commissioning is cut into runs and a batch's labels into sheets, how a batch's packs
 * read by state, and what the recall confirmation says about the stock it stops.
 */
import type { PackState } from '@pedigree/domain';
import { fill } from '../consumer/consumer-words';
import { MAX_SHEET_LABELS } from '../labels/sheet-size';
import { CONSOLE_WORDS } from './console-words';

/** The serials one commissioning request asks for: the API takes 100,000, the page sends fewer. */
export const COMMISSION_RUN = 1_000;

/**
 * The counts of serials to ask for, one request each, so that the page can show its progress.
 * @throws RangeError when `count` or `run` is not a positive whole number
 * @example commissionRuns(2_500) // [1000, 1000, 500]
 */
export function commissionRuns(count: number, run = COMMISSION_RUN): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be at least 1');
  if (!Number.isInteger(run) || run < 1) throw new RangeError('run must be at least 1');
  const runs: number[] = [];
  for (let left = count; left > 0; left -= run) runs.push(Math.min(run, left));
  return runs;
}

/** One label sheet: `from` the first serial in commissioning order, `limit` how many. */
export interface LabelSheet {
  from: number;
  limit: number;
}

/**
 * The sheets that print a batch's packs, in commissioning order, none larger than the label route
 * serves (GET /products/{gtin}/batches/{lot}/labels?from=&limit=); none for a batch without packs.
 * @example labelSheets(1_200) // [{ from: 0, limit: 500 }, { from: 500, limit: 500 }, { from: 1000, limit: 200 }]
 */
export function labelSheets(packs: number, size = MAX_SHEET_LABELS): LabelSheet[] {
  if (packs === 0) return [];
  let from = 0;
  return commissionRuns(packs, size).map((limit) => {
    const sheet = { from, limit };
    from += limit;
    return sheet;
  });
}

/**
 * "{done} of {total}" with the locale's thousands separators.
 * @example progressText(1000, 2500) // '1,000 of 2,500'
 */
export function progressText(done: number, total: number): string {
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  return fill(CONSOLE_WORDS.progress, { done: number.format(done), total: number.format(total) });
}

/**
 * A batch's packs by state in words: the states that hold packs, in the words' order.
 * @example statesText({ active: 12, dispensed: 3, ... }) // 'active 12 · dispensed 3'
 */
export function statesText(states: Readonly<Partial<Record<PackState, number>>>): string {
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  return (Object.keys(CONSOLE_WORDS.states) as PackState[])
    .filter((state) => (states[state] ?? 0) > 0)
    .map((state) => `${CONSOLE_WORDS.states[state]} ${number.format(states[state] ?? 0)}`)
    .join(' · ');
}

/**
 * What a recall or withdrawal stops, for its confirmation: packs on record, those still in the
 * supply chain (not decommissioned, whatever a recall makes them read), those on their way.
 * @example stockText([{ packs: 10, live: 8, inTransit: 2 }])
 *   // '10 packs are on record, 8 of them still in the supply chain (2 on their way between sites).'
 */
export function stockText(
  batches: ReadonlyArray<{ packs: number; live: number; inTransit: number }>,
): string {
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  const sum = (of: (batch: (typeof batches)[number]) => number) =>
    number.format(batches.reduce((total, batch) => total + of(batch), 0));
  return fill(CONSOLE_WORDS.manufacturer.confirm.stock, {
    packs: sum((b) => b.packs),
    live: sum((b) => b.live),
    transit: sum((b) => b.inTransit),
  });
}

/**
 * An expiry as the pack prints it (YYMMDD, day 00 the month's end) in words, in UTC.
 * @example expiryText('301231') // '31 December 2030'
 * @example expiryText('301200') // 'December 2030'
 */
export function expiryText(expiry: string): string {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(expiry);
  if (!match) return expiry;
  const [year, month, day] = [2000 + Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day === 0 ? 1 : day));
  return new Intl.DateTimeFormat(CONSOLE_WORDS.locale, {
    ...(day === 0 ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
