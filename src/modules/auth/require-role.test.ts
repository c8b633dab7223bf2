import { GraphQLError } from 'graphql';
import type { Principal, Role } from './principal';
import { requireRole } from './require-role';

const as = (role: Role): { principal: Principal } => ({
  principal: { id: 'k1', name: 'Test', role, via: 'API_KEY' },
});

/** The code requireRole refuses with, or "OK". */
function outcome(ctx: { principal: Principal | null }, role: Role): string {
  try {
    requireRole(ctx, role);
    return 'OK';
  } catch (error) {
    return (error as GraphQLError).extensions.code as string;
  }
}

describe('requireRole', () => {
  it('refuses anonymous requests as UNAUTHENTICATED whatever the role', () => {
    expect(
      (['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const).map((r) => outcome({ principal: null }, r)),
    ).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('admits the role and those above it, and refuses lower roles as FORBIDDEN', () => {
    const table = (['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const).map((has) =>
      (['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const).map((needs) => outcome(as(has), needs)),
    );
    expect(table).toEqual([
      ['OK', 'FORBIDDEN', 'FORBIDDEN'],
      ['OK', 'OK', 'FORBIDDEN'],
      ['OK', 'OK', 'OK'],
    ]);
  });

  it('returns the principal, the author to record, and names the role needed when it refuses', () => {
    const ctx = as('EDITOR');
    expect(requireRole(ctx, 'EDITOR')).toBe(ctx.principal);
    expect(() => requireRole(ctx, 'ADMIN')).toThrow(
      'This needs the role ADMIN or above (ADMIN: do what an editor may, and manage API keys (create, list, revoke)); the credential k1 has the role EDITOR.',
    );
  });
});
