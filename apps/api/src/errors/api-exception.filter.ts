/**
 * The one place HTTP errors are shaped: `{ statusCode, code, message }`, where `message` is a
 * sentence that says what was wrong and what to do. Nest's own exceptions (validation, unknown
 * route, malformed JSON) are given a code too, so clients see one shape.
 */
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { RecordingError } from '@pedigree/recording';
import type { FastifyReply } from 'fastify';
import { ApiException, statusOf, type ApiErrorCode } from './api.exception';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { code, message } = this.describe(error);
    const statusCode = error instanceof HttpException ? error.getStatus() : statusOf(code);
    const details =
      error instanceof ApiException || error instanceof RecordingError ? error.details : undefined;
    const body = { statusCode, code, message, ...(details && { details }) };
    if (error instanceof ApiException && error.problem) {
      // An RFC 7807 problem (the EPCIS binding's error shape) that still carries our fields.
      void reply
        .status(statusCode)
        .type('application/problem+json')
        .send({ ...error.problem, status: statusCode, detail: message, ...body });
      return;
    }
    void reply.status(statusCode).send(body);
  }

  private describe(error: unknown): { code: ApiErrorCode; message: string } {
    if (error instanceof ApiException || error instanceof RecordingError) {
      return { code: error.code, message: error.message };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const detail =
        typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
      const message = Array.isArray(detail) ? detail.join('; ') : String(detail);
      return { code: codeOfStatus(status), message };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      code: 'INTERNAL',
      message: 'Something went wrong on the server; it has been logged. Try again shortly.',
    };
  }
}

function codeOfStatus(status: number): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  return status < 500 ? 'VALIDATION' : 'INTERNAL';
}
