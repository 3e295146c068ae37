/**
 * What the OpenAPI document says of a route beyond what Nest's metadata gives: a summary, what a
 * success returns, and the errors particular to it (the common ones, 400/401/403/404/429/500, are
 * derived from the route's schemas, roles and path). Every route carries one: the OpenAPI test
 * fails on a route without it.
 */
import { SetMetadata } from '@nestjs/common';
import { VERDICT_CODES, type RefusalCode } from '@pedigree/domain';
import type { z } from 'zod';
import type { ApiErrorCode } from '../errors/api.exception';

export const API_DOC = 'pedigree:api-doc';

export interface ApiDocOptions {
  /** One line: what the route does. */
  summary: string;
  /** More, when the summary is not enough (Markdown). */
  description?: string;
  /** What a success returns, in words. */
  returns: string;
  /** The success body's schema, when it is JSON and worth a schema. */
  schema?: z.ZodType;
  /** Media types of a success other than application/json, e.g. text/plain. */
  produces?: string[];
  /** Error codes particular to this route (e.g. CONFLICT, or the refusals of the pack rules). */
  errors?: ApiErrorCode[];
}

export const ApiDoc = (options: ApiDocOptions) => SetMetadata(API_DOC, options);

/** A step about packs answers with the first refused item's verdict code (docs/api.md). */
export const PACK_RULE_ERRORS: ApiErrorCode[] = VERDICT_CODES.filter(
  (code): code is RefusalCode => code !== 'OK',
);
