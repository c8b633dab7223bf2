import type { Role } from '../src/modules/auth/principal';
import type { TestApi } from './api';

/** The names of the test keys, one per writing role. */
const KEY_NAMES = {
  CONTRIBUTOR: 'Test Contributor',
  EDITOR: 'Test Editor',
  ADMIN: 'Test Admin',
} as const;

type WritingRole = keyof typeof KEY_NAMES;

/** A test key as the server sees it: the principal its requests act as. */
export interface KeyPrincipal {
  /** The key's id, which the change log and the proposals name. */
  id: string;
  name: string;
  role: Role;
}

/**
 * Real API keys for the writing roles, one each, made in the test database as `npm run keys --
 * create` makes them and checked by the server's own authenticator; they are deleted when the
 * API closes.
 */
export interface RoleKeys {
  /** The request headers that send the role's key. */
  headers(role: Role): Record<string, string>;
  principal(role: Role): KeyPrincipal;
}

export async function roleKeys(api: TestApi): Promise<RoleKeys> {
  const made = new Map<Role, { authorization: string; principal: KeyPrincipal }>();
  for (const [role, name] of Object.entries(KEY_NAMES) as [WritingRole, string][]) {
    const key = await api.keyFor(role, name);
    made.set(role, { authorization: key.authorization, principal: { id: key.id, name, role } });
  }
  const of = (role: Role) => {
    const key = made.get(role);
    if (!key) throw new Error(`no test key for the role ${role}`);
    return key;
  };
  return {
    headers: (role) => ({ authorization: of(role).authorization }),
    principal: (role) => of(role).principal,
  };
}
