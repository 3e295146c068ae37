/**
 * Every route needs `Authorization: Bearer <key>` unless marked `@Public()`; `@Roles(...)` narrows
 * it to organisations holding one of those roles. A request without that header may instead carry
 * the web console's session cookie (docs/console.md), which speaks for the key it was made from:
 * the same routes, roles and answers, so the console sees only what the API lets that key see.
 * A request authenticated by the cookie that could change something must come from the console's
 * own pages (same-origin.ts): the cookie alone never carries a forged request.
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api.exception';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { ApiKeyService } from './api-key.service';
import { ConsoleSessionService } from './console-session.service';
import { SAFE_METHODS } from './same-origin';
import { sessionTokenOf } from './session-cookie';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    private readonly sessions: ConsoleSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { organisation?: Organisation }>();
    const organisation = await this.authenticate(request);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => organisation.roles.includes(role))) {
      throw new ApiException(
        'FORBIDDEN',
        `Only an organisation with the role ${roles.join(' or ')} may do this; ` +
          `yours has ${organisation.roles.join(', ')}.`,
      );
    }
    request.organisation = organisation;
    return true;
  }

  /** The bearer key when the request sends one (the cookie is then ignored), else the session. */
  private async authenticate(request: FastifyRequest): Promise<Organisation> {
    const { authorization } = request.headers;
    if (authorization === undefined) {
      const token = sessionTokenOf(request.headers.cookie);
      if (token !== undefined) {
        if (!SAFE_METHODS.has(request.method)) this.sessions.assertFromConsole(request);
        return this.sessions.authenticate(token);
      }
    }
    const [scheme, key] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !key) {
      throw new ApiException(
        'UNAUTHENTICATED',
        'This request needs an API key: send the header "Authorization: Bearer <key>" (or, in a browser, sign in to the console at /console).',
      );
    }
    return this.apiKeys.authenticate(key);
  }
}
