/**
 * The consumer page's proof checker: the browser bundle built from apps/api/browser/proof-check.ts
 * (browser-bundle.ts), served under a name holding its content hash. Run from the sources (unit
 * tests) there is no bundle: the page then says the check is not available instead of failing.
 */
import { Injectable } from '@nestjs/common';
import { loadBrowserBundle, type ServedScript } from '../browser-bundle';

export type { ServedScript } from '../browser-bundle';

/** Where the page's assets are served from. */
export const ASSETS_PATH = '/assets';

@Injectable()
export class ProofScript {
  readonly served?: ServedScript = loadBrowserBundle('proof-check');
}
