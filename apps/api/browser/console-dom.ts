/**
 * The console scripts' small DOM helpers: find an element the page must have, make one holding
 * text (never HTML: what the API answers is written as text), times in the reader's words, and a
 * table the API lists newest first, a page at a time.
 */
import { CONSOLE_WORDS } from '../src/console/console-words';
import type { Answer } from './console-api';

/**
 * The page's element with this id.
 * @throws Error when the page has none (a page and its script out of step)
 */
export function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** A new element, with its text and class when given. */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A `<time>` for an instant the API answered, in the reader's date and time. */
export function timeOf(iso: string): HTMLTimeElement {
  const time = make('time', dateTime.format(new Date(iso)));
  time.dateTime = iso;
  return time;
}

const dateTime = new Intl.DateTimeFormat(CONSOLE_WORDS.locale, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** A table row of cells, each text or an element. */
export function row(...cells: Array<string | Node>): HTMLTableRowElement {
  const tr = make('tr');
  for (const cell of cells) {
    const td = make('td');
    td.append(cell);
    tr.append(td);
  }
  return tr;
}

/** Shows a sentence in a status line: `ok`, `error`, or plain while working. */
export function say(target: HTMLElement, text: string, kind: 'ok' | 'error' | '' = ''): void {
  target.className = kind;
  target.dataset.kind = kind;
  target.textContent = text;
}

/**
 * How a screen says a refusal: the API's own sentence; for an ended session, that and a link to
 * sign in again and come back to `screen`.
 */
export function refusedIn(screen: string) {
  return (answer: Extract<Answer<unknown>, { ok: false }>, where: HTMLElement): void => {
    if (answer.status !== 401) {
      say(where, answer.message, 'error');
      return;
    }
    say(where, CONSOLE_WORDS.sessionEnded, 'error');
    const link = make('a', CONSOLE_WORDS.signIn.submit);
    link.href = `/console?next=${encodeURIComponent(screen)}`;
    where.append(' ', link);
  };
}

/**
 * A table of what the API lists newest first, a page at a time (`before`, the last id of the page
 * before: GET /alerts, GET /quarantine). `load` shows the newest page in place of the rows; `more`
 * appends the next older one, and hides when a page comes back shorter than `page`, the last
 * (the focus then moves to the first row that page brought). A refusal's sentence goes in `error`, said by `refused`, and stays until a page loads.
 * @example newestFirstTable({ rows, empty, more, error, page: 50, fetch: (before) => call('GET', path(before)), row, refused }).load()
 */
export function newestFirstTable<T extends { id: string }>(table: {
  rows: HTMLTableSectionElement;
  empty: HTMLElement;
  more: HTMLButtonElement;
  error: HTMLElement;
  page: number;
  fetch: (before?: string) => Promise<Answer<T[]>>;
  row: (item: T) => HTMLTableRowElement;
  refused: (answer: Extract<Answer<unknown>, { ok: false }>, where: HTMLElement) => void;
}): { load(): Promise<void> } {
  const { rows, empty, more, error } = table;

  async function show(before?: string): Promise<void> {
    const answer = await table.fetch(before);
    if (!answer.ok) {
      error.hidden = false;
      table.refused(answer, error);
      return;
    }
    error.hidden = true;
    const made = answer.body.map(table.row);
    if (before) rows.append(...made);
    else rows.replaceChildren(...made);
    empty.hidden = rows.rows.length > 0;
    const last = answer.body[answer.body.length - 1];
    const focused = document.activeElement === more;
    more.hidden = answer.body.length < table.page || !last;
    if (last) more.dataset.before = last.id;
    // The button gone with the last page, the focus goes to the first row it brought.
    if (focused && more.hidden && made[0]) {
      made[0].tabIndex = -1;
      made[0].focus();
    }
  }

  more.addEventListener('click', () => void show(more.dataset.before));
  return { load: () => show() };
}
