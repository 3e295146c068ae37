import { gs1CheckDigit } from '@pedigree/gs1';

/** A small HTTP client for the e2e suites: JSON in, status and JSON out, with a bearer key. */
export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export function apiClient(baseUrl: string) {
  return async function request(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; rawBody?: string } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body:
        text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      headers: response.headers,
    };
  };
}

/** A random valid GTIN-14 (mod-10 check digit). */
export function randomGtin(): string {
  const body = `0${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A random valid SSCC (18 digits, mod-10 check digit). */
export function randomSscc(): string {
  const body = `0${String(Math.floor(Math.random() * 1e15)).padStart(16, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A random valid GLN (13 digits, GS1 mod-10 check digit), unique enough for a test run. */
export function randomGln(): string {
  const body = `9${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}
