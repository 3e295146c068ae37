/**
 * The OpenAPI 3.1 document of the API, built from what the code declares: every route Nest knows,
 * its path parameters, query and body as the zod schemas that validate them, who may call it (the
 * guard's metadata), its success (`@ApiDoc`) and its errors: the common ones derived from the
 * route, the particular ones declared. Nothing is written twice, so the document cannot drift.
 */
import type { Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Role } from '@pedigree/domain';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { z } from 'zod';
import { PUBLIC_ROUTE, REQUIRED_ROLES, UNLIMITED_ROUTE } from '../auth/auth.decorators';
import { API_ERROR_CODES, statusOf, type ApiErrorCode } from '../errors/api.exception';
import { API_DOC, type ApiDocOptions } from './api-doc.decorator';
import { declaredRoutes, type DeclaredRoute } from './declared-routes';

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request has the wrong form; `message` says which part and what to send.',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The organisation lacks the role this route needs.',
  404: 'Nothing of that id that the caller may see.',
  409: 'The request conflicts with what is recorded; `details` lists each refused item.',
  429: 'Too many requests from this address; `Retry-After` says when to try again.',
  500: 'A fault on the server; it is logged.',
};

/**
 * A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): a request's as the client sends it
 * (`input`), a response's as the server writes it (`output`).
 */
function jsonSchema(
  schema: StandardSchemaV1 | z.ZodType | undefined,
  io: 'input' | 'output' = 'input',
): JsonSchema {
  if (!schema || !('_zod' in schema)) return { type: 'string' };
  const schemaOf = z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: 'any' });
  delete schemaOf.$schema;
  return schemaOf;
}

/** @throws Error naming a route without `@ApiDoc`, so a new route cannot go undocumented. */
export function openApiDocument(
  controllers: readonly Type[],
  reflector: Reflector,
  info: { title: string; version: string; description: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of declaredRoutes(controllers)) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route, reflector);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An organisation API key: `Authorization: Bearer pdg_...`.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['statusCode', 'code', 'message'],
          properties: {
            statusCode: { type: 'integer' },
            code: { enum: [...API_ERROR_CODES] },
            message: {
              type: 'string',
              description: 'A sentence: what was wrong and what to do.',
            },
            details: {
              type: 'array',
              description: 'Each item a pack rule refused, and why.',
              items: {
                type: 'object',
                required: ['item', 'code', 'reason'],
                properties: {
                  item: { type: 'string' },
                  code: { type: 'string' },
                  reason: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  };
}

function operation(route: DeclaredRoute, reflector: Reflector): JsonSchema {
  const targets = [route.handler, route.controller];
  const doc = reflector.get<ApiDocOptions | undefined>(API_DOC, route.handler);
  if (!doc) {
    throw new Error(`${route.method} ${route.path} has no @ApiDoc: say what it does and returns.`);
  }
  const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
  const limited = isPublic && !reflector.getAllAndOverride<boolean>(UNLIMITED_ROUTE, targets);

  const parameters: JsonSchema[] = [];
  const inPath = [...route.inputs.params].sort(
    ([a], [b]) => route.path.indexOf(`:${a}`) - route.path.indexOf(`:${b}`),
  );
  for (const [name, schema] of inPath) {
    parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema) });
  }
  if (route.inputs.query) {
    const query = jsonSchema(route.inputs.query);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(
      (query.properties as Record<string, JsonSchema> | undefined) ?? {},
    )) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }

  const errors = new Set<ApiErrorCode>(['INTERNAL', ...(doc.errors ?? [])]);
  if (route.inputs.body || route.inputs.query || route.inputs.params.size > 0) {
    errors.add('VALIDATION');
  }
  if (route.inputs.params.size > 0) errors.add('NOT_FOUND');
  if (!isPublic) errors.add('UNAUTHENTICATED');
  if (roles) errors.add('FORBIDDEN');
  if (limited) errors.add('RATE_LIMITED');
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of errors)
    byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);

  const media = doc.produces ?? ['application/json'];
  const responses: Record<string, JsonSchema> = {
    [route.status]: {
      description: doc.returns,
      content: Object.fromEntries(
        media.map((type) => [
          type,
          {
            schema:
              type === 'application/json' && doc.schema ? jsonSchema(doc.schema, 'output') : {},
          },
        ]),
      ),
    },
  };
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `${ERROR_DESCRIPTIONS[status] ?? 'Refused.'} Codes: ${codes.join(', ')}.`,
      ...(status === 429 && {
        headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds.' } },
      }),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }

  const who = isPublic
    ? 'Public: no API key.'
    : roles
      ? `Roles: ${roles.join(', ')}.`
      : 'Any organisation with an API key.';
  return {
    tags: [route.path.split('/')[1] ?? ''],
    summary: doc.summary,
    description: [doc.description, who].filter(Boolean).join('\n\n'),
    operationId: `${route.controller.name.replace(/Controller$/, '')}.${route.handler.name}`,
    security: isPublic ? [] : [{ apiKey: [] }],
    ...(parameters.length > 0 && { parameters }),
    ...(route.inputs.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.inputs.body) } },
      },
    }),
    responses,
  };
}
