/**
 * The regulator's screen (docs/console.md): every alert across the consortium, investigated as on
 * the manufacturer's screen; the chain's state (head, size, last block, cosignatures); and the
 * audit of the whole chain, run by the browser through the API with its progress shown. The
 * audit is in the ledger script (console-ledger.ts), which only this page and the manufacturer's
 * load, so the ledger library stays out of the script every screen runs.
 */
import { escapeHtml } from '@pedigree/html';
import { consolePage, type ScriptTag, type SignedIn } from './console-page.html';
import { REGULATOR_SCREEN } from './console-screens';
import { CONSOLE_WORDS } from './console-words';
import { alertsSection } from './investigation.html';

const WORDS = CONSOLE_WORDS.regulator;

function chain(): string {
  const fact = (id: string, term: string) =>
    `<dt>${escapeHtml(term)}</dt><dd id="${id}" data-fact="${id}">…</dd>`;
  return `<section id="chain" class="panel" aria-labelledby="chain-title">
<div class="row"><h2 id="chain-title">${escapeHtml(WORDS.chain)}</h2><button type="button" id="chain-refresh" class="secondary">${escapeHtml(WORDS.refresh)}</button></div>
<dl class="facts">
${fact('chain-origin', WORDS.origin)}
${fact('chain-head', WORDS.head)}
${fact('chain-size', WORDS.size)}
${fact('chain-time', WORDS.lastBlock)}
${fact('chain-root', WORDS.root)}
${fact('chain-cosignatures', WORDS.cosignatures)}
</dl>
<p id="chain-error" class="error" role="alert" hidden></p>
<h3>${escapeHtml(WORDS.audit)}</h3>
<p class="hint">${escapeHtml(WORDS.auditLead)}</p>
<button type="button" id="audit-run" disabled>${escapeHtml(WORDS.auditRun)}</button>
<div id="audit-status" hidden><progress id="audit-progress" max="1" value="0" aria-labelledby="audit-text"></progress>
<p id="audit-trust" class="hint"></p>
<p id="audit-text" role="status" aria-live="polite"></p></div>
<noscript><p>${escapeHtml(WORDS.auditNeedsScript)}</p></noscript>
</section>`;
}

/** The regulator's screen; `ledger` is the ledger script's tag. */
export function regulatorPage(
  signedIn: SignedIn,
  script: ScriptTag | undefined,
  ledger: ScriptTag | undefined,
): string {
  const main = [`<h1>${escapeHtml(WORDS.title)}</h1>`, chain(), alertsSection()].join('\n');
  return consolePage({
    page: 'regulator',
    title: WORDS.title,
    main,
    script,
    extraScripts: ledger ? [ledger] : [],
    signedIn,
    current: REGULATOR_SCREEN.path,
  });
}
