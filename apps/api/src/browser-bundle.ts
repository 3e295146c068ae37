/**
 * The browser scripts `npm run build` bundles with esbuild from apps/api/browser/ into
 * dist/apps/api/browser/ (the consumer page's proof checker, the web console). Each is read once at
 * start and served under a name holding its content hash, so browsers may cache it for a year and
 * a new build is a new name; its page names it with a Subresource Integrity digest. Run from the
 * sources (unit tests) there is no bundle, and the pages say so instead of failing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bundle as served: its body, the file name it is served under and its SRI digest. */
export interface ServedScript {
  body: Buffer;
  /** `<name>-<first 16 hex digits of its SHA-256>.js` */
  file: string;
  /** Subresource Integrity value for the script tag: `sha384-<base64>`. */
  integrity: string;
}

/**
 * The built bundle `dist/apps/api/browser/<name>.js`, or undefined when it was not built.
 * @example loadBrowserBundle('console')?.file // 'console-0123456789abcdef.js'
 */
export function loadBrowserBundle(name: string): ServedScript | undefined {
  const bundle = join(__dirname, '..', 'browser', `${name}.js`);
  if (!existsSync(bundle)) return undefined;
  const body = readFileSync(bundle);
  return {
    body,
    file: `${name}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`,
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
  };
}
