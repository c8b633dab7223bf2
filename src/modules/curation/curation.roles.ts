import type { Principal } from '../auth/principal';
import { requireRole } from '../auth/require-role';
import { roleAtLeast } from '../auth/roles';

/**
 * Who may write what, in the auth module's one role order. Reads stay anonymous. A contributor's
 * write becomes a proposal for the review queue; an editor's applies at once, and editors accept
 * or reject proposals; an admin may do all an editor may.
 */

/** The principal of a write: a contributor or above; UNAUTHENTICATED when anonymous. */
export function requireWriter(principal: Principal | null): Principal {
  return requireRole({ principal }, 'CONTRIBUTOR');
}

/** Whether the principal's writes apply at once (else they are proposals). */
export function appliesDirectly(principal: Principal): boolean {
  return roleAtLeast(principal.role, 'EDITOR');
}

/** The principal of a review (accepting or rejecting a proposal): an editor or an admin. */
export function requireReviewer(principal: Principal | null): Principal {
  return requireRole({ principal }, 'EDITOR');
}
