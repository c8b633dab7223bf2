import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_AUTH, loadConfig } from './config';

/** The problems loadConfig reports for an environment, or [] when it accepts it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (key: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }) =>
  key.export({ type: 'spki', format: 'pem' }).toString();
const JWT = { KG_JWT_ISSUER: 'https://id.example.org', KG_JWT_AUDIENCE: 'kommunalgraph' };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-config-auth-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('credential settings', () => {
  it('default to a 30-second key cache and no JWTs', () => {
    expect(loadConfig({}).auth).toEqual(DEFAULT_AUTH);
    expect(DEFAULT_AUTH).toEqual({ apiKeyCacheSeconds: 30, apiKeyCacheEntries: 1000, jwt: null });
  });

  it('take a key cache of 0 (check every request) to 3600 seconds', () => {
    expect(loadConfig({ KG_API_KEY_CACHE_SECONDS: '0' }).auth.apiKeyCacheSeconds).toBe(0);
    expect(loadConfig({ KG_API_KEY_CACHE_ENTRIES: '5' }).auth.apiKeyCacheEntries).toBe(5);
    expect(problemsOf({ KG_API_KEY_CACHE_SECONDS: '-1', KG_API_KEY_CACHE_ENTRIES: '0' })).toEqual([
      'KG_API_KEY_CACHE_SECONDS: expected whole seconds from 0 to 3600 (got "-1")',
      'KG_API_KEY_CACHE_ENTRIES: expected a positive whole number of keys (got "0")',
    ]);
  });

  it('turn JWTs on with a PEM public key, inline (also with \\n escapes) or from a file', () => {
    const inline = loadConfig({ KG_JWT_PUBLIC_KEY: pem(rsa.publicKey), ...JWT }).auth.jwt;
    expect(inline).toMatchObject({
      issuer: 'https://id.example.org',
      audience: 'kommunalgraph',
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
      roleClaim: 'role',
      clockToleranceSeconds: 10,
    });
    expect(inline?.keys.kind).toBe('pem');
    const escaped = pem(ec.publicKey).replace(/\n/g, '\\n');
    expect(
      loadConfig({ KG_JWT_PUBLIC_KEY: escaped, ...JWT, KG_JWT_ROLE_CLAIM: 'realm_access.roles' })
        .auth.jwt,
    ).toMatchObject({ algorithms: ['ES256'], roleClaim: 'realm_access.roles' });
    const file = path.join(dir, 'public.pem');
    fs.writeFileSync(file, pem(ec.publicKey));
    expect(
      loadConfig({
        KG_JWT_PUBLIC_KEY_FILE: file,
        ...JWT,
        KG_JWT_ALGORITHMS: 'ES256',
        KG_JWT_CLOCK_TOLERANCE: '0',
      }).auth.jwt,
    ).toMatchObject({ algorithms: ['ES256'], clockToleranceSeconds: 0 });
  });

  it('turn JWTs on with a JWK set file of public keys', () => {
    const file = path.join(dir, 'jwks.json');
    const jwk = { ...ec.publicKey.export({ format: 'jwk' }), kid: 'k1' };
    fs.writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    expect(loadConfig({ KG_JWT_JWKS_FILE: file, ...JWT }).auth.jwt?.keys).toEqual({
      kind: 'jwks',
      jwks: { keys: [jwk] },
    });
  });

  it('refuse private and secret keys, and keys that do not parse, without quoting them', () => {
    const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const jwksFile = path.join(dir, 'private-jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify({ keys: [ec.privateKey.export({ format: 'jwk' })] }));
    const octFile = path.join(dir, 'oct-jwks.json');
    fs.writeFileSync(octFile, JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    const problems = [
      problemsOf({ KG_JWT_PUBLIC_KEY: privatePem, ...JWT }),
      problemsOf({ KG_JWT_PUBLIC_KEY: 'not a key', ...JWT }),
      problemsOf({ KG_JWT_JWKS_FILE: jwksFile, ...JWT }),
      problemsOf({ KG_JWT_JWKS_FILE: octFile, ...JWT }),
      problemsOf({ KG_JWT_JWKS_FILE: path.join(dir, 'missing.json'), ...JWT }),
    ];
    expect(problems).toEqual([
      [
        'KG_JWT_PUBLIC_KEY: holds a private key; give the public key only (the API never signs tokens)',
      ],
      ['KG_JWT_PUBLIC_KEY: not a PEM public key (-----BEGIN PUBLIC KEY----- …)'],
      [
        'KG_JWT_JWKS_FILE: key 0 is a secret or private key; give public keys only (the API never signs tokens)',
      ],
      [
        'KG_JWT_JWKS_FILE: key 0 is a secret or private key; give public keys only (the API never signs tokens)',
      ],
      [`KG_JWT_JWKS_FILE: cannot read ${path.join(dir, 'missing.json')} (ENOENT)`],
    ]);
    expect(problems.flat().join('\n')).not.toContain('MII');
  });

  it('need issuer and audience with a key, algorithms that fit the key, one key setting, and a key for any JWT setting', () => {
    expect(problemsOf({ KG_JWT_PUBLIC_KEY: pem(ec.publicKey) })).toEqual([
      'KG_JWT_ISSUER: required when JWTs are on (the `iss` to accept)',
      'KG_JWT_AUDIENCE: required when JWTs are on (the `aud` to accept)',
    ]);
    expect(
      problemsOf({
        KG_JWT_PUBLIC_KEY: pem(ec.publicKey),
        ...JWT,
        KG_JWT_ALGORITHMS: 'RS256,HS256',
      }),
    ).toEqual(['KG_JWT_ALGORITHMS: expected some of ES256 (got "RS256,HS256")']);
    expect(
      problemsOf({ KG_JWT_PUBLIC_KEY: pem(ec.publicKey), KG_JWT_JWKS_FILE: 'x.json', ...JWT }),
    ).toEqual(['KG_JWT_PUBLIC_KEY, KG_JWT_JWKS_FILE: give one JWT key setting, not 2']);
    expect(problemsOf({ ...JWT })).toEqual([
      'KG_JWT_ISSUER: set, but JWTs are off without a key (KG_JWT_PUBLIC_KEY, KG_JWT_PUBLIC_KEY_FILE or KG_JWT_JWKS_FILE)',
      'KG_JWT_AUDIENCE: set, but JWTs are off without a key (KG_JWT_PUBLIC_KEY, KG_JWT_PUBLIC_KEY_FILE or KG_JWT_JWKS_FILE)',
    ]);
    expect(
      problemsOf({
        KG_JWT_PUBLIC_KEY: pem(ec.publicKey),
        ...JWT,
        KG_JWT_ROLE_CLAIM: 'roles[0]',
        KG_JWT_CLOCK_TOLERANCE: '1h',
      }),
    ).toEqual([
      'KG_JWT_ROLE_CLAIM: expected a claim name or a dotted path such as realm_access.roles (got "roles[0]")',
      'KG_JWT_CLOCK_TOLERANCE: expected whole seconds from 0 to 300 (got "1h")',
    ]);
  });
});
