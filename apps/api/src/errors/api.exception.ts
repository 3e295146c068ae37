/**
 * Errors the HTTP API answers with, as codes. Services throw `ApiException(code, sentence)`; the one
 * filter (`api-exception.filter.ts`) maps each code to its HTTP status, exhaustively. A pack rule
 * that refuses an event (the event door's RecordingError) answers with its code from the shared
 * verdict vocabulary (DESIGN.md), and `details` names each pack that was refused and why.
 */
import { VERDICT_CODES, type RefusalCode } from '@pedigree/domain';
import type { RefusedItem } from '@pedigree/recording';

const HTTP_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ApiErrorCode = RefusalCode | (typeof HTTP_ERROR_CODES)[number];

/** Every code an error may carry, for the OpenAPI document. */
export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  ...HTTP_ERROR_CODES,
  ...VERDICT_CODES.filter((code): code is RefusalCode => code !== 'OK'),
];

export class ApiException extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: readonly RefusedItem[],
    /**
     * For the EPCIS REST binding, which answers errors as RFC 7807 problems: the problem's
     * `type` (e.g. `epcisException:ValidationException`) and `title`, sent beside our own fields.
     */
    readonly problem?: { type: string; title: string },
  ) {
    super(message);
    this.name = 'ApiException';
  }
}

/** The HTTP status of each code. */
export function statusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'MALFORMED_CODE':
      return 400;
    case 'UNKNOWN_PRODUCT':
    case 'UNKNOWN_SERIAL':
      return 404;
    case 'BATCH_MISMATCH':
    case 'EXPIRY_MISMATCH':
    case 'ALREADY_DECOMMISSIONED':
    case 'RECALLED':
    case 'EXPIRED':
    case 'LOCKED':
    case 'WRONG_CUSTODY':
    case 'SUSPECT':
      return 409;
  }
}
