/**
 * The scanners section the manufacturer's and distributor's screens carry (docs/console.md): the
 * organisation's scanners with their last seen time and counts (GET /devices), each revocable
 * behind a confirmation (DELETE /devices/{id}); a scanner enrolled with the public key it made
 * itself (POST /devices), then its provisioning data shown as text and as a QR code
 * (GET /devices/{id}/provisioning[/qr]); the quarantined messages of its sites (GET /quarantine),
 * 50 at a time with a button for older ones.
 */
import { escapeHtml } from '@pedigree/html';
import type { Site } from '@pedigree/persistence';
import { CONSOLE_WORDS } from './console-words';

const WORDS = CONSOLE_WORDS.scanners;

function enrol(sites: readonly Site[]): string {
  const options = sites
    .map(
      (site) =>
        `<option value="${escapeHtml(site.gln)}">${escapeHtml(`${site.name}, ${site.city} (GLN ${site.gln})`)}</option>`,
    )
    .join('');
  return `<details id="enrol" class="panel"><summary>${escapeHtml(WORDS.enrol)}</summary>
<form id="enrol-form" autocomplete="off">
<p class="hint">${escapeHtml(WORDS.enrolLead)}</p>
<div class="fields">
<div><label for="enrol-name">${escapeHtml(WORDS.name)}</label><input id="enrol-name" name="name" type="text" required maxlength="200" autocomplete="off"></div>
<div><label for="enrol-site">${escapeHtml(WORDS.site)}</label><select id="enrol-site" name="site">${options}</select></div>
<div><label for="enrol-key">${escapeHtml(WORDS.publicKey)}</label><input id="enrol-key" name="publicKey" type="text" required spellcheck="false" autocapitalize="off" autocomplete="off"></div>
</div>
<button type="submit">${escapeHtml(WORDS.enrolSubmit)}</button>
</form>
<p id="enrol-outcome" role="status" aria-live="polite"></p>
<section id="provisioning" hidden aria-labelledby="provisioning-title" tabindex="-1">
<h3 id="provisioning-title">${escapeHtml(WORDS.provisioning)}</h3>
<p class="hint">${escapeHtml(WORDS.provisioningLead)}</p>
<div class="row"><img id="provisioning-qr" width="280" height="280" alt=""><pre id="provisioning-text" class="grow"></pre></div>
</section>
</details>`;
}

function confirmation(): string {
  return `<dialog id="revoke-dialog" aria-labelledby="revoke-title" aria-describedby="revoke-text">
<form method="dialog">
<h2 id="revoke-title"></h2>
<p id="revoke-text" class="error">${escapeHtml(WORDS.confirmText)}</p>
<div class="row"><button value="cancel" class="secondary" id="revoke-cancel">${escapeHtml(WORDS.cancel)}</button><button value="ok" id="revoke-ok" class="danger-button"></button></div>
</form>
</dialog>`;
}

/** The section, with the organisation's sites to enrol scanners at. */
export function scannersSection(sites: readonly Site[]): string {
  return `<section id="scanners" aria-labelledby="devices-title">
<h2 id="devices-title">${escapeHtml(WORDS.title)}</h2>
<table id="devices"><thead><tr><th scope="col">${escapeHtml(WORDS.device)}</th><th scope="col">${escapeHtml(WORDS.site)}</th><th scope="col">${escapeHtml(WORDS.lastSeen)}</th><th scope="col">${escapeHtml(WORDS.counts)}</th><th scope="col">${escapeHtml(WORDS.state)}</th><th scope="col"><span class="visually-hidden">${escapeHtml(WORDS.revoke)}</span></th></tr></thead><tbody id="device-rows"></tbody></table>
<p id="devices-empty" hidden>${escapeHtml(WORDS.empty)}</p>
<p id="devices-outcome" role="status" aria-live="polite"></p>
${sites.length > 0 ? enrol(sites) : ''}
<h2 id="quarantine-title">${escapeHtml(WORDS.quarantine)}</h2>
<p id="quarantine-error" class="error" role="alert" hidden></p>
<table id="quarantine" aria-labelledby="quarantine-title"><thead><tr><th scope="col">${escapeHtml(WORDS.received)}</th><th scope="col">${escapeHtml(WORDS.reason)}</th><th scope="col">${escapeHtml(WORDS.detail)}</th></tr></thead><tbody id="quarantine-rows"></tbody></table>
<p id="quarantine-empty" hidden>${escapeHtml(WORDS.noQuarantine)}</p>
<p><button type="button" id="quarantine-more" class="secondary" hidden>${escapeHtml(WORDS.quarantineMore)}</button></p>
${confirmation()}
</section>`;
}
