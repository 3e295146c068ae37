/**
 * Errors the HTTP API answers with, as codes. Services throw `ApiException(code, sentence)`; the one
 * filter (`api-exception.filter.ts`) maps each code to its HTTP status, exhaustively.
 */
export type ApiErrorCode =
  'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL';

export class ApiException extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
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
    case 'INTERNAL':
      return 500;
  }
}
