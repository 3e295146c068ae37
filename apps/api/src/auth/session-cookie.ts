/**
 * The web console's session cookie (docs/console.md, "Security"): `HttpOnly` (no script reads
 * it), `SameSite=Strict` (no other site's page sends it), `Path=/` (the console's pages call the
 * JSON API at its own paths), and `Secure` when the console was opened over https, under the
 * `__Host-` name the browser only accepts from a secure origin for the whole host: a sibling
 * subdomain cannot plant one. Pure: reading and writing the headers only.
 */

/** The cookie's name on a page opened over http (a platform on this machine, tests). */
export const SESSION_COOKIE = 'pedigree_session';
/** Its name over https, with the `__Host-` prefix. */
export const SECURE_SESSION_COOKIE = '__Host-pedigree_session';

/** A session token: 32 random bytes in base64url. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The value of the first cookie named `name` in a `Cookie` header (RFC 6265 §5.4), unquoted.
 * @example readCookie('a=1; pedigree_session=abc', 'pedigree_session') // 'abc'
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
      ? value.slice(1, -1)
      : value;
  }
  return undefined;
}

/**
 * The session token a request carries, the `__Host-` cookie first; undefined when there is none.
 * @example sessionTokenOf('pedigree_session=abc') // 'abc'
 */
export function sessionTokenOf(header: string | undefined): string | undefined {
  return readCookie(header, SECURE_SESSION_COOKIE) ?? readCookie(header, SESSION_COOKIE);
}

/**
 * The `Set-Cookie` value that gives the browser its session.
 * @example sessionCookie('abc', { secure: true, maxAgeSeconds: 60 })
 * // '__Host-pedigree_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure'
 */
export function sessionCookie(
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  const name = options.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const attributes = [
    `${name}=${token}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/**
 * `Set-Cookie` values that remove the session cookie under both names (the `__Host-` one can only
 * be removed with `Secure`, which a browser on http ignores harmlessly).
 */
export function clearedSessionCookies(): string[] {
  return [
    `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    `${SECURE_SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure`,
  ];
}
