/**
 * How the console's script calls the JSON API: same origin, the session cookie sent by the
 * browser (never readable here: it is HttpOnly), and every answer reduced to ok or the API's own
 * error sentence. The browser adds the `Origin` header the API checks on every call that changes
 * something.
 */
import { CONSOLE_WORDS } from '../src/console/console-words';

export type Answer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string; message: string };

/**
 * Calls the API; a network failure is `status` 0 with a sentence saying so.
 * @example await call<{ code: string }>('POST', '/verify', { code, siteGln })
 */
export async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'UNREACHABLE', message: CONSOLE_WORDS.unreachable };
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const error = (parsed ?? {}) as { code?: unknown; message?: unknown };
  return {
    ok: false,
    status: response.status,
    code: typeof error.code === 'string' ? error.code : 'INTERNAL',
    message:
      typeof error.message === 'string'
        ? error.message
        : `The platform answered ${response.status}.`,
  };
}
