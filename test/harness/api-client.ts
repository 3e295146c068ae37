/** A small HTTP client for the e2e suites: JSON in, status and JSON out, with a bearer key. */
import { TEST_ADMIN_KEY } from './services';
export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export function apiClient(baseUrl: string) {
  return async function request(
    method: string,
    path: string,
    options: {
      key?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
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

/** Random valid keys, unique enough for a test run. */
export { randomGln, randomGtin, randomSscc } from '@pedigree/gs1';

/**
 * An organisation the admin creates, with one site at `gln`; its first API key.
 * @throws Error naming the answer when the organisation or its site is refused
 */
export async function organisationWithSite(
  request: ReturnType<typeof apiClient>,
  who: { name: string; roles: string[]; gln: string; city?: string; country?: string },
): Promise<string> {
  const created = await request('POST', '/organisations', {
    key: TEST_ADMIN_KEY,
    body: { name: who.name, roles: who.roles },
  });
  if (created.status !== 201)
    throw new Error(`organisation refused: ${JSON.stringify(created.body)}`);
  const key = created.body.apiKey.key as string;
  const site = await request('POST', '/sites', {
    key,
    body: {
      gln: who.gln,
      name: `${who.name} site`,
      address: '1 Road',
      city: who.city ?? 'Lyon',
      country: who.country ?? 'FR',
    },
  });
  if (site.status !== 201) throw new Error(`site refused: ${JSON.stringify(site.body)}`);
  return key;
}

/** One pack of a batch as `GET /products/{gtin}/batches/{lot}/serials` lists it. */
export interface ListedSerial {
  serial: string;
  elementString: string;
  aiData: string;
  digitalLink: string;
}

/**
 * Registers a batch of a product the manufacturer (`key`) made, and the product first when it is
 * given, and commissions `count` serials at its site; the serials as the API lists them.
 * @throws Error naming the answer when a step is refused
 */
export async function commissionBatch(
  request: ReturnType<typeof apiClient>,
  key: string,
  batch: {
    gtin: string;
    lot: string;
    count: number;
    siteGln: string;
    expiry?: string;
    product?: { name: string; form: string; strength: string; packSize: number };
  },
): Promise<ListedSerial[]> {
  const { gtin, lot, count, siteGln, expiry = '301200', product } = batch;
  const path = `/products/${gtin}/batches`;
  await postSteps(request, [
    ...(product ? [['/products', key, { gtin, ...product }] as const] : []),
    [path, key, { lot, expiry, quantity: count }],
    [`${path}/${lot}/serials`, key, { count, siteGln }],
  ]);
  return (await request('GET', `${path}/${lot}/serials`, { key })).body;
}

/**
 * POSTs each `[path, key, body]` in order, as a test's setup does (ship, receive, dispense...).
 * @throws Error with the API's answer when one is not 201
 */
export async function postSteps(
  request: ReturnType<typeof apiClient>,
  steps: ReadonlyArray<readonly [path: string, key: string, body: unknown]>,
): Promise<void> {
  for (const [path, key, body] of steps) {
    const answer = await request('POST', path, { key, body });
    if (answer.status !== 201)
      throw new Error(`POST ${path} refused: ${JSON.stringify(answer.body)}`);
  }
}
