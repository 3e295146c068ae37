/**
 * Cross-site request forgery defence for what the console's session cookie authenticates
 * (docs/console.md, "Security"). `SameSite=Strict` already keeps the cookie off requests from
 * other sites; this check also refuses requests from other origins of the same site (a sibling
 * subdomain, another port): a request that changes something, and a sign-in, must name the
 * console's own origin in `Origin`, which browsers send with every such request and a page cannot
 * forge. `Referer` stands in only where a browser sent no `Origin`. Pure.
 */

/** Methods that change nothing, which the check lets through. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin a request says it came from: its `Origin` header, else its `Referer`'s origin;
 * undefined when it names none (or the opaque origin `null`).
 * @example requestOrigin({ origin: 'https://a.example' }) // 'https://a.example'
 */
export function requestOrigin(headers: {
  origin?: string | string[];
  referer?: string | string[];
}): string | undefined {
  const origin = single(headers.origin);
  if (origin !== undefined) return origin === 'null' ? undefined : normalised(origin);
  const referer = single(headers.referer);
  return referer === undefined ? undefined : normalised(referer);
}

/**
 * Whether `from` (see requestOrigin) is one of the console's origins: the origin the request was
 * made to, or PEDIGREE_PUBLIC_URL's.
 * @example isConsoleOrigin('http://127.0.0.1:3000', ['http://127.0.0.1:3000']) // true
 */
export function isConsoleOrigin(
  from: string | undefined,
  consoleOrigins: readonly string[],
): boolean {
  if (from === undefined) return false;
  return consoleOrigins.some((origin) => normalised(origin) === from);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
}

/** The serialised origin of a URL (scheme, host, port when not the default), or undefined. */
function normalised(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
