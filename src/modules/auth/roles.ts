import { ROLES, type Role } from './principal';

/**
 * What each role may do. The roles are ordered: each may do everything the roles before it may,
 * so `requireRole(ctx, 'EDITOR')` admits editors and admins. Reads need no role at all.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, string>> = {
  CONTRIBUTOR: 'propose changes to the graph (curation proposals) for an editor to review',
  EDITOR: 'do what a contributor may, apply changes directly and review proposals',
  ADMIN: 'do what an editor may, and manage API keys (create, list, revoke)',
};

/** Whether `role` is `required` or above it (CONTRIBUTOR < EDITOR < ADMIN). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** A role named in any case ("editor", "EDITOR"), or null when it names none. */
export function parseRole(text: string): Role | null {
  const upper = text.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : null;
}

/** The highest role among several names (a JWT may list many); null when none is a role. */
export function highestRole(names: readonly string[]): Role | null {
  let best: Role | null = null;
  for (const name of names) {
    const role = parseRole(name);
    if (role && (best === null || roleAtLeast(role, best))) best = role;
  }
  return best;
}
