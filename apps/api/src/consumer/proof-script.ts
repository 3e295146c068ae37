/**
 * The consumer page's proof checker: the browser bundle `npm run build` writes with esbuild from
 * apps/api/browser/proof-check.ts, next to this file's compiled copy (dist/apps/api/browser/). It
 * is read once at start and served under a name holding its content hash, so browsers may cache
 * it for a year and a new build is a new name. Run from the sources (unit tests) there is no
 * bundle: the page then says the check is not available instead of failing.
 */
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle as served: its body, the file name it is served under and its SRI digest. */
export interface ServedScript {
  body: Buffer;
  /** `proof-check-<first 16 hex digits of its SHA-256>.js` */
  file: string;
  /** Subresource Integrity value for the script tag: `sha384-<base64>`. */
  integrity: string;
}

/** Where the page's assets are served from. */
export const ASSETS_PATH = '/assets';

@Injectable()
export class ProofScript {
  readonly served?: ServedScript;

  constructor() {
    const bundle = join(__dirname, '..', '..', 'browser', 'proof-check.js');
    if (!existsSync(bundle)) return;
    const body = readFileSync(bundle);
    this.served = {
      body,
      file: `proof-check-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`,
      integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
    };
  }
}
