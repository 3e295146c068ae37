/**
 * Errors of the console's page routes, for a browser: a page that needs a session sends a browser
 * without one to the sign-in page (and back after), and a page the organisation's roles do not
 * open says so in a page, with the API's own sentence. Anything that is not a browser asking for
 * HTML (a script, curl, the role walk) gets the API's usual JSON error.
 */
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearedSessionCookies } from '../auth/session-cookie';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { ApiException } from '../errors/api.exception';
import { PAGE_HEADERS, forbiddenPage } from './console-page.html';
import { ConsoleScript } from './console-script';
import { CONSOLE_HOME } from './console-screens';

/**
 * Whether the client asks for HTML: browsers navigating do (`text/html,...`); fetch and curl send
 * `*\/*` and get JSON.
 * @example prefersHtml('text/html,application/xhtml+xml,*\/*;q=0.8') // true
 */
export function prefersHtml(accept: string | undefined): boolean {
  return accept?.split(',').some((type) => type.trim().startsWith('text/html')) ?? false;
}

@Catch()
export class ConsolePageFilter implements ExceptionFilter {
  private readonly json = new ApiExceptionFilter();

  constructor(private readonly script: ConsoleScript) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (!(error instanceof ApiException) || !prefersHtml(request.headers.accept)) {
      this.json.catch(error, host);
      return;
    }
    if (error.code === 'UNAUTHENTICATED') {
      const next = request.url.split('?')[0];
      void reply
        .status(303)
        .header('set-cookie', clearedSessionCookies())
        .header('cache-control', 'no-store')
        .header('location', `${CONSOLE_HOME}?next=${encodeURIComponent(next)}`)
        .send();
      return;
    }
    if (error.code === 'FORBIDDEN') {
      void reply
        .status(403)
        .headers(PAGE_HEADERS)
        .send(forbiddenPage(error.message, this.script.tag()));
      return;
    }
    this.json.catch(error, host);
  }
}
