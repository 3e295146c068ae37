/**
 * The console scripts' small DOM helpers: find an element the page must have, make one holding
 * text (never HTML: what the API answers is written as text), and times in the reader's words.
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
