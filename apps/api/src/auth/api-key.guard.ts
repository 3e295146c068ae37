/**
 * Every route needs `Authorization: Bearer <key>` unless marked `@Public()`; `@Roles(...)` narrows
 * it to organisations holding one of those roles.
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';
import { ApiException } from '../errors/api.exception';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { ApiKeyService } from './api-key.service';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; organisation?: Organisation }>();
    const [scheme, key] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !key) {
      throw new ApiException(
        'UNAUTHENTICATED',
        'This request needs an API key: send the header "Authorization: Bearer <key>".',
      );
    }
    const organisation = await this.apiKeys.authenticate(key);
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
}
