import { AppError, ErrorCode } from '../../common/errors';
import { DEFAULT_AUTH, type AuthConfig } from '../../config';
import type { Database } from '../../db/database';
import { VerifiedKeyCache } from './api-key.cache';
import { findApiKey, markUsed } from './api-key.repository';
import { API_KEY_PREFIX, apiKeyId, cacheDigest, verifyApiKey } from './api-key.secret';
import { createJwtVerifier } from './jwt';
import type { Authenticator, Principal } from './principal';

/** The default authenticator, and a way to drop a revoked key from its cache at once. */
export interface CredentialAuthenticator extends Authenticator {
  forget(keyId: string): void;
}

const refused = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);

const INVALID_KEY = 'The API key is not valid (unknown, mistyped or not a key of this server).';

/**
 * Reads `Authorization`: none is anonymous; `Bearer kg_…` is an API key, looked up by its id and
 * checked against its scrypt hash (verified keys are remembered for `apiKeyCacheSeconds`, see
 * VerifiedKeyCache); any other bearer token is a JWT when JWTs are configured. Everything else
 * present — another scheme, a malformed, unknown, wrong, revoked or expired credential — throws
 * UNAUTHENTICATED: a request never falls back to anonymous.
 */
export function createAuthenticator(
  db: Database,
  config: AuthConfig = DEFAULT_AUTH,
  options: { now?: () => number } = {},
): CredentialAuthenticator {
  const cache = new VerifiedKeyCache(
    config.apiKeyCacheSeconds * 1000,
    config.apiKeyCacheEntries,
    options.now,
  );
  const verifyJwt = config.jwt ? createJwtVerifier(config.jwt) : null;
  // Concurrent first requests with one key share one verification instead of one scrypt each.
  const pending = new Map<string, Promise<Principal>>();

  async function verifyKey(token: string, id: string, digest: Buffer): Promise<Principal> {
    const stored = await findApiKey(db, id);
    if (!stored || !(await verifyApiKey(token, stored.hash))) throw refused(INVALID_KEY);
    // Said only to whoever holds the secret, so it tells an attacker nothing.
    if (stored.revokedAt || !(await markUsed(db, id))) {
      throw refused('This API key has been revoked.');
    }
    const principal: Principal = { id, name: stored.name, role: stored.role, via: 'API_KEY' };
    cache.set(id, digest, principal);
    return principal;
  }

  async function authenticateKey(token: string): Promise<Principal> {
    const id = apiKeyId(token);
    if (id === null) throw refused(INVALID_KEY);
    const digest = cacheDigest(token);
    const cached = cache.get(id, digest);
    if (cached) return cached;
    const flight = digest.toString('hex');
    let verification = pending.get(flight);
    if (!verification) {
      verification = verifyKey(token, id, digest).finally(() => pending.delete(flight));
      pending.set(flight, verification);
    }
    return verification;
  }

  const authenticate = async (authorization: string | undefined): Promise<Principal | null> => {
    if (authorization === undefined) return null;
    const match = /^Bearer +([^\s]+) *$/i.exec(authorization);
    if (!match) {
      throw refused(
        'The Authorization header must be "Bearer <API key>"' +
          (verifyJwt ? ' or "Bearer <JWT>".' : '.'),
      );
    }
    const token = match[1]!;
    if (token.startsWith(API_KEY_PREFIX)) return authenticateKey(token);
    if (verifyJwt) return verifyJwt(token);
    throw refused('The bearer token is not an API key (kg_…), and this server accepts no JWTs.');
  };
  return Object.assign(authenticate, { forget: (keyId: string) => cache.forget(keyId) });
}
