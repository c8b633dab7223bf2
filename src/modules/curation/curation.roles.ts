import type { Principal, Role } from '../auth/principal';
import { ForbiddenError, UnauthenticatedError } from './curation.errors';

/**
 * Who may write what. Reads stay anonymous. A contributor's write becomes a proposal for the
 * review queue; an editor's applies at once, and editors accept or reject proposals; an admin may
 * do all an editor may. (Managing credentials is the admin's own business, elsewhere.)
 */
const APPLIES_DIRECTLY: readonly Role[] = ['EDITOR', 'ADMIN'];

/** The principal of a write; UNAUTHENTICATED when the request is anonymous. */
export function requireWriter(principal: Principal | null): Principal {
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/** Whether the principal's writes apply at once (else they are proposals). */
export function appliesDirectly(principal: Principal): boolean {
  return APPLIES_DIRECTLY.includes(principal.role);
}

/** The principal of a review (accepting or rejecting a proposal): an editor or an admin. */
export function requireReviewer(principal: Principal | null): Principal {
  const writer = requireWriter(principal);
  if (!appliesDirectly(writer)) {
    throw new ForbiddenError(
      `A ${writer.role.toLowerCase()} may propose changes but not review them; accepting and rejecting proposals needs an editor or an admin.`,
    );
  }
  return writer;
}
