/**
 * The alerts section both the manufacturer and the regulator screens carry (docs/console.md): a
 * filter by code and by open or closed, the list, and the panel of one alert (the pack's history
 * with each event's proof, the investigation notes, a note to add, a close with its reason),
 * which the script fills from GET /alerts, GET /alerts/{id} and GET /packs/{gtin}/{serial}.
 */
import { escapeHtml } from '@pedigree/html';
import { ALERT_CODE_LIST, CONSOLE_WORDS } from './console-words';

const WORDS = CONSOLE_WORDS.investigation;

function filter(): string {
  const codes = ALERT_CODE_LIST.map((code) => `<option value="${code}">${code}</option>`).join('');
  return `<form id="alert-filter" class="row" autocomplete="off">
<div><label for="alert-code">${escapeHtml(WORDS.code)}</label><select id="alert-code" name="code"><option value="">${escapeHtml(WORDS.anyCode)}</option>${codes}</select></div>
<div><label for="alert-state">${escapeHtml(WORDS.state)}</label><select id="alert-state" name="state"><option value="open">${escapeHtml(WORDS.states.open)}</option><option value="closed">${escapeHtml(WORDS.states.closed)}</option><option value="">${escapeHtml(WORDS.states.any)}</option></select></div>
<div><button type="submit" id="alert-show" class="secondary">${escapeHtml(WORDS.filter)}</button></div>
</form>`;
}

function panel(): string {
  return `<section id="alert-panel" class="panel" hidden aria-labelledby="alert-title" tabindex="-1">
<h3 id="alert-title"></h3>
<dl id="alert-facts" class="facts"></dl>
<h4>${escapeHtml(WORDS.history)}</h4>
<p id="alert-pack-state"></p>
<table id="alert-history"><thead><tr><th scope="col">${escapeHtml(WORDS.when)}</th><th scope="col">${escapeHtml(WORDS.event)}</th><th scope="col">${escapeHtml(WORDS.proof)}</th></tr></thead><tbody id="alert-history-rows"></tbody></table>
<h4>${escapeHtml(WORDS.notes)}</h4>
<ol id="alert-notes" class="notes"></ol>
<p id="alert-no-notes">${escapeHtml(WORDS.noNotes)}</p>
<form id="note-form" autocomplete="off">
<label for="note-text">${escapeHtml(WORDS.noteLabel)}</label>
<textarea id="note-text" name="text" rows="3" required maxlength="4000" aria-describedby="note-hint"></textarea>
<p id="note-hint" class="hint">${escapeHtml(WORDS.noteHint)}</p>
<button type="submit" id="note-add">${escapeHtml(WORDS.addNote)}</button>
</form>
<form id="close-form" autocomplete="off">
<label for="close-reason">${escapeHtml(WORDS.closeLabel)}</label>
<textarea id="close-reason" name="reason" rows="2" required maxlength="4000" aria-describedby="close-hint"></textarea>
<p id="close-hint" class="hint">${escapeHtml(WORDS.closeHint)}</p>
<button type="submit" id="alert-close">${escapeHtml(WORDS.close)}</button>
</form>
<p id="alert-outcome" role="status" aria-live="polite"></p>
<p><button type="button" id="alert-back" class="secondary">${escapeHtml(WORDS.back)}</button></p>
</section>`;
}

/** The alerts section, under an `h2` with this title. */
export function alertsSection(title: string = WORDS.title): string {
  return `<section id="alerts" aria-labelledby="alerts-title">
<h2 id="alerts-title">${escapeHtml(title)}</h2>
<p class="hint">${escapeHtml(WORDS.lead)}</p>
${filter()}
<p id="alerts-error" class="error" role="alert" hidden></p>
<table id="alert-list"><thead><tr><th scope="col">${escapeHtml(WORDS.raisedAt)}</th><th scope="col">${escapeHtml(WORDS.code)}</th><th scope="col">${escapeHtml(WORDS.pack)}</th><th scope="col">${escapeHtml(WORDS.where)}</th><th scope="col">${escapeHtml(WORDS.state)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(WORDS.open)}</span></th></tr></thead><tbody id="alert-rows"></tbody></table>
<p id="alerts-empty" hidden>${escapeHtml(WORDS.empty)}</p>
<p><button type="button" id="alerts-more" class="secondary" hidden>${escapeHtml(WORDS.more)}</button></p>
${panel()}
</section>`;
}
