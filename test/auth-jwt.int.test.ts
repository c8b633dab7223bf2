import type { KeyObject } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { loadConfig } from '../src/config';
import { startTestApi, type TestApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/*
 * JWTs over real HTTP, with the settings read the way the server reads them (KG_JWT_* through
 * loadConfig) and test tokens signed here with jose: a valid token is a principal with its role,
 * an expired, foreign-signed or role-less one is refused with 401, and API keys keep working.
 */
const ISSUER = 'https://id.example.org/realms/kommunalgraph';
const AUDIENCE = 'kommunalgraph-api';

let api: TestApi;
let privateKey: KeyObject;
let foreignKey: KeyObject;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey as KeyObject;
  foreignKey = (await generateKeyPair('RS256')).privateKey as KeyObject;
  const { auth } = loadConfig({
    KG_JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey),
    KG_JWT_ISSUER: ISSUER,
    KG_JWT_AUDIENCE: AUDIENCE,
    KG_JWT_ROLE_CLAIM: 'realm_access.roles',
  });
  api = await startTestApi({ auth });
});
afterAll(async () => {
  await api.close();
});

function token(
  claims: JWTPayload,
  options: { key?: KeyObject; expiresAt?: number; subject?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(options.subject ?? 'f3a9c2e1-anna')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '10m')
    .sign(options.key ?? privateKey);
}

const roles = (...names: string[]) => ({ realm_access: { roles: names } });

async function post(query: string, authorization: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as any,
  };
}

const ME = '{ me { id name role via } }';

describe('JWTs', () => {
  it('make a principal of a valid token, with the highest role it grants', async () => {
    const jwt = await token({ ...roles('offline_access', 'editor'), name: 'Anna Schmidt' });
    expect(await post(ME, `Bearer ${jwt}`)).toEqual({
      status: 200,
      challenge: null,
      body: {
        data: { me: { id: 'f3a9c2e1-anna', name: 'Anna Schmidt', role: 'EDITOR', via: 'JWT' } },
      },
    });
  });

  it('are held to the roles like keys: an editor may not list keys, an admin may', async () => {
    const editor = await post('{ apiKeys { id } }', `Bearer ${await token(roles('editor'))}`);
    expect([editor.status, editor.body.data, editor.body.errors[0].extensions.code]).toEqual([
      200,
      null,
      'FORBIDDEN',
    ]);
    const admin = await post(
      '{ apiKeys(includeRevoked: false) { id } }',
      `Bearer ${await token(roles('admin'))}`,
    );
    expect([admin.status, admin.body.errors, Array.isArray(admin.body.data.apiKeys)]).toEqual([
      200,
      undefined,
      true,
    ]);
  });

  it('refuse expired, foreign-signed and role-less tokens with 401 UNAUTHENTICATED', async () => {
    const cases: [string, string][] = [
      [
        await token(roles('admin'), { expiresAt: Math.floor(Date.now() / 1000) - 3600 }),
        'The token has expired.',
      ],
      [await token(roles('admin'), { key: foreignKey }), 'The token signature does not verify.'],
      [await token({}), 'The token grants no role in its "realm_access.roles" claim.'],
      [
        await token({ realm_access: { roles: ['uma_authorization'] } }),
        'The token grants no role in its "realm_access.roles" claim.',
      ],
      ['this-is-no-jwt', 'The bearer token is not a valid JWT.'],
    ];
    for (const [jwt, message] of cases) {
      expect([message, await post(ME, `Bearer ${jwt}`)]).toEqual([
        message,
        {
          status: 401,
          challenge: 'Bearer realm="kommunalgraph", error="invalid_token"',
          body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
        },
      ]);
    }
  });

  it('leave API keys working beside them', async () => {
    const key = await api.keyFor('CONTRIBUTOR', 'beside JWTs');
    expect(await key.query(ME)).toEqual({
      data: { me: { id: key.id, name: 'beside JWTs', role: 'CONTRIBUTOR', via: 'API_KEY' } },
    });
    const refused = await post(ME, 'Basic dXNlcjpwYXNz');
    expect(refused.body.errors[0].message).toBe(
      'The Authorization header must be "Bearer <API key>" or "Bearer <JWT>".',
    );
  });
});
