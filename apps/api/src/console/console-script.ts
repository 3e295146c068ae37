/**
 * The console's browser scripts: the bundles `npm run build` writes from apps/api/browser/
 * (`console.ts` for every page; `console-ledger.ts`, which carries the ledger library, for the
 * screens that check the ledger in the browser, the manufacturer's and the regulator's), each
 * served under its content-hashed name (browser-bundle.ts).
 */
import { Injectable } from '@nestjs/common';
import { loadBrowserBundle, type ServedScript } from '../browser-bundle';
import type { ScriptTag } from './console-page.html';

/** Where the console's scripts are served from. */
export const CONSOLE_ASSETS_PATH = '/console/assets';

/** The console's bundles by name. */
export type ConsoleBundle = 'console' | 'console-ledger';

@Injectable()
export class ConsoleScript {
  readonly served?: ServedScript = loadBrowserBundle('console');
  readonly ledger?: ServedScript = loadBrowserBundle('console-ledger');

  /** A page's script tag, or undefined when the bundle was not built. */
  tag(bundle: ConsoleBundle = 'console'): ScriptTag | undefined {
    const served = bundle === 'console' ? this.served : this.ledger;
    return served && { src: `${CONSOLE_ASSETS_PATH}/${served.file}`, integrity: served.integrity };
  }

  /** The bundle served under this file name, if any. */
  file(name: string): Buffer | undefined {
    return [this.served, this.ledger].find((served) => served?.file === name)?.body;
  }
}
