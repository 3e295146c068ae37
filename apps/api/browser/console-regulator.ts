/**
 * The regulator's screen (docs/console.md): the chain's state from the signed checkpoint and the
 * newest block (GET /ledger/checkpoint, GET /ledger/blocks/latest), and every alert across the
 * consortium, investigated as on the manufacturer's screen. The audit button is wired by the
 * ledger script (console-ledger.ts), which this page and the manufacturer's load.
 */
import { fill } from '../src/consumer/consumer-words';
import { readCheckpoint } from '../src/console/chain-state';
import { CONSOLE_WORDS } from '../src/console/console-words';
import { call, callText } from './console-api';
import { element, refusedIn, timeOf } from './console-dom';
import { runInvestigation } from './console-investigation';

const WORDS = CONSOLE_WORDS.regulator;
const SCREEN = '/console/regulator';

export function runRegulator(): void {
  const refused = refusedIn(SCREEN);
  const error = element('chain-error');
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  const fact = (id: string, value: string | Node) => element(id).replaceChildren(value);

  async function chain(): Promise<void> {
    error.hidden = true;
    const [note, latest] = await Promise.all([
      callText('/ledger/checkpoint', 'text/plain'),
      call<{ height: number; sealedAt: string; treeSize: number }>('GET', '/ledger/blocks/latest'),
    ]);
    if (!note.ok && note.status === 404) {
      for (const id of ['chain-origin', 'chain-head', 'chain-size', 'chain-time', 'chain-root']) {
        fact(id, '—');
      }
      fact('chain-head', WORDS.noBlock);
      fact('chain-cosignatures', WORDS.noCosignatures);
      return;
    }
    if (!note.ok || !latest.ok) {
      error.hidden = false;
      refused(!note.ok ? note : (latest as Extract<typeof latest, { ok: false }>), error);
      return;
    }
    const checkpoint = readCheckpoint(note.body);
    fact('chain-origin', checkpoint?.origin ?? '');
    fact('chain-head', fill(WORDS.height, { height: String(latest.body.height) }));
    fact('chain-size', number.format(latest.body.treeSize));
    fact('chain-time', timeOf(latest.body.sealedAt));
    fact('chain-root', checkpoint?.root ?? '');
    const cosigners = checkpoint?.cosigners ?? [];
    fact(
      'chain-cosignatures',
      cosigners.length === 0 ? WORDS.noCosignatures : cosigners.join(', '),
    );
  }

  element('chain-refresh').addEventListener('click', () => void chain());
  const alerts = runInvestigation({ refused });
  void chain();
  void alerts.reload();
}
