/**
 * The pharmacy counter's script (docs/console.md). One scan field keeps the focus so that a
 * keyboard-wedge scanner can type into it at any time; each scan is verified at once
 * (POST /verify with the counter's site) and its verdict shown large, with an icon of its own
 * shape and words, never colour alone. F2 dispenses the pack shown, F8 undoes, Esc clears; the
 * other decommissionings ask for a confirmation first. Every action is the API's to judge: the
 * page shows the API's answer, or its sentence when it refuses.
 */
import type { Activity } from '../src/activity/dto/activity.dto';
import { CONSOLE_WORDS, OTHER_ACTIONS, type OtherAction } from '../src/console/console-words';
import { dayRows, type DayRow } from '../src/console/counter-day';
import { DEFAULT_GS_SUBSTITUTE, GS, manualCode, scanData } from '../src/console/counter-input';
import { consumerVerdict, fill } from '../src/consumer/consumer-words';
import { VERDICT_ICONS } from '../src/consumer/verdict-icons';
import type { Verification } from '../src/verify/verify.dto';
import { call, type Answer } from './console-api';
import { element, make } from './console-dom';

const WORDS = CONSOLE_WORDS.counter;
const SITE_KEY = 'pedigree.console.site';
const GS_KEY = 'pedigree.console.gs';
const SVG = 'http://www.w3.org/2000/svg';

/** The pack on screen: the code as sent, the API's verdict, what was recorded since. */
interface Shown {
  code: string;
  verification: Verification;
  recorded?: 'dispense' | OtherAction | 'undo';
}

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private browsing: the setting lasts as long as the page.
  }
}

/** Whether typing into this element is its own business (a field, or a select choosing). */
function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

const dateFormat = new Intl.DateTimeFormat(CONSOLE_WORDS.locale, {
  dateStyle: 'long',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat(CONSOLE_WORDS.locale, { timeStyle: 'short' });

export function runCounter(): void {
  const scan = element<HTMLInputElement>('scan');
  const scanForm = element<HTMLFormElement>('scan-form');
  const verdict = element<HTMLElement>('verdict');
  const actions = element<HTMLElement>('actions');
  const dispense = element<HTMLButtonElement>('dispense');
  const undo = element<HTMLButtonElement>('undo');
  const other = element<HTMLButtonElement>('other');
  const otherAction = element<HTMLSelectElement>('other-action');
  const outcome = element<HTMLElement>('outcome');
  const manualForm = element<HTMLFormElement>('manual-form');
  const rows = element<HTMLTableSectionElement>('today-rows');
  const empty = element<HTMLElement>('today-empty');
  const confirm = element<HTMLDialogElement>('confirm');
  const gsField = element<HTMLInputElement>('gs');
  const siteField = document.getElementById('site') as HTMLSelectElement | null;

  let substitute = stored(GS_KEY) ?? DEFAULT_GS_SUBSTITUTE;
  gsField.value = substitute;
  const remembered = stored(SITE_KEY);
  if (siteField && remembered && [...siteField.options].some((o) => o.value === remembered)) {
    siteField.value = remembered;
  }
  const site = (): string | undefined => siteField?.value || undefined;

  let shown: Shown | undefined;
  /** Scans and actions run one after the other, in the order they were made. */
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => say(String(error), 'error'));
  };

  const focusScan = () => {
    if (!confirm.open) scan.focus();
  };

  function say(text: string, kind: 'ok' | 'error' | '' = '', withSignIn = false): void {
    outcome.className = kind;
    outcome.dataset.kind = kind;
    outcome.replaceChildren(text);
    if (withSignIn) {
      const link = make('a', CONSOLE_WORDS.signIn.submit);
      link.href = `/console?next=${encodeURIComponent('/console/counter')}`;
      outcome.append(' ', link);
    }
  }

  /** An API refusal in words: the API's own sentence, or the session's end with a way back. */
  function refused(answer: Extract<Answer<unknown>, { ok: false }>): void {
    if (answer.status === 401) say(CONSOLE_WORDS.sessionEnded, 'error', true);
    else say(answer.message, 'error');
  }

  /**
   * Dispense for a pack the API says is fine; undo for a dispensing just made, or for a pack the
   * API says was decommissioned while at this site. The API judges each action all the same.
   */
  function showButtons(): void {
    const pack = shown?.verification.pack;
    const recorded = shown?.recorded;
    actions.hidden = !pack;
    dispense.hidden = !(shown?.verification.code === 'OK' && recorded === undefined);
    undo.hidden = !(
      recorded === 'dispense' ||
      (recorded === undefined &&
        shown?.verification.code === 'ALREADY_DECOMMISSIONED' &&
        pack?.atYourSite === true)
    );
  }

  function clear(): void {
    shown = undefined;
    scan.value = '';
    verdict.className = 'verdict';
    verdict.dataset.state = 'waiting';
    delete verdict.dataset.verdict;
    delete verdict.dataset.level;
    verdict.replaceChildren(make('p', WORDS.waiting, 'sentence'));
    say('');
    showButtons();
  }

  function showVerdict(code: string, verification: Verification): void {
    const { level } = consumerVerdict(verification.code, verification.pack?.state);
    verdict.className = `verdict ${level}`;
    verdict.dataset.state = 'verdict';
    verdict.dataset.verdict = verification.code;
    verdict.dataset.level = level;
    const icon = document.createElementNS(SVG, 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    icon.setAttribute('focusable', 'false');
    icon.innerHTML = VERDICT_ICONS[level];
    const text = make('div');
    text.append(make('h2', WORDS.levels[level], 'headline'));
    text.append(make('p', verification.sentence, 'sentence'));
    if (verification.detail) text.append(make('p', verification.detail, 'detail'));
    const facts = make('dl');
    const fact = (term: string, value: string | undefined | null, name: string) => {
      if (!value) return;
      const dd = make('dd', value);
      dd.dataset.fact = name;
      facts.append(make('dt', term), dd);
    };
    const { product, pack } = verification;
    fact(
      WORDS.facts.product,
      product &&
        `${product.name} (${product.form}, ${product.strength}, ${product.packSize} units)`,
      'product',
    );
    fact(WORDS.facts.batch, pack?.lot, 'batch');
    fact(
      WORDS.facts.expiry,
      pack?.expiry ? dateFormat.format(new Date(`${pack.expiry}T00:00:00Z`)) : undefined,
      'expiry',
    );
    fact(WORDS.facts.serial, pack?.serial, 'serial');
    fact(WORDS.facts.gtin, pack?.gtin ?? product?.gtin, 'gtin');
    fact(WORDS.facts.state, pack?.state.replaceAll('_', ' '), 'state');
    fact(WORDS.facts.code, verification.code, 'code');
    if (!pack) fact(WORDS.facts.read, code.replaceAll(GS, '<GS>'), 'read');
    text.append(facts);
    verdict.replaceChildren(icon, text);
    shown = { code, verification };
    say('');
    showButtons();
  }

  async function verify(code: string): Promise<void> {
    const siteGln = site();
    verdict.dataset.state = 'checking';
    say(WORDS.checking);
    const answer = await call<Verification>('POST', '/verify', {
      code,
      ...(siteGln && { siteGln }),
    });
    if (!answer.ok) {
      verdict.dataset.state = shown ? 'verdict' : 'waiting';
      refused(answer);
      return;
    }
    showVerdict(code, answer.body);
    await refreshDay();
  }

  async function record(action: 'dispense' | OtherAction | 'undo', item?: string): Promise<void> {
    const siteGln = site();
    const target = item ?? shown?.code;
    if (!target) return;
    if (!siteGln) {
      say(WORDS.noSite, 'error');
      return;
    }
    say(WORDS.working);
    const answer =
      action === 'undo'
        ? await call('POST', '/decommissions/undo', { siteGln, items: [target] })
        : await call('POST', '/decommissions', { siteGln, action, items: [target] });
    if (!answer.ok) {
      refused(answer);
    } else {
      if (shown && (item === undefined || item === shown.code)) shown.recorded = action;
      if (action === 'dispense') {
        say(fill(WORDS.done.dispense, { time: timeFormat.format(new Date()) }), 'ok');
      } else if (action === 'undo') {
        say(WORDS.done.undo, 'ok');
      } else {
        say(fill(WORDS.done.other, { action: WORDS.actions[action] }), 'ok');
      }
      showButtons();
    }
    await refreshDay();
  }

  let dayRequest = 0;
  async function refreshDay(): Promise<void> {
    const siteGln = site();
    if (!siteGln) return;
    const mine = ++dayRequest;
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    const answer = await call<Activity>(
      'GET',
      `/sites/${encodeURIComponent(siteGln)}/activity?from=${encodeURIComponent(midnight.toISOString())}`,
    );
    if (mine !== dayRequest) return;
    if (!answer.ok) {
      empty.hidden = false;
      empty.textContent = answer.status === 401 ? CONSOLE_WORDS.sessionEnded : answer.message;
      return;
    }
    const day = dayRows(answer.body);
    rows.replaceChildren(...day.map(dayRow));
    empty.hidden = day.length > 0;
    empty.textContent = WORDS.today.empty;
  }

  function dayRow(row: DayRow): HTMLTableRowElement {
    const tr = make('tr');
    tr.dataset.kind = row.kind;
    if (row.action) tr.dataset.action = row.action;
    if (row.code) tr.dataset.code = row.code;
    const time = make('time', timeFormat.format(new Date(row.at)));
    time.dateTime = row.at;
    const when = make('td');
    when.append(time);
    const what = make('td', row.what);
    if (row.undone) what.append(` (${WORDS.today.undone})`);
    const cell = make('td');
    if (row.undoItem) {
      const button = make('button', WORDS.today.undo, 'secondary');
      button.type = 'button';
      button.setAttribute(
        'aria-label',
        `${WORDS.today.undo}: ${row.product ?? row.gtin ?? ''} ${row.serial ?? ''}`.trim(),
      );
      const item = row.undoItem;
      button.addEventListener('click', () => {
        enqueue(async () => {
          await record('undo', item);
          focusScan();
        });
      });
      cell.append(button);
    }
    tr.append(
      when,
      what,
      make('td', row.product ?? row.gtin ?? ''),
      make('td', row.lot ?? ''),
      make('td', row.serial ?? '', 'serial'),
      cell,
    );
    return tr;
  }

  function askThenRecord(action: OtherAction): void {
    element('confirm-title').textContent = fill(WORDS.confirm.title, {
      action: WORDS.actionNames[action],
    });
    element('confirm-text').textContent = WORDS.consequences[action];
    confirm.returnValue = '';
    confirm.dataset.action = action;
    confirm.showModal();
    element<HTMLButtonElement>('confirm-cancel').focus();
  }

  confirm.addEventListener('close', () => {
    const action = confirm.dataset.action as OtherAction | undefined;
    if (confirm.returnValue === 'ok' && action && OTHER_ACTIONS.includes(action)) {
      enqueue(async () => {
        await record(action);
        focusScan();
      });
    }
    focusScan();
  });

  scanForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = scanData(scan.value, substitute);
    scan.value = '';
    if (code === null) return;
    enqueue(() => verify(code));
    focusScan();
  });

  manualForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = (id: string) => element<HTMLInputElement>(id).value;
    const code = manualCode({
      gtin: field('manual-gtin'),
      serial: field('manual-serial'),
      lot: field('manual-lot'),
      expiry: field('manual-expiry'),
    });
    enqueue(() => verify(code));
    focusScan();
  });

  const act = (action: 'dispense' | 'undo') => () => {
    enqueue(async () => {
      await record(action);
      focusScan();
    });
  };
  dispense.addEventListener('click', act('dispense'));
  undo.addEventListener('click', act('undo'));
  other.addEventListener('click', () => askThenRecord(otherAction.value as OtherAction));

  element<HTMLFormElement>('settings-form').addEventListener('submit', (event) => {
    event.preventDefault();
    substitute = gsField.value;
    store(GS_KEY, substitute);
    element('settings-saved').textContent = WORDS.settings.saved;
    focusScan();
  });

  siteField?.addEventListener('change', () => {
    store(SITE_KEY, siteField.value);
    clear(); // a verdict is about one site's custody
    void refreshDay();
    focusScan();
  });
  element('refresh').addEventListener('click', () => {
    void refreshDay().then(focusScan);
  });

  // The scan field keeps the focus: back to it whenever the focus would go nowhere.
  scan.addEventListener('blur', (event) => {
    if (event.relatedTarget !== null) return;
    window.setTimeout(() => {
      if (document.activeElement === null || document.activeElement === document.body) focusScan();
    }, 0);
  });

  document.addEventListener('keydown', (event) => {
    if (confirm.open) return;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (event.key === 'F2' && plain) {
      event.preventDefault();
      if (!dispense.hidden) dispense.click();
      return;
    }
    if (event.key === 'F8' && plain) {
      event.preventDefault();
      if (!undo.hidden) undo.click();
      return;
    }
    if (event.key === 'Escape' && plain) {
      clear();
      focusScan();
      return;
    }
    // A scanner that types GS as Ctrl+] (its usual keyboard form): the byte itself.
    if (
      event.target === scan &&
      event.ctrlKey &&
      !event.altKey &&
      (event.key === ']' || event.code === 'BracketRight' || event.key === GS)
    ) {
      event.preventDefault();
      scan.setRangeText(
        GS,
        scan.selectionStart ?? scan.value.length,
        scan.selectionEnd ?? scan.value.length,
        'end',
      );
      return;
    }
    // A scan typed while the focus is on a button or nowhere goes to the scan field.
    if (plain && event.key.length === 1 && event.key !== ' ' && !takesText(event.target)) {
      event.preventDefault();
      scan.focus();
      scan.setRangeText(event.key, scan.value.length, scan.value.length, 'end');
    }
  });

  clear();
  focusScan();
  void refreshDay();
}
