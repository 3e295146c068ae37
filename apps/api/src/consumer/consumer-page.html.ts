/**
 * The consumer page as HTML: mobile first, readable without JavaScript, every value escaped. The
 * verdict is told by an icon of its own shape and a word as well as a colour, so it reads the
 * same to a colour-blind visitor and to a screen reader. The one script is the self-hosted proof
 * checker; the proof material it reads sits in a JSON data block the browser never executes, and
 * the Content-Security-Policy allows nothing else (the inline style is pinned by its hash).
 */
import { createHash } from 'node:crypto';
import type { Language } from './consumer-request';
import { LANGUAGES } from './consumer-request';
import { WORDS, fill, type Words } from './consumer-words';
import type { ConsumerView } from './dto/consumer.dto';
import { VERDICT_ICONS as ICONS } from './verdict-icons';
import { escapeHtml } from '@pedigree/html';

/** The proof checker's script tag attributes, when the bundle is installed. */
export interface ScriptTag {
  src: string;
  integrity: string;
}

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:.5rem;font-size:.95rem}
header nav a{margin-left:.5rem;color:#0b4f8a}
h1{font-size:1.6rem;margin:0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.verdict{display:flex;gap:1rem;align-items:flex-start;padding:1rem;border:3px solid;border-radius:.5rem;margin:1rem 0}
.verdict svg{flex:none;width:3rem;height:3rem}
.verdict p{margin:.25rem 0 0;font-size:1.1rem}
.genuine{color:#00502c;background:#e7f4ec}
.caution{color:#5c3800;background:#fff3d1}
.danger{color:#8c0009;background:#fde9ea}
.verdict p,.recall{color:#1a1a1a}
.recall{border-left:.4rem solid #8c0009;background:#fde9ea;padding:.75rem 1rem;margin:1rem 0;font-weight:600}
.recall p{margin:0}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
.mismatch{font-weight:700;color:#8c0009}
ol{padding-left:1.25rem}
li{margin-bottom:.75rem}
.where,.seal{display:block;font-size:.95rem;color:#404040}
.seal[data-proof=failed]{color:#8c0009;font-weight:700}
.status{padding:.75rem 1rem;border:2px solid #404040;border-radius:.5rem;font-weight:600}
.status[data-state=verified]{border-color:#00502c;color:#00502c}
.status[data-state=failed]{border-color:#8c0009;color:#8c0009;background:#fde9ea}
code{overflow-wrap:anywhere;font-size:.85rem}
details{margin-top:1rem}
summary{cursor:pointer;color:#0b4f8a;font-weight:600}
`;

/**
 * The page's Content-Security-Policy: scripts from this origin only (the proof checker), the
 * inline style by its hash, no frames, no fetches, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * JSON safe inside a `<script type="application/json">` block: no `<` can close the element.
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** A day in the visitor's language, e.g. "24 November 2026". */
function day(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(WORDS[language].locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/** A country's name in the visitor's language from its ISO code; the code if unknown. */
function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([WORDS[language].locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `href` of the same link in another language. */
function inLanguage(link: string, language: Language): string {
  return `${link}${link.includes('?') ? '&' : '?'}lang=${language}`;
}

function shell(language: Language, title: string, link: string, body: string): string {
  const words = WORDS[language];
  const others = LANGUAGES.filter((l) => l !== language)
    .map(
      (l) =>
        `<a href="${escapeHtml(inLanguage(link, l))}" hreflang="${l}" lang="${l}">${escapeHtml(WORDS[l].otherLanguages)}: ${l.toUpperCase()}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><span>${escapeHtml(words.brand)}</span><nav aria-label="${escapeHtml(words.otherLanguages)}">${others}</nav></header>
${body}
</main>
</body>
</html>
`;
}

function verdictSection(view: ConsumerView, words: Words): string {
  const { level, code, sentence } = view.verdict;
  return `<section class="verdict ${level}" role="status" aria-labelledby="verdict-title" data-verdict="${code}" data-level="${level}">
<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[level]}</svg>
<div><h1 id="verdict-title">${escapeHtml(words.levels[level])}</h1><p>${escapeHtml(sentence)}</p></div>
</section>`;
}

function recallSection(view: ConsumerView, words: Words): string {
  const { recall } = view;
  if (!recall) return '';
  const notice = fill(words.recall[recall.scope], { date: day(recall.at, view.language) });
  const reason = recall.reason
    ? `<p>${escapeHtml(fill(words.recall.reason, { reason: recall.reason }))}</p>`
    : '';
  return `<section class="recall" role="alert" data-recall="${recall.scope}"><p>${escapeHtml(notice)}</p>${reason}</section>`;
}

function factsSection(view: ConsumerView, words: Words): string {
  const { product, pack, read, language } = view;
  const rows: Array<[string, string]> = [];
  if (product) {
    rows.push([words.facts.product, escapeHtml(product.name)]);
    rows.push([words.facts.form, escapeHtml(`${product.form}, ${product.strength}`)]);
    rows.push([words.facts.packSize, String(product.packSize)]);
    if (product.manufacturer)
      rows.push([words.facts.manufacturer, escapeHtml(product.manufacturer)]);
  }
  const differs = (recorded: string, fromCode: string | null, shown: string) =>
    fromCode !== null && fromCode !== recorded
      ? ` <span class="mismatch" data-mismatch>(${escapeHtml(fill(words.facts.codeSays, { value: shown }))})</span>`
      : '';
  if (pack) {
    rows.push([
      words.facts.batch,
      escapeHtml(pack.lot) + differs(pack.lot, read.lot, read.lot ?? ''),
    ]);
    const recorded = pack.expiryDate ? day(pack.expiryDate, language) : pack.expiry;
    const fromCode = read.expiryDate ? day(read.expiryDate, language) : (read.expiry ?? '');
    rows.push([
      words.facts.expiry,
      escapeHtml(recorded) + differs(pack.expiry, read.expiry, fromCode),
    ]);
  } else {
    if (read.lot !== null) rows.push([words.facts.batch, escapeHtml(read.lot)]);
    if (read.expiry !== null) rows.push([words.facts.expiry, escapeHtml(read.expiry)]);
  }
  rows.push([words.facts.serial, escapeHtml(read.serial)]);
  rows.push([words.facts.gtin, escapeHtml(read.gtin)]);
  const list = rows
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`)
    .join('');
  return `<section aria-labelledby="facts-title"><h2 id="facts-title">${escapeHtml(words.facts.heading)}</h2><dl>${list}</dl></section>`;
}

function journeySection(view: ConsumerView, words: Words): string {
  const { journey, language } = view;
  const steps = journey.map((step) => {
    const place = [step.city, step.country && countryName(step.country, language)]
      .filter((part): part is string => Boolean(part))
      .join(', ');
    const leaf = step.proof ? ` data-leaf-index="${step.proof.leafIndex}"` : '';
    const seal = step.sealed ? words.journey.sealed : words.journey.unsealed;
    return `<li${leaf}><strong>${escapeHtml(words.journey.steps[step.action])}</strong>
<span class="where"><time datetime="${escapeHtml(step.recordedAt)}">${escapeHtml(day(step.recordedAt, language))}</time>${place ? ` · ${escapeHtml(place)}` : ''}</span>
<span class="seal" data-seal="${step.sealed ? 'sealed' : 'unsealed'}">${escapeHtml(seal)}</span></li>`;
  });
  const list = steps.length
    ? `<ol>${steps.join('\n')}</ol>`
    : `<p>${escapeHtml(words.journey.none)}</p>`;
  return `<section aria-labelledby="journey-title"><h2 id="journey-title">${escapeHtml(words.journey.heading)}</h2>${list}</section>`;
}

/** What the proof checker reads: the checkpoint, the keys, each sealed step's proof, its words. */
function proofMaterial(view: ConsumerView, words: Words): unknown {
  const { proof } = words;
  return {
    checkpoint: view.ledger?.checkpoint,
    keys: view.ledger?.keys,
    leaves: view.journey.flatMap((step) =>
      step.proof ? [{ ...step.proof, step: words.journey.steps[step.action] }] : [],
    ),
    words: {
      checking: proof.checking,
      verified: proof.verified,
      failed: proof.failed,
      badNote: proof.badNote,
      badPath: proof.badPath,
      proven: `${words.journey.sealed}: ${words.journey.proven}`,
      unproven: `${words.journey.sealed}: ${words.journey.unproven}`,
    },
  };
}

function proofSection(view: ConsumerView, words: Words, script: ScriptTag | undefined): string {
  const how = words.proof.how.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const key = view.ledger
    ? `<p>${escapeHtml(words.proof.key)}: ${view.ledger.keys.map((k) => `<code>${escapeHtml(k)}</code>`).join(' ')}</p>`
    : '';
  let status: string;
  let checker = '';
  if (!view.ledger) {
    status = `<p id="proof-status" class="status" data-state="nothing-sealed">${escapeHtml(words.proof.nothingSealed)}</p>`;
  } else if (!script) {
    status = `<p id="proof-status" class="status" data-state="unavailable">${escapeHtml(words.proof.unavailable)}</p>`;
  } else {
    status = `<p id="proof-status" class="status" data-state="no-script" aria-live="polite">${escapeHtml(words.proof.needsScript)}</p>`;
    checker = `<script type="application/json" id="proof-material">${jsonForScript(proofMaterial(view, words))}</script>
<script src="${escapeHtml(script.src)}" integrity="${escapeHtml(script.integrity)}" defer></script>`;
  }
  return `<section aria-labelledby="proof-title"><h2 id="proof-title">${escapeHtml(words.proof.heading)}</h2>
${status}
<details><summary>${escapeHtml(words.proof.howHeading)}</summary>${how}${key}</details>
${checker}
</section>`;
}

/**
 * The page for one pack: verdict, recall notice, facts, journey and the proof the browser checks.
 * @example renderConsumerPage(view, { src: '/assets/proof-check-0123456789abcdef.js', integrity })
 */
export function renderConsumerPage(view: ConsumerView, script: ScriptTag | undefined): string {
  const words = WORDS[view.language];
  const body = [
    verdictSection(view, words),
    recallSection(view, words),
    factsSection(view, words),
    journeySection(view, words),
    proofSection(view, words, script),
  ]
    .filter(Boolean)
    .join('\n');
  return shell(
    view.language,
    `${words.levels[view.verdict.level]} · ${words.title}`,
    view.link,
    body,
  );
}

/**
 * The 400 page for a link that is not a readable pack code, saying what is wrong with it.
 * @example renderMalformedPage('GTIN check digit is wrong', 'en', '/01/123/21/X')
 */
export function renderMalformedPage(reason: string, language: Language, link: string): string {
  const words = WORDS[language];
  const body = `<section class="verdict danger" role="alert" data-verdict="MALFORMED_CODE" data-level="danger">
<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS.danger}</svg>
<div><h1>${escapeHtml(words.malformed.title)}</h1><p>${escapeHtml(words.malformed.lead)}</p>
<p>${escapeHtml(fill(words.malformed.what, { reason }))}</p></div>
</section>`;
  return shell(language, words.malformed.title, link, body);
}
