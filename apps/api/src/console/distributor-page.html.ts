/**
 * The distributor's screen (docs/console.md): shipments as scanned at its sites per day, the packs
 * shipped to it that never arrived (GET /shipments), and its scanners (enrol with provisioning
 * data as text and a QR code, last seen and counts, revoke) and quarantined messages. Rendered
 * empty with the organisation's sites; the script fills it from the JSON API.
 */
import { escapeHtml } from '@pedigree/html';
import type { Site } from '@pedigree/persistence';
import { fill } from '../consumer/consumer-words';
import { consolePage, type ScriptTag, type SignedIn } from './console-page.html';
import { DISTRIBUTOR_SCREEN } from './console-screens';
import { CONSOLE_WORDS } from './console-words';
import { scannersSection } from './scanners.html';

const WORDS = CONSOLE_WORDS.distributor;

/** The windows offered, in days. */
export const SHIPMENT_WINDOWS = [7, 14, 31] as const;

function shipments(): string {
  const windows = SHIPMENT_WINDOWS.map(
    (days) =>
      `<option value="${days}">${escapeHtml(fill(WORDS.windowDays, { days: String(days) }))}</option>`,
  ).join('');
  const head = (cells: string[]) =>
    `<thead><tr>${cells.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
  return `<section id="shipments" aria-labelledby="shipments-title">
<h2 id="shipments-title">${escapeHtml(WORDS.shipments)}</h2>
<p class="hint">${escapeHtml(WORDS.shipmentsLead)}</p>
<form id="shipments-form" class="row" autocomplete="off">
<div><label for="shipments-window">${escapeHtml(WORDS.window)}</label><select id="shipments-window" name="days">${windows}</select></div>
<div><button type="submit" class="secondary">${escapeHtml(WORDS.show)}</button></div>
</form>
<p id="shipments-error" class="error" role="alert" hidden></p>
<table id="shipment-days">${head([WORDS.day, WORDS.site, WORDS.left, WORDS.arrived])}<tbody id="shipment-rows"></tbody></table>
<p id="shipments-empty" hidden>${escapeHtml(WORDS.noDays)}</p>
<h2 id="awaited-title">${escapeHtml(WORDS.awaited)}</h2>
<p class="hint">${escapeHtml(WORDS.awaitedLead)}</p>
<p id="awaited-total" role="status"></p>
<table id="awaited" aria-labelledby="awaited-title">${head([WORDS.product, WORDS.batch, WORDS.serial, WORDS.to, WORDS.from, WORDS.shippedAt])}<tbody id="awaited-rows"></tbody></table>
</section>`;
}

/** The distributor's screen for an organisation with these sites. */
export function distributorPage(
  signedIn: SignedIn,
  sites: readonly Site[],
  script: ScriptTag | undefined,
): string {
  const main = [`<h1>${escapeHtml(WORDS.title)}</h1>`, shipments(), scannersSection(sites)].join(
    '\n',
  );
  return consolePage({
    page: 'distributor',
    title: WORDS.title,
    main,
    script,
    signedIn,
    current: DISTRIBUTOR_SCREEN.path,
  });
}
