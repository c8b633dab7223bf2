import { GraphQLError } from 'graphql';
import type { Authenticator, Principal, Role } from '../src/modules/auth/principal';

/**
 * The test credentials, in ONE place: `Authorization: Bearer test-<role>` is a principal of that
 * role, any other bearer is refused. The real authenticator (API keys, JWTs) replaces this once
 * it exists; tests only call `testAuthenticator` and `bearer`.
 */
export const TEST_PRINCIPALS: Record<string, Principal> = {
  'test-contributor': {
    id: 'test-contributor',
    name: 'Test Contributor',
    role: 'CONTRIBUTOR',
    via: 'API_KEY',
  },
  'test-editor': { id: 'test-editor', name: 'Test Editor', role: 'EDITOR', via: 'API_KEY' },
  'test-admin': { id: 'test-admin', name: 'Test Admin', role: 'ADMIN', via: 'API_KEY' },
};

export const testAuthenticator: Authenticator = async (authorization) => {
  if (authorization === undefined) return null;
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
  const principal = token ? TEST_PRINCIPALS[token] : undefined;
  if (!principal) {
    throw new GraphQLError('The credential is not valid.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return principal;
};

/** The request headers of a principal of the role. */
export function bearer(role: Role): Record<string, string> {
  return { authorization: `Bearer test-${role.toLowerCase()}` };
}
