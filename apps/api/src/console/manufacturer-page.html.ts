/**
 * The manufacturer's screen (docs/console.md): its products and their batches with the packs
 * counted by state; a batch's commissioning (in runs, with a progress bar and a stop), its
 * serials (CSV) and label sheets, its recall; cases and pallets packed and unpacked; the alerts on
 * its products; the scanners (enrol, revoke) and quarantined messages of its sites. Rendered empty
 * with the organisation's sites; the script fills it from the JSON API and sends every action
 * there.
 */
import { escapeHtml } from '@pedigree/html';
import type { Site } from '@pedigree/persistence';
import { fill } from '../consumer/consumer-words';
import { MAX_SHEET_LABELS } from '../labels/sheet-size';
import { consolePage, type ScriptTag, type SignedIn } from './console-page.html';
import { MANUFACTURER_SCREEN } from './console-screens';
import { CONSOLE_WORDS } from './console-words';
import { alertsSection } from './investigation.html';
import { scannersSection } from './scanners.html';
import { COMMISSION_RUN } from './manufacturer-view';

const WORDS = CONSOLE_WORDS.manufacturer;

const field = (id: string, label: string, extra = '', hint?: string) =>
  `<div><label for="${id}">${escapeHtml(label)}</label><input id="${id}" name="${id}" type="text" spellcheck="false" autocapitalize="off" autocomplete="off"${extra}${hint ? ` aria-describedby="${id}-hint"` : ''}>${hint ? `<p id="${id}-hint" class="hint">${escapeHtml(hint)}</p>` : ''}</div>`;

function siteSelect(id: string, sites: readonly Site[]): string {
  if (sites.length === 0) return `<p class="error">${escapeHtml(WORDS.noSite)}</p>`;
  const options = sites
    .map(
      (site) =>
        `<option value="${escapeHtml(site.gln)}">${escapeHtml(`${site.name}, ${site.city} (GLN ${site.gln})`)}</option>`,
    )
    .join('');
  return `<div><label for="${id}">${escapeHtml(WORDS.site)}</label><select id="${id}" name="${id}">${options}</select></div>`;
}

function products(): string {
  return `<section aria-labelledby="products-title">
<h2 id="products-title">${escapeHtml(WORDS.products)}</h2>
<table id="products"><thead><tr><th scope="col">${escapeHtml(WORDS.gtin)}</th><th scope="col">${escapeHtml(WORDS.name)}</th><th scope="col">${escapeHtml(WORDS.form)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(WORDS.manage)}</span></th></tr></thead><tbody id="product-rows"></tbody></table>
<p id="products-empty" hidden>${escapeHtml(WORDS.noProducts)}</p>
<details id="register-product" class="panel"><summary>${escapeHtml(WORDS.registerProduct)}</summary>
<form id="product-form" autocomplete="off"><div class="fields">
${field('product-gtin', WORDS.gtin, ' required inputmode="numeric"')}
${field('product-name', WORDS.name, ' required')}
${field('product-dosage-form', WORDS.form, ' required')}
${field('product-strength', WORDS.strength, ' required')}
${field('product-pack-size', WORDS.packSize, ' required inputmode="numeric"')}
${field('product-national-code', WORDS.nationalCode)}
</div><button type="submit">${escapeHtml(WORDS.registerProductSubmit)}</button></form>
</details>
</section>`;
}

function batches(sites: readonly Site[]): string {
  return `<section id="product-panel" class="panel" hidden aria-labelledby="batches-title" tabindex="-1">
<h2 id="batches-title"></h2>
<table id="batches"><thead><tr><th scope="col">${escapeHtml(WORDS.lot)}</th><th scope="col">${escapeHtml(WORDS.expiry)}</th><th scope="col">${escapeHtml(WORDS.commissioned)}</th><th scope="col">${escapeHtml(WORDS.byState)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(WORDS.select)}</span></th></tr></thead><tbody id="batch-rows"></tbody></table>
<p id="batches-empty" hidden>${escapeHtml(WORDS.noBatches)}</p>
<details id="register-batch"><summary>${escapeHtml(WORDS.registerBatch)}</summary>
<form id="batch-form" autocomplete="off"><div class="fields">
${field('batch-lot', WORDS.lot, ' required')}
${field('batch-expiry', WORDS.expiry, ' required inputmode="numeric"', WORDS.expiryHint)}
${field('batch-quantity', WORDS.quantity, ' required inputmode="numeric"')}
</div><button type="submit">${escapeHtml(WORDS.registerBatchSubmit)}</button></form>
</details>
<p><button type="button" id="withdraw" class="danger-button">${escapeHtml(WORDS.withdraw)}</button></p>
<section id="batch-panel" hidden aria-labelledby="batch-title" tabindex="-1">
<h3 id="batch-title"></h3>
<form id="commission-form" autocomplete="off">
<h4>${escapeHtml(WORDS.commission)}</h4>
<div class="fields">${field('commission-count', WORDS.count, ' required inputmode="numeric"', fill(WORDS.commissionHint, { chunk: new Intl.NumberFormat(CONSOLE_WORDS.locale).format(COMMISSION_RUN) }))}
${siteSelect('commission-site', sites)}</div>
<button type="submit" id="commission">${escapeHtml(WORDS.commissionSubmit)}</button>
<button type="button" id="commission-stop" class="secondary" hidden>${escapeHtml(WORDS.stop)}</button>
<div id="commission-status" hidden><progress id="commission-progress" max="1" value="0" aria-labelledby="commission-text"></progress>
<p id="commission-text" role="status" aria-live="polite"></p></div>
</form>
<p><button type="button" id="download" class="secondary">${escapeHtml(WORDS.download)}</button></p>
<h4 id="labels-title">${escapeHtml(WORDS.labels)}</h4>
<p id="labels-hint" class="hint">${escapeHtml(fill(WORDS.labelsHint, { size: new Intl.NumberFormat(CONSOLE_WORDS.locale).format(MAX_SHEET_LABELS) }))}</p>
<ul id="label-sheets" class="sheets" aria-labelledby="labels-title"></ul>
<p id="labels-none" hidden>${escapeHtml(WORDS.noLabels)}</p>
<p><button type="button" id="recall" class="danger-button">${escapeHtml(WORDS.recall)}</button></p>
</section>
<p id="product-outcome" role="status" aria-live="polite"></p>
</section>`;
}

function containers(sites: readonly Site[]): string {
  return `<section aria-labelledby="containers-title">
<h2 id="containers-title">${escapeHtml(WORDS.containers)}</h2>
<p class="hint">${escapeHtml(WORDS.containersLead)}</p>
<form id="aggregate-form" class="panel" autocomplete="off"><div class="fields">
${field('aggregate-sscc', WORDS.sscc, ' required inputmode="numeric"')}
${siteSelect('aggregate-site', sites)}
</div>
<label for="aggregate-items">${escapeHtml(WORDS.items)}</label>
<textarea id="aggregate-items" name="items" rows="4" required spellcheck="false" aria-describedby="aggregate-items-hint"></textarea>
<p id="aggregate-items-hint" class="hint">${escapeHtml(WORDS.itemsHint)}</p>
<button type="submit">${escapeHtml(WORDS.aggregate)}</button>
</form>
<form id="unpack-form" class="panel" autocomplete="off"><div class="fields">
${field('unpack-sscc', WORDS.unpackSscc, ' required inputmode="numeric"')}
${siteSelect('unpack-site', sites)}
</div><button type="submit">${escapeHtml(WORDS.unpack)}</button></form>
<p id="containers-outcome" role="status" aria-live="polite"></p>
</section>`;
}

/** The recall and withdrawal confirmation: the script fills in what and how much. */
function confirmation(): string {
  const words = WORDS.confirm;
  return `<dialog id="recall-dialog" aria-labelledby="recall-title" aria-describedby="recall-final recall-stock recall-notified">
<form method="dialog" id="recall-form">
<h2 id="recall-title"></h2>
<p id="recall-final" class="error"></p>
<p id="recall-stock"></p>
<p id="recall-notified">${escapeHtml(words.notified)}</p>
<label for="recall-reason">${escapeHtml(words.reason)}</label>
<textarea id="recall-reason" name="reason" rows="2" maxlength="1000"></textarea>
<p id="recall-missing" class="error" role="alert" hidden></p>
<div class="row"><button value="cancel" class="secondary" id="recall-cancel" formnovalidate>${escapeHtml(words.cancel)}</button><button value="ok" id="recall-ok" class="danger-button"></button></div>
</form>
</dialog>`;
}

/**
 * The manufacturer's screen for an organisation with these sites; `ledger` is the tag of the
 * script that proves the alert panel's events in the browser.
 */
export function manufacturerPage(
  signedIn: SignedIn,
  sites: readonly Site[],
  script: ScriptTag | undefined,
  ledger?: ScriptTag,
): string {
  const main = [
    `<h1>${escapeHtml(WORDS.title)}</h1>`,
    products(),
    batches(sites),
    containers(sites),
    alertsSection(),
    scannersSection(sites),
    confirmation(),
  ].join('\n');
  return consolePage({
    page: 'manufacturer',
    title: WORDS.title,
    main,
    script,
    extraScripts: ledger ? [ledger] : [],
    signedIn,
    current: MANUFACTURER_SCREEN.path,
  });
}
