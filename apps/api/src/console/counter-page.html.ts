/**
 * The pharmacy counter (docs/console.md): one scan field that keeps the focus for a keyboard-wedge
 * scanner, the verdict region the script fills (announced by screen readers as it changes), the
 * actions, manual entry of the four data elements of a damaged code, today's list and the
 * scanner's GS setting. The page holds no rule: its script calls the JSON API and shows what the
 * API answers.
 */
import { escapeHtml } from '@pedigree/html';
import type { Site } from '@pedigree/persistence';
import { consolePage, type ScriptTag, type SignedIn } from './console-page.html';
import { COUNTER_SCREEN } from './console-screens';
import { CONSOLE_WORDS, OTHER_ACTIONS } from './console-words';
import { DEFAULT_GS_SUBSTITUTE } from './counter-input';

const WORDS = CONSOLE_WORDS.counter;

function siteChoice(sites: readonly Site[]): string {
  if (sites.length === 0) return `<p class="error" id="no-site">${escapeHtml(WORDS.noSite)}</p>`;
  const options = sites
    .map(
      (site) =>
        `<option value="${escapeHtml(site.gln)}">${escapeHtml(`${site.name}, ${site.city} (GLN ${site.gln})`)}</option>`,
    )
    .join('');
  return `<div class="row"><label for="site">${escapeHtml(WORDS.site)}</label><select id="site" name="site">${options}</select></div>`;
}

function scanForm(): string {
  return `<form id="scan-form" class="panel" autocomplete="off">
<label for="scan">${escapeHtml(WORDS.scanLabel)}</label>
<div class="row"><div class="grow"><input id="scan" name="scan" type="text" autofocus spellcheck="false" autocapitalize="off" autocomplete="off" aria-describedby="scan-hint"></div>
<button type="submit">${escapeHtml(WORDS.check)}</button></div>
<p id="scan-hint" class="hint">${escapeHtml(WORDS.scanHint)}</p>
</form>`;
}

function verdictRegion(): string {
  return `<section id="verdict" class="verdict" data-state="waiting" aria-live="assertive" aria-atomic="true" aria-label="${escapeHtml(WORDS.scanLabel)}">
<p class="sentence">${escapeHtml(WORDS.waiting)}</p>
</section>
<div id="actions" class="actions" hidden>
<button type="button" id="dispense" class="dispense" hidden>${escapeHtml(WORDS.dispense)}<kbd>${WORDS.dispenseKey}</kbd></button>
<button type="button" id="undo" class="secondary" hidden>${escapeHtml(WORDS.undo)}<kbd>${WORDS.undoKey}</kbd></button>
<div><label for="other-action">${escapeHtml(WORDS.otherAction)}</label>
<div class="row"><select id="other-action">${OTHER_ACTIONS.map((action) => `<option value="${action}">${escapeHtml(WORDS.actionNames[action])}</option>`).join('')}</select>
<button type="button" id="other" class="secondary">${escapeHtml(WORDS.otherActionButton)}</button></div></div>
</div>
<p id="outcome" role="status" aria-live="polite"></p>`;
}

function manualEntry(): string {
  const field = (id: string, label: string, extra = '') =>
    `<div><label for="${id}">${escapeHtml(label)}</label><input id="${id}" name="${id}" type="text" required spellcheck="false" autocapitalize="off" autocomplete="off"${extra}></div>`;
  const words = WORDS.manual;
  return `<details id="manual" class="panel"><summary>${escapeHtml(words.summary)}</summary>
<form id="manual-form" autocomplete="off">
<p class="hint">${escapeHtml(words.lead)}</p>
<div class="fields">
${field('manual-gtin', words.gtin, ' inputmode="numeric"')}
${field('manual-serial', words.serial)}
${field('manual-lot', words.lot)}
${field('manual-expiry', words.expiry, ' aria-describedby="manual-expiry-hint"')}
</div>
<p id="manual-expiry-hint" class="hint">${escapeHtml(words.expiryHint)}</p>
<button type="submit">${escapeHtml(words.submit)}</button>
</form>
</details>`;
}

function todayList(): string {
  const words = WORDS.today;
  return `<section aria-labelledby="today-title">
<div class="row"><h2 id="today-title">${escapeHtml(words.title)}</h2><button type="button" id="refresh" class="secondary">${escapeHtml(words.refresh)}</button></div>
<p class="hint">${escapeHtml(words.lead)}</p>
<table id="today">
<thead><tr><th scope="col">${escapeHtml(words.time)}</th><th scope="col">${escapeHtml(words.what)}</th><th scope="col">${escapeHtml(WORDS.facts.product)}</th><th scope="col">${escapeHtml(WORDS.facts.batch)}</th><th scope="col">${escapeHtml(WORDS.facts.serial)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(words.undo)}</span></th></tr></thead>
<tbody id="today-rows"></tbody>
</table>
<p id="today-empty">${escapeHtml(words.empty)}</p>
</section>`;
}

function settings(): string {
  const words = WORDS.settings;
  return `<details id="settings" class="panel"><summary>${escapeHtml(words.summary)}</summary>
<form id="settings-form" autocomplete="off">
<label for="gs">${escapeHtml(words.gsLabel)}</label>
<div class="row"><input id="gs" name="gs" type="text" spellcheck="false" value="${escapeHtml(DEFAULT_GS_SUBSTITUTE)}" aria-describedby="gs-hint"><button type="submit" class="secondary">${escapeHtml(words.save)}</button></div>
<p id="gs-hint" class="hint">${escapeHtml(words.gsHint)}</p>
<p id="settings-saved" role="status"></p>
</form>
</details>`;
}

function confirmation(): string {
  const words = WORDS.confirm;
  return `<dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text">
<form method="dialog">
<h2 id="confirm-title"></h2>
<p id="confirm-text"></p>
<div class="row"><button value="cancel" class="secondary" id="confirm-cancel">${escapeHtml(words.cancel)}</button><button value="ok" id="confirm-ok">${escapeHtml(words.ok)}</button></div>
</form>
</dialog>`;
}

/**
 * The counter for an organisation with these sites (the script picks the one chosen last on
 * this browser, else the first).
 */
export function counterPage(
  signedIn: SignedIn,
  sites: readonly Site[],
  script: ScriptTag | undefined,
): string {
  const main = [
    `<h1>${escapeHtml(WORDS.title)}</h1>`,
    siteChoice(sites),
    scanForm(),
    verdictRegion(),
    manualEntry(),
    todayList(),
    settings(),
    confirmation(),
  ].join('\n');
  return consolePage({
    page: 'counter',
    title: WORDS.title,
    main,
    script,
    signedIn,
    current: COUNTER_SCREEN.path,
  });
}
