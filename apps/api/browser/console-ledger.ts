/**
 * The ledger checks of the regulator's and manufacturer's screens (docs/console.md), a bundle of
 * its own loaded on those pages only: it carries the ledger library and its Ed25519 and SHA-256
 * code, which the counter and the distributor's screen do not need. Each sealed event of an
 * opened alert's pack history is proven here, in the browser, as the consumer page proves a pack's
 * journey; and on the regulator's screen the audit button runs browser-audit.ts against the API
 * with the session and shows the progress and the verdict in words.
 */
import { fill } from '../src/consumer/consumer-words';
import { CONSOLE_WORDS } from '../src/console/console-words';
import { progressText } from '../src/console/manufacturer-view';
import { proveEvent, runBrowserAudit, type Fetcher } from './browser-audit';

const WORDS = CONSOLE_WORDS.regulator;

const fetcher: Fetcher = async (path) => {
  const response = await fetch(path, { credentials: 'same-origin' });
  return { status: response.status, text: await response.text() };
};

function run(): void {
  const button = document.getElementById('audit-run') as HTMLButtonElement | null;
  const status = document.getElementById('audit-status');
  const progress = document.getElementById('audit-progress') as HTMLProgressElement | null;
  const text = document.getElementById('audit-text');
  const trust = document.getElementById('audit-trust');
  if (!button || !status || !progress || !text || !trust) return;
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  const show = (state: 'running' | 'clean' | 'failed' | 'error', words: string) => {
    status.dataset.state = state;
    // Said in a mark and words as well as colour: ✔ clean, ✖ not verified or not finished.
    text.className = state === 'clean' ? 'ok' : state === 'running' ? '' : 'error';
    text.textContent = words;
  };
  button.disabled = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    status.hidden = false;
    progress.value = 0;
    trust.textContent = '';
    show('running', fill(WORDS.auditReading, { progress: progressText(0, 0) }));
    void (async () => {
      try {
        const audit = await runBrowserAudit(fetcher, (done, total) => {
          progress.max = Math.max(total, 1);
          progress.value = done;
          show('running', fill(WORDS.auditReading, { progress: progressText(done, total) }));
        });
        if (audit.key) trust.textContent = fill(WORDS.auditTrust, { key: audit.key });
        const { outcome } = audit;
        if (!outcome) {
          progress.max = 1;
          progress.value = 1;
          show('clean', WORDS.auditEmpty);
        } else if (outcome.finding) {
          show(
            'failed',
            fill(WORDS.auditFailed, {
              where: outcome.finding.where,
              what: outcome.finding.what,
              blocks: number.format(outcome.blocks),
              leaves: number.format(outcome.leaves),
            }),
          );
        } else {
          progress.value = progress.max;
          show(
            'clean',
            fill(WORDS.auditClean, {
              blocks: number.format(outcome.blocks),
              leaves: number.format(outcome.leaves),
              height: String(outcome.head?.height ?? 0),
              size: number.format(outcome.head?.treeSize ?? 0),
            }),
          );
        }
      } catch (error) {
        show('error', fill(WORDS.auditError, { reason: (error as Error).message }));
      } finally {
        button.disabled = false;
        button.focus();
      }
    })();
  });
}

/**
 * Marks each sealed event the alert panel lists as proven or not, once per row, trusting the
 * sealer key the platform serves (as the audit does).
 */
function runProofMarks(): void {
  const rows = document.getElementById('alert-history-rows');
  if (!rows) return;
  const words = CONSOLE_WORDS.investigation;
  let key: Promise<string | null> | undefined;
  const sealerKey = () =>
    (key ??= fetcher('/ledger/key').then((answer) =>
      answer.status === 200 ? answer.text.trim() : null,
    ));
  const mark = (row: HTMLTableRowElement) => {
    const eventId = row.dataset.event;
    const cell = row.cells[2];
    if (!eventId || row.dataset.proof || !cell?.querySelector('a')) return;
    row.dataset.proof = 'checking';
    const seal = document.createElement('span');
    seal.dataset.seal = '';
    seal.textContent = words.proving;
    cell.append(' · ', seal);
    void (async () => {
      const vkey = await sealerKey();
      const proven = vkey !== null && (await proveEvent(fetcher, eventId, vkey));
      row.dataset.proof = proven ? 'verified' : 'failed';
      seal.className = proven ? 'ok' : 'error';
      seal.textContent = proven ? words.proven : words.unproven;
    })();
  };
  new MutationObserver(() => {
    for (const row of rows.querySelectorAll('tr')) mark(row);
  }).observe(rows, { childList: true });
}

run();
runProofMarks();
