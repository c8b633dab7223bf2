import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { AppError, ErrorCode } from '../../common/errors';
import type { JwtConfig } from '../../config';
import { createJwtVerifier } from './jwt';

const ISSUER = 'https://id.example.org/realms/kg';
const AUDIENCE = 'kommunalgraph';

let privateKey: KeyObject;
let publicKey: KeyObject;
let otherPrivateKey: KeyObject;

beforeAll(async () => {
  ({ privateKey, publicKey } = (await generateKeyPair('ES256')) as {
    privateKey: KeyObject;
    publicKey: KeyObject;
  });
  otherPrivateKey = (await generateKeyPair('ES256')).privateKey as KeyObject;
});

const config = (overrides: Partial<JwtConfig> = {}): JwtConfig => ({
  keys: { kind: 'pem', key: publicKey },
  issuer: ISSUER,
  audience: AUDIENCE,
  algorithms: ['ES256'],
  roleClaim: 'role',
  clockToleranceSeconds: 0,
  ...overrides,
});

function sign(
  claims: JWTPayload,
  options: { key?: KeyObject; exp?: string | number | null; kid?: string } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('user-17')
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? '5m');
  return jwt.sign(options.key ?? privateKey);
}

/** The principal, or the code and message of the refusal. */
async function outcome(jwtConfig: JwtConfig, token: string): Promise<unknown> {
  try {
    return await createJwtVerifier(jwtConfig)(token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message };
  }
}

const refused = (message: string) => ({ code: ErrorCode.UNAUTHENTICATED, message });

describe('JWT verification', () => {
  it('accepts a token signed with the key, of the issuer and audience, with a role', async () => {
    const token = await sign({ role: 'editor', name: 'Anna Schmidt' });
    expect(await outcome(config(), token)).toEqual({
      id: 'user-17',
      name: 'Anna Schmidt',
      role: 'EDITOR',
      via: 'JWT',
    });
  });

  it('takes the highest role from a list at a dotted path, and the subject as name without one', async () => {
    const token = await sign({ realm_access: { roles: ['offline_access', 'admin', 'editor'] } });
    expect(await outcome(config({ roleClaim: 'realm_access.roles' }), token)).toEqual({
      id: 'user-17',
      name: 'user-17',
      role: 'ADMIN',
      via: 'JWT',
    });
  });

  it('refuses an expired token, within no tolerance, and accepts it within the tolerance', async () => {
    const token = await sign({ role: 'editor' }, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await outcome(config(), token)).toEqual(refused('The token has expired.'));
    expect(await outcome(config({ clockToleranceSeconds: 300 }), token)).toMatchObject({
      role: 'EDITOR',
    });
  });

  it('refuses a token signed with another key', async () => {
    const token = await sign({ role: 'admin' }, { key: otherPrivateKey });
    expect(await outcome(config(), token)).toEqual(refused('The token signature does not verify.'));
  });

  it('refuses a token whose signature was tampered with, or whose claims were', async () => {
    const token = await sign({ role: 'contributor' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const raised = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        role: 'admin',
      }),
    ).toString('base64url');
    expect(await outcome(config(), `${header}.${payload}.${flipped}`)).toEqual(
      refused('The token signature does not verify.'),
    );
    expect(await outcome(config(), `${header}.${raised}.${signature}`)).toEqual(
      refused('The token signature does not verify.'),
    );
  });

  it('refuses a valid token that grants no role, or no role it knows', async () => {
    expect(await outcome(config(), await sign({}))).toEqual(
      refused('The token grants no role in its "role" claim.'),
    );
    expect(await outcome(config(), await sign({ role: ['superuser', 42] }))).toEqual(
      refused('The token grants no role in its "role" claim.'),
    );
  });

  it('refuses another issuer or audience, a token without expiry or subject', async () => {
    expect(
      await outcome(config({ issuer: 'https://other.example.org' }), await sign({ role: 'admin' })),
    ).toEqual(refused('The token\'s "iss" claim is not accepted (check_failed).'));
    expect(
      await outcome(config({ audience: 'someone-else' }), await sign({ role: 'admin' })),
    ).toEqual(refused('The token\'s "aud" claim is not accepted (check_failed).'));
    expect(await outcome(config(), await sign({ role: 'admin' }, { exp: null }))).toEqual(
      refused('The token\'s "exp" claim is not accepted (missing).'),
    );
    const noSubject = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await outcome(config(), noSubject)).toEqual(
      refused('The token\'s "sub" claim is not accepted (missing).'),
    );
  });

  it('refuses unsigned tokens and HMAC tokens keyed with the public key (algorithm confusion)', async () => {
    const unsigned = new UnsecuredJWT({ role: 'admin' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime('5m')
      .encode();
    expect(await outcome(config(), unsigned)).toEqual(
      refused('The token is signed with an algorithm this server does not accept.'),
    );
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const hmac = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(createSecretKey(Buffer.from(pem)));
    expect(await outcome(config(), hmac)).toEqual(
      refused('The token is signed with an algorithm this server does not accept.'),
    );
    expect(await outcome(config(), 'not-a-jwt')).toEqual(
      refused('The bearer token is not a valid JWT.'),
    );
  });

  it("picks the key of a JWK set by the token's kid", async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' };
    const other = {
      ...(await exportJWK(createPublicKey(otherPrivateKey))),
      kid: 'k1',
      alg: 'ES256',
    };
    const jwks = config({ keys: { kind: 'jwks', jwks: { keys: [other, jwk] } } });
    expect(await outcome(jwks, await sign({ role: 'editor' }, { kid: 'k2' }))).toMatchObject({
      role: 'EDITOR',
    });
    expect(await outcome(jwks, await sign({ role: 'editor' }, { kid: 'k3' }))).toEqual(
      refused('No configured key matches the token.'),
    );
    expect(
      await outcome(jwks, await sign({ role: 'editor' }, { kid: 'k1', key: privateKey })),
    ).toEqual(refused('The token signature does not verify.'));
  });
});
