import { createLocalJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { AppError, ErrorCode } from '../../common/errors';
import type { JwtConfig } from '../../config';
import type { Principal } from './principal';
import { highestRole } from './roles';

/** The value at a dotted path of the claims (`realm_access.roles`), or undefined. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const refused = (message: string, cause?: unknown) =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, { cause });

/** Why jose refused a token, in words a client can act on (never the token itself). */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The token's "${error.claim}" claim is not accepted (${error.reason}).`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The token signature does not verify.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The token is signed with an algorithm this server does not accept.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'No configured key matches the token.';
  return 'The bearer token is not a valid JWT.';
}

/**
 * Verifies JWTs against the configured public key or key set: signature (asymmetric algorithms
 * only), `iss`, `aud`, `exp` (required) and `nbf`, with the configured clock tolerance. The token
 * must name its subject (`sub`, the principal's id) and grant a role in the configured claim (a
 * name, or a list of which the highest role counts); a token that is valid but grants none is
 * refused as UNAUTHENTICATED, as it is no credential for this API.
 */
export function createJwtVerifier(config: JwtConfig): (token: string) => Promise<Principal> {
  const key: KeyObject | JWTVerifyGetKey =
    config.keys.kind === 'pem' ? config.keys.key : createLocalJWKSet(config.keys.jwks);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      // Two overloads (a key, a key-choosing function) that TypeScript will not pick from a union.
      payload =
        typeof key === 'function'
          ? (await jwtVerify(token, key, options)).payload
          : (await jwtVerify(token, key, options)).payload;
    } catch (error) {
      throw refused(reason(error), error);
    }
    const claim = claimAt(payload, config.roleClaim);
    const names = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim : [];
    const role = highestRole(names.filter((n): n is string => typeof n === 'string'));
    if (role === null) {
      throw refused(`The token grants no role in its "${config.roleClaim}" claim.`);
    }
    const sub = payload.sub;
    if (typeof sub !== 'string' || sub === '') throw refused('The token names no subject ("sub").');
    const name = [payload.name, payload.preferred_username].find(
      (n): n is string => typeof n === 'string' && n !== '',
    );
    return { id: sub, name: name ?? sub, role, via: 'JWT' };
  };
}
