/** Route metadata read by the API key guard, and the authenticated organisation as a parameter. */
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';

export const PUBLIC_ROUTE = 'pedigree:public';
export const REQUIRED_ROLES = 'pedigree:roles';
export const UNLIMITED_ROUTE = 'pedigree:unlimited';

/** The route answers without an API key. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A public route exempt from the public rate limit: probes and scrapers poll it. */
export const Unlimited = () => SetMetadata(UNLIMITED_ROUTE, true);

/** The caller's organisation must hold at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The organisation whose key authenticated this request. */
export const CurrentOrganisation = createParamDecorator(
  (_: unknown, context: ExecutionContext): Organisation =>
    context.switchToHttp().getRequest<{ organisation: Organisation }>().organisation,
);
