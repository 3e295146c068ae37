/**
 * The web console's script, bundled for the browser by `npm run build` (esbuild) and served by
 * the API under a content-hashed name (docs/console.md). One bundle for every page: it reads the
 * page's `data-page` and wires sign-in, sign-out and the screen. It holds no rule: it sends what
 * the person scanned or chose to the JSON API and shows what the API answers.
 */
import { CONSOLE_WORDS } from '../src/console/console-words';
import { call } from './console-api';
import { runCounter } from './console-counter';
import { runDistributor } from './console-distributor';
import { runManufacturer } from './console-manufacturer';
import { runRegulator } from './console-regulator';

interface SignedIn {
  next: string;
}

function runSignIn(): void {
  const form = document.getElementById('sign-in') as HTMLFormElement | null;
  const key = document.getElementById('key') as HTMLInputElement | null;
  const error = document.getElementById('sign-in-error');
  if (!form || !key || !error) return;
  const button = form.querySelector('button');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      error.hidden = true;
      if (button) {
        button.disabled = true;
        button.textContent = CONSOLE_WORDS.signIn.working;
      }
      const answer = await call<SignedIn>('POST', '/console/session', {
        key: key.value,
        ...(form.dataset.next && { next: form.dataset.next }),
      });
      if (answer.ok) {
        key.value = '';
        window.location.assign(answer.body.next);
        return;
      }
      if (button) {
        button.disabled = false;
        button.textContent = CONSOLE_WORDS.signIn.submit;
      }
      error.textContent = answer.message;
      error.hidden = false;
      key.focus();
      key.select();
    })();
  });
}

function runSignOut(): void {
  const button = document.getElementById('sign-out');
  button?.addEventListener('click', () => {
    void call('DELETE', '/console/session').then(() => window.location.assign('/console'));
  });
}

function run(): void {
  runSignOut();
  switch (document.body.dataset.page) {
    case 'sign-in':
      runSignIn();
      break;
    case 'counter':
      runCounter();
      break;
    case 'manufacturer':
      runManufacturer();
      break;
    case 'distributor':
      runDistributor();
      break;
    case 'regulator':
      runRegulator();
      break;
    default:
      break;
  }
}

run();
