import { ForbiddenError, UnauthenticatedError } from '../../common/graphql-errors';
import type { Principal, Role } from './principal';
import { ROLE_PERMISSIONS, roleAtLeast } from './roles';

/**
 * The guard of every write: the request's principal when its role is `role` or above (see
 * ROLE_PERMISSIONS); UNAUTHENTICATED for an anonymous request, FORBIDDEN for a lower role. The
 * principal it returns is the author to record.
 */
export function requireRole(ctx: { principal: Principal | null }, role: Role): Principal {
  const principal = ctx.principal;
  if (principal === null) {
    throw new UnauthenticatedError(
      `This needs a credential with the role ${role} or above: send "Authorization: Bearer <API key>".`,
    );
  }
  if (!roleAtLeast(principal.role, role)) {
    throw new ForbiddenError(
      `This needs the role ${role} or above (${role}: ${ROLE_PERMISSIONS[role]}); the credential ${principal.id} has the role ${principal.role}.`,
    );
  }
  return principal;
}
