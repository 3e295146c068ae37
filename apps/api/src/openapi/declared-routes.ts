/**
 * The routes controllers declare, read from Nest's metadata: the OpenAPI document is built from
 * them, and the role walk checks its table against them, so neither can miss an endpoint.
 */
import { HttpStatus, RequestMethod, type Type } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import type { StandardSchemaV1 } from '@standard-schema/spec';

export interface DeclaredRoute {
  /** GET, POST, ... */
  method: string;
  /** As Nest declares it: `/products/:gtin/batches`. */
  path: string;
  controller: Type;
  handler: (...args: unknown[]) => unknown;
  /** The status of a success: `@HttpCode`, else 201 for POST and 200 for the rest. */
  status: number;
  /** The schemas of the body, the query and each path parameter, as the handler validates them. */
  inputs: {
    body?: StandardSchemaV1;
    query?: StandardSchemaV1;
    params: Map<string, StandardSchemaV1 | undefined>;
  };
}

/** Nest's RouteParamtypes for the parts of a request the API validates. */
const BODY = 3;
const QUERY = 4;
const PARAM = 5;

export function declaredRoutes(controllers: readonly Type[]): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
        string,
        { data?: unknown; schema?: StandardSchemaV1 }
      >;
      const inputs: DeclaredRoute['inputs'] = { params: new Map() };
      for (const [key, arg] of Object.entries(args)) {
        const type = Number(key.split(':')[0]);
        if (type === BODY) inputs.body = arg.schema;
        else if (type === QUERY) inputs.query = arg.schema;
        else if (type === PARAM && typeof arg.data === 'string')
          inputs.params.set(arg.data, arg.schema);
      }
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
        (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
      routes.push({
        method,
        path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`,
        controller,
        handler: handler as DeclaredRoute['handler'],
        status,
        inputs,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
