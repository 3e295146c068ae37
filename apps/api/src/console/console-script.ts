/**
 * The console's browser scripts: the bundles `npm run build` writes from apps/api/browser/
 * (`console.ts` for every page, `console-audit.ts` for the regulator's audit only, which carries
 * the ledger library), each served under its content-hashed name (browser-bundle.ts).
 */
import { Injectable } from '@nestjs/common';
import { loadBrowserBundle, type ServedScript } from '../browser-bundle';
import type { ScriptTag } from './console-page.html';

/** Where the console's scripts are served from. */
export const CONSOLE_ASSETS_PATH = '/console/assets';

/** The console's bundles by name. */
export type ConsoleBundle = 'console' | 'console-audit';

@Injectable()
export class ConsoleScript {
  readonly served?: ServedScript = loadBrowserBundle('console');
  readonly audit?: ServedScript = loadBrowserBundle('console-audit');

  /** A page's script tag, or undefined when the bundle was not built. */
  tag(bundle: ConsoleBundle = 'console'): ScriptTag | undefined {
    const served = bundle === 'console' ? this.served : this.audit;
    return served && { src: `${CONSOLE_ASSETS_PATH}/${served.file}`, integrity: served.integrity };
  }

  /** The bundle served under this file name, if any. */
  file(name: string): Buffer | undefined {
    return [this.served, this.audit].find((served) => served?.file === name)?.body;
  }
}
