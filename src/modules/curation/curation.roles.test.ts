import type { Principal, Role } from '../auth/principal';
import { ErrorCode } from '../../common/errors';
import { appliesDirectly, requireReviewer, requireWriter } from './curation.roles';

const as = (role: Role): Principal => ({ id: `k-${role}`, name: role, role, via: 'API_KEY' });

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('who may write what', () => {
  it('refuses every write of an anonymous request', () => {
    expect(code(() => requireWriter(null))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(code(() => requireReviewer(null))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('lets a contributor propose but not apply or review', () => {
    expect(requireWriter(as('CONTRIBUTOR')).role).toBe('CONTRIBUTOR');
    expect(appliesDirectly(as('CONTRIBUTOR'))).toBe(false);
    expect(code(() => requireReviewer(as('CONTRIBUTOR')))).toBe(ErrorCode.FORBIDDEN);
  });

  it.each([['EDITOR'], ['ADMIN']] as const)('lets an %s apply and review', (role) => {
    expect(appliesDirectly(as(role))).toBe(true);
    expect(requireReviewer(as(role)).id).toBe(`k-${role}`);
  });
});
