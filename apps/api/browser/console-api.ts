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
  return send<T>(method, path, body, 'application/json', true);
}

/**
 * GETs a text answer (a checkpoint note, a CSV file) as it is; an error is the API's sentence.
 * @example await callText('/ledger/checkpoint', 'text/plain')
 */
export function callText(path: string, accept: string): Promise<Answer<string>> {
  return send<string>('GET', path, undefined, accept, false);
}

async function send<T>(
  method: string,
  path: string,
  body: unknown,
  accept: string,
  json: boolean,
): Promise<Answer<T>> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await response.text();
  } catch {
    return { ok: false, status: 0, code: 'UNREACHABLE', message: CONSOLE_WORDS.unreachable };
  }
  if (response.ok && !json) return { ok: true, status: response.status, body: text as T };
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
