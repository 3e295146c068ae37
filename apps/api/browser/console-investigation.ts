/**
 * The alerts section of the manufacturer and regulator screens (docs/console.md): the list,
 * filtered by code and open or closed (GET /alerts); one alert opened with the pack's history
 * (GET /packs/{gtin}/{serial}) and a link to each sealed event's inclusion proof and EPCIS event;
 * its investigation notes, a note to add (POST /alerts/{id}/notes) and a close with its reason
 * (POST /alerts/{id}/close). Whoever may see and investigate which alert is the API's to say:
 * a refusal shows its sentence.
 */
import { fill } from '../src/consumer/consumer-words';
import { CONSOLE_WORDS } from '../src/console/console-words';
import { ALERT_PAGE, alertsPath, type AlertFilter } from '../src/console/investigation-view';
import { expiryText } from '../src/console/manufacturer-view';
import { call, type Answer } from './console-api';
import { element, make, newestFirstTable, row, say, timeOf } from './console-dom';

const WORDS = CONSOLE_WORDS.investigation;

/** GET /alerts and GET /alerts/{id}, as JSON. */
export interface AlertJson {
  id: string;
  raisedAt: string;
  code: string;
  detail: string;
  item: string;
  gtin: string | null;
  serial: string | null;
  siteGln: string | null;
  source: 'verify' | 'scan' | 'step';
  closedAt: string | null;
  closedByName?: string | null;
  closedBy?: string | null;
  closeReason: string | null;
  notes?: Array<{ id: string; writtenAt: string; organisationName: string; text: string }>;
}

/** GET /packs/{gtin}/{serial}, as JSON. */
interface PackHistoryJson {
  gtin: string;
  serial: string;
  lot: string;
  expiry: string;
  state: keyof typeof CONSOLE_WORDS.states;
  events: Array<{ id: string; action: string; recordedAt: string; leafIndex: string | null }>;
}

function link(text: string, href: string, label?: string): HTMLAnchorElement {
  const a = make('a', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  if (label) a.setAttribute('aria-label', label);
  return a;
}

/** Wires the alerts section; `refused` says a refusal (the session's end included). */
export function runInvestigation(options: {
  refused: (answer: Extract<Answer<unknown>, { ok: false }>, where: HTMLElement) => void;
}): { reload(): Promise<void> } {
  const { refused } = options;
  const rows = element<HTMLTableSectionElement>('alert-rows');
  const listError = element('alerts-error');
  const panel = element('alert-panel');
  const outcome = element('alert-outcome');
  const closeForm = element<HTMLFormElement>('close-form');
  let filter: AlertFilter = { state: 'open' };
  let opened: string | undefined;

  const readFilter = (): AlertFilter => {
    const state = element<HTMLSelectElement>('alert-state').value;
    return {
      code: element<HTMLSelectElement>('alert-code').value || undefined,
      state: state === 'open' || state === 'closed' ? state : undefined,
    };
  };

  function alertRow(alert: AlertJson): HTMLTableRowElement {
    const pack = alert.gtin
      ? `${alert.gtin}${alert.serial ? ` / ${alert.serial}` : ''}`
      : alert.item;
    const state = make('span', alert.closedAt ? WORDS.states.closed : WORDS.stillOpen);
    const open = make('button', WORDS.open, 'secondary');
    open.type = 'button';
    open.id = `alert-open-${alert.id}`;
    open.setAttribute('aria-label', fill(WORDS.openLabel, { id: alert.id }));
    open.addEventListener('click', () => void openAlert(alert.id));
    const tr = row(timeOf(alert.raisedAt), alert.code, pack, alert.siteGln ?? '', state, open);
    tr.dataset.id = alert.id;
    tr.dataset.code = alert.code;
    tr.cells[4].dataset.state = alert.closedAt ? 'closed' : 'open';
    tr.cells[2].className = 'serial';
    if (alert.id === opened) tr.setAttribute('aria-current', 'true');
    return tr;
  }

  const list = newestFirstTable({
    rows,
    empty: element('alerts-empty'),
    more: element<HTMLButtonElement>('alerts-more'),
    error: listError,
    page: ALERT_PAGE,
    fetch: (before) => call<AlertJson[]>('GET', alertsPath({ ...filter, before })),
    row: alertRow,
    refused,
  });

  function showFacts(alert: AlertJson): void {
    element('alert-title').textContent = fill(WORDS.detailTitle, {
      id: alert.id,
      code: alert.code,
    });
    const facts = element('alert-facts');
    const fact = (term: string, value: string | Node, name: string) => {
      const dd = make('dd');
      dd.append(value);
      dd.dataset.fact = name;
      facts.append(make('dt', term), dd);
    };
    facts.replaceChildren();
    fact(WORDS.raisedAt, timeOf(alert.raisedAt), 'raised');
    fact(WORDS.detail, alert.detail, 'detail');
    fact(WORDS.item, alert.item, 'item');
    if (alert.siteGln) fact(WORDS.where, `GLN ${alert.siteGln}`, 'where');
    fact(WORDS.source, WORDS.sources[alert.source] ?? alert.source, 'source');
    fact(
      WORDS.state,
      alert.closedAt
        ? fill(WORDS.closedBy, {
            at: new Date(alert.closedAt).toLocaleString(CONSOLE_WORDS.locale),
            by: alert.closedByName ?? alert.closedBy ?? '',
            reason: alert.closeReason ?? '',
          })
        : WORDS.stillOpen,
      'state',
    );
    const notes = alert.notes ?? [];
    element('alert-notes').replaceChildren(
      ...notes.map((note) => {
        const li = make('li');
        li.dataset.note = note.id;
        li.append(timeOf(note.writtenAt), ` · ${note.organisationName}: `, note.text);
        return li;
      }),
    );
    element('alert-no-notes').hidden = notes.length > 0;
    closeForm.hidden = alert.closedAt !== null;
    panel.dataset.state = alert.closedAt ? 'closed' : 'open';
  }

  async function showHistory(alert: AlertJson): Promise<void> {
    const state = element('alert-pack-state');
    const history = element<HTMLTableSectionElement>('alert-history-rows');
    history.replaceChildren();
    element('alert-history').hidden = true;
    if (!alert.gtin || !alert.serial) {
      say(state, WORDS.noPack);
      return;
    }
    const answer = await call<PackHistoryJson>(
      'GET',
      `/packs/${encodeURIComponent(alert.gtin)}/${encodeURIComponent(alert.serial)}`,
    );
    if (!answer.ok) {
      refused(answer, state);
      return;
    }
    const pack = answer.body;
    say(
      state,
      fill(WORDS.historyState, {
        state: CONSOLE_WORDS.states[pack.state] ?? pack.state,
        lot: pack.lot,
        expiry: expiryText(pack.expiry),
      }),
    );
    state.dataset.state = pack.state;
    history.replaceChildren(
      ...pack.events.map((event) => {
        const proof = make('span');
        if (event.leafIndex === null) proof.append(WORDS.unsealed);
        else {
          proof.append(
            link(
              fill(WORDS.leaf, { leaf: event.leafIndex }),
              `/ledger/events/${event.id}/proof`,
              fill(WORDS.proofLink, { leaf: event.leafIndex, id: event.id }),
            ),
            ' · ',
            link(
              'EPCIS',
              `/ledger/events/${event.id}/epcis`,
              fill(WORDS.epcisLink, { id: event.id }),
            ),
          );
        }
        const tr = row(timeOf(event.recordedAt), event.action.replaceAll('_', ' '), proof);
        tr.dataset.event = event.id;
        tr.dataset.action = event.action;
        return tr;
      }),
    );
    element('alert-history').hidden = false;
  }

  async function openAlert(id: string, focus = true): Promise<void> {
    const answer = await call<AlertJson>('GET', `/alerts/${encodeURIComponent(id)}`);
    if (!answer.ok) {
      listError.hidden = false;
      refused(answer, listError);
      return;
    }
    opened = id;
    for (const tr of rows.rows) {
      if (tr.dataset.id === id) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
    panel.hidden = false;
    panel.dataset.alert = id;
    say(outcome, '');
    showFacts(answer.body);
    // The focus moves to the alert at once; its pack's history fills in below.
    if (focus) panel.focus();
    await showHistory(answer.body);
  }

  element<HTMLFormElement>('alert-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    filter = readFilter();
    void list.load();
  });

  element<HTMLFormElement>('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = element<HTMLTextAreaElement>('note-text');
    if (!opened) return;
    const id = opened;
    void (async () => {
      const answer = await call('POST', `/alerts/${encodeURIComponent(id)}/notes`, {
        text: text.value,
      });
      if (!answer.ok) {
        refused(answer, outcome);
        return;
      }
      text.value = '';
      await openAlert(id, false);
      say(outcome, WORDS.noteAdded, 'ok');
      text.focus();
    })();
  });

  closeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = element<HTMLTextAreaElement>('close-reason');
    if (!opened) return;
    const id = opened;
    void (async () => {
      const answer = await call('POST', `/alerts/${encodeURIComponent(id)}/close`, {
        reason: reason.value,
      });
      if (!answer.ok) {
        refused(answer, outcome);
        return;
      }
      reason.value = '';
      await openAlert(id, false);
      await list.load();
      say(outcome, WORDS.closed, 'ok');
      element('alert-back').focus();
    })();
  });

  element('alert-back').addEventListener('click', () => {
    panel.hidden = true;
    const id = opened;
    opened = undefined;
    for (const tr of rows.rows) tr.removeAttribute('aria-current');
    const button = id ? document.getElementById(`alert-open-${id}`) : null;
    (button ?? element('alert-code')).focus();
  });

  filter = readFilter();
  return { reload: list.load };
}
