/**
 * The web console's pages as HTML (docs/console.md): one shell (the menu by role, who is signed
 * in, sign-out) around each screen, the sign-in page, the home and the "not for your role" page.
 * Rendered on the server with every value escaped; the one script is the console's own bundle,
 * pinned by its Subresource Integrity digest, and the Content-Security-Policy allows nothing else
 * (the inline style is pinned by its hash; requests go to this origin only).
 */
import type { Role } from '@pedigree/domain';
import { escapeHtml } from '@pedigree/html';
import { createHash } from 'node:crypto';
import { fill } from '../consumer/consumer-words';
import { CONSOLE_HOME, screensFor } from './console-screens';
import { CONSOLE_WORDS } from './console-words';

/** The console script's tag attributes, when the bundle is installed. */
export interface ScriptTag {
  src: string;
  integrity: string;
}

/** Who is signed in, as the shell shows it. */
export interface SignedIn {
  name: string;
  roles: readonly Role[];
}

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.5rem 1rem;background:#12263f;color:#fff}
.bar a,.bar .who{color:#fff}
.brand{font-weight:700}
.bar nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.bar nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.who{margin-left:auto}
.bar button{background:#fff;color:#12263f;border-color:#fff}
main{max-width:64rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
label{font-weight:600;display:block;margin-bottom:.25rem}
input,select,button,textarea{font:inherit}
input,select,textarea{padding:.5rem .6rem;border:2px solid #5a5f66;border-radius:.3rem;background:#fff;color:#1a1a1a}
button{padding:.5rem 1rem;border:2px solid #0b4f8a;border-radius:.3rem;background:#0b4f8a;color:#fff;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#0b4f8a}
button:disabled{opacity:.6;cursor:default}
kbd{font-family:inherit;border:1px solid currentColor;border-radius:.2rem;padding:0 .3rem;margin-left:.4rem;font-size:.85em}
.panel{background:#fff;border:1px solid #c9ced6;border-radius:.5rem;padding:1rem;margin:1rem 0}
.hint{color:#404448;font-size:.95rem;margin:.25rem 0 0}
.error{color:#8c0009;font-weight:600}
.error::before{content:"✖ "}
.ok::before{content:"✔ "}
.noscript{background:#fde9ea;color:#8c0009;padding:1rem;font-weight:600}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.grow{flex:1 1 20rem}
#scan{width:100%;font-size:1.3rem;font-family:ui-monospace,Menlo,Consolas,monospace}
.verdict{display:flex;gap:1rem;align-items:flex-start;padding:1rem 1.25rem;border:4px solid #5a5f66;border-radius:.5rem;margin:1rem 0;min-height:7rem;background:#fff}
.verdict svg{flex:none;width:4.5rem;height:4.5rem}
.verdict .headline{font-size:2rem;font-weight:800;margin:0;line-height:1.2}
.verdict .sentence{font-size:1.2rem;margin:.25rem 0 .5rem;color:#1a1a1a}
.verdict .detail{margin:0 0 .5rem;color:#1a1a1a}
.genuine{color:#00502c;border-color:#00502c;background:#e7f4ec}
.caution{color:#5c3800;border-color:#5c3800;background:#fff3d1}
.danger{color:#8c0009;border-color:#8c0009;background:#fde9ea}
.verdict dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;color:#1a1a1a}
.verdict dt{font-weight:600}
.verdict dd{margin:0;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:0 0 1rem}
.actions .dispense{font-size:1.25rem;padding:.6rem 1.4rem;background:#00502c;border-color:#00502c}
.fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem 1rem;margin:.75rem 0}
.fields input,.fields select{width:100%}
details>summary{cursor:pointer;color:#0b4f8a;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #c9ced6;vertical-align:top}
td.serial{overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
tr[data-kind=alert] td:first-child{border-left:4px solid #8c0009}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
dialog{border:3px solid #12263f;border-radius:.5rem;max-width:34rem;padding:1.25rem}
dialog::backdrop{background:rgba(0,0,0,.5)}
dialog .row{justify-content:flex-end;margin-top:1rem}
.signin{max-width:30rem}
textarea{width:100%}
h3{font-size:1.1rem;margin:1rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
progress{width:100%;height:1.4rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f5f7;border:1px solid #c9ced6;padding:.5rem;margin:0;font-size:.9rem}
#provisioning-qr{background:#fff;border:1px solid #c9ced6}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
.facts dt{font-weight:600}
.facts dd{margin:0;overflow-wrap:anywhere}
.notes li{margin:.25rem 0}
.sheets{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0;margin:.5rem 0}
button.danger-button{background:#8c0009;border-color:#8c0009;color:#fff}
td[data-state=open]::before{content:"● "}
td[data-state=closed]::before{content:"✔ "}
tr[aria-current=true] td{background:#e8f0fa}
.signin input{width:100%;font-family:ui-monospace,Menlo,Consolas,monospace}
`;

/**
 * The pages' Content-Security-Policy: the console's own script, the inline style by its hash,
 * requests (the JSON API) and form posts to this origin only, no frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers of every console page: never cached (each shows one organisation's data), never framed,
 * no referrer beyond this origin.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const WORDS = CONSOLE_WORDS;

/** The header: the brand, the screens the roles may open, who is signed in, sign-out. */
function bar(signedIn: SignedIn | undefined, current: string | undefined): string {
  if (!signedIn)
    return `<header class="bar"><span class="brand">${escapeHtml(WORDS.brand)}</span></header>`;
  const links = screensFor(signedIn.roles)
    .map(
      (screen) =>
        `<li><a href="${escapeHtml(screen.path)}"${screen.path === current ? ' aria-current="page"' : ''}>${escapeHtml(screen.title)}</a></li>`,
    )
    .join('');
  return `<header class="bar">
<a class="brand" href="${CONSOLE_HOME}">${escapeHtml(WORDS.brand)}</a>
<nav aria-label="${escapeHtml(WORDS.shell.menu)}"><ul>${links}</ul></nav>
<span class="who">${escapeHtml(WORDS.shell.signedInAs)} <strong id="organisation">${escapeHtml(signedIn.name)}</strong></span>
<button type="button" id="sign-out" class="secondary">${escapeHtml(WORDS.shell.signOut)}</button>
</header>`;
}

/**
 * A console page: the shell around `main` (already escaped HTML).
 * @param page names the page for the script (`data-page`): sign-in, home, counter, ...
 */
export function consolePage(options: {
  page: string;
  title: string;
  main: string;
  script: ScriptTag | undefined;
  /** Scripts of this page only (the regulator's audit), after the console's own. */
  extraScripts?: readonly ScriptTag[];
  signedIn?: SignedIn;
  current?: string;
}): string {
  const { page, title, main, script, extraScripts = [], signedIn, current } = options;
  const tag = [...(script ? [script] : []), ...extraScripts]
    .map(
      (one) =>
        `<script src="${escapeHtml(one.src)}" integrity="${escapeHtml(one.integrity)}" defer></script>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · ${escapeHtml(WORDS.brand)}</title>
<style>${CSS}</style>
${tag}
</head>
<body data-page="${escapeHtml(page)}">
<a class="skip" href="#main">${escapeHtml(WORDS.shell.skip)}</a>
${bar(signedIn, current)}
<main id="main" tabindex="-1">
<noscript><p class="noscript">${escapeHtml(WORDS.needsScript)}</p></noscript>
${main}
</main>
</body>
</html>
`;
}

/**
 * The sign-in page. `next` (already checked by safeNext) is where to go once signed in.
 * @example signInPage('/console/counter', script)
 */
export function signInPage(next: string | undefined, script: ScriptTag | undefined): string {
  const words = WORDS.signIn;
  const main = `<section class="signin panel" aria-labelledby="sign-in-title">
<h1 id="sign-in-title">${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.lead)}</p>
<form id="sign-in" method="post" action="/console/session"${next ? ` data-next="${escapeHtml(next)}"` : ''}>
<label for="key">${escapeHtml(words.keyLabel)}</label>
<input id="key" name="key" type="password" autocomplete="off" spellcheck="false" autocapitalize="off" required autofocus aria-describedby="key-hint sign-in-error">
<p id="key-hint" class="hint">${escapeHtml(words.keyHint)}</p>
<p id="sign-in-error" class="error" role="alert" hidden></p>
<p><button type="submit">${escapeHtml(words.submit)}</button></p>
</form>
</section>`;
  return consolePage({ page: 'sign-in', title: words.title, main, script });
}

/** The home of an organisation whose roles have no screen yet. */
export function homePage(signedIn: SignedIn, script: ScriptTag | undefined): string {
  const main = `<h1>${escapeHtml(WORDS.home.title)}</h1>
<p>${escapeHtml(fill(WORDS.home.none, { roles: signedIn.roles.join(', ') }))}</p>`;
  return consolePage({ page: 'home', title: WORDS.home.title, main, script, signedIn });
}

/** A screen the organisation may not open, with the API's own sentence saying why. */
export function forbiddenPage(message: string, script: ScriptTag | undefined): string {
  const main = `<h1>${escapeHtml(WORDS.forbidden.title)}</h1>
<p class="error" data-code="FORBIDDEN">${escapeHtml(message)}</p>
<p><a href="${CONSOLE_HOME}">${escapeHtml(WORDS.forbidden.back)}</a></p>`;
  return consolePage({ page: 'forbidden', title: WORDS.forbidden.title, main, script });
}
