/**
 * The console's browser script: the bundle `npm run build` writes from
 * apps/api/browser/console.ts, served under its content-hashed name (browser-bundle.ts).
 */
import { Injectable } from '@nestjs/common';
import { loadBrowserBundle, type ServedScript } from '../browser-bundle';
import type { ScriptTag } from './console-page.html';

/** Where the console's script is served from. */
export const CONSOLE_ASSETS_PATH = '/console/assets';

@Injectable()
export class ConsoleScript {
  readonly served?: ServedScript = loadBrowserBundle('console');

  /** The page's script tag, or undefined when the bundle was not built. */
  tag(): ScriptTag | undefined {
    return (
      this.served && {
        src: `${CONSOLE_ASSETS_PATH}/${this.served.file}`,
        integrity: this.served.integrity,
      }
    );
  }
}
