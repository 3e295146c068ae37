/**
 * `/docs` and `/docs/openapi.json` describe every route the running platform serves: its
 * parameters, body schema, who may call it, its success and its error responses.
 */
import { ApiModule, declaredRoutes } from '@pedigree/api';
import { platformEnv } from '../harness/services';
import { spawnPlatform, type SpawnedPlatform } from '../harness/spawn-platform';
import { workerDatabaseUrl } from '../harness/test-database';

type Operation = {
  summary: string;
  security: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

describe('the OpenAPI document', () => {
  let platform: SpawnedPlatform;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    platform = await spawnPlatform(platformEnv(await workerDatabaseUrl()));
    const response = await fetch(`${platform.url}/docs/openapi.json`);
    expect(response.status).toBe(200);
    document = await response.json();
  });

  afterAll(() => platform?.stop());

  it('has an operation for every route, each with a summary, a success and the error shape', () => {
    const { controllers = [] } = ApiModule.forRoot({ publicRateLimit: 0 });
    const declared = [
      'get /health',
      'get /metrics',
      ...declaredRoutes(controllers).map(
        (r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    ].sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(declared);
    expect(document.openapi).toBe('3.1.0');
    for (const operations of Object.values(document.paths)) {
      for (const op of Object.values(operations)) {
        expect(op.summary.length).toBeGreaterThan(5);
        expect(Object.keys(op.responses).some((status) => status.startsWith('2'))).toBe(true);
        expect(op.responses['500']!.content!['application/json']!.schema).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
    }
  });

  it('gives request schemas and who may call', () => {
    const verify = document.paths['/verify']!.post!;
    expect(verify.requestBody!.content['application/json']!.schema.required).toEqual(['code']);
    expect(verify.security).toEqual([{ apiKey: [] }]);
    const verdict = verify.responses['200']!.content!['application/json']!.schema as {
      properties: { code: { enum: string[] } };
    };
    expect(verdict.properties.code.enum).toContain('ALREADY_DECOMMISSIONED');
    const recall = document.paths['/products/{gtin}/batches/{lot}/recall']!.post!;
    expect(recall.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['path:gtin', 'path:lot']);
    expect(Object.keys(recall.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404']),
    );
    const checkpoint = document.paths['/ledger/checkpoint']!.get!;
    expect(checkpoint.security).toEqual([]);
    expect(Object.keys(checkpoint.responses)).toContain('429');
    expect(Object.keys(document.paths['/health']!.get!.responses)).not.toContain('429');
  });

  it('serves the document as a page that lists every path', async () => {
    const response = await fetch(`${platform.url}/docs`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    for (const path of Object.keys(document.paths)) {
      expect(html).toContain(`<code>${path.replace(/'/g, '&#39;')}</code>`);
    }
  });
});
