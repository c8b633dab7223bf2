import {
  apiKeyId,
  hashApiKey,
  newApiKeySecret,
  newKeyId,
  SCRYPT_PARAMS,
  verifyApiKey,
} from './api-key.secret';

describe('API key secrets', () => {
  it('are kg_<16 hex id>_<64 hex secret>, a new one each time', () => {
    const id = newKeyId();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const a = newApiKeySecret(id);
    expect(a).toMatch(new RegExp(`^kg_${id}_[0-9a-f]{64}$`));
    expect(newApiKeySecret(id)).not.toBe(a);
    expect(newKeyId()).not.toBe(id);
  });

  it('give their key id only when well-formed', () => {
    const secret = `kg_0123456789abcdef_${'a'.repeat(64)}`;
    expect(apiKeyId(secret)).toBe('0123456789abcdef');
    for (const bad of [
      `kg_0123456789abcdef_${'a'.repeat(63)}`,
      `kg_0123456789ABCDEF_${'a'.repeat(64)}`,
      `kg_0123456789abcde_${'a'.repeat(65)}`,
      `xx_0123456789abcdef_${'a'.repeat(64)}`,
      `${secret} `,
      'kg_',
      '',
    ]) {
      expect([bad, apiKeyId(bad)]).toEqual([bad, null]);
    }
  });

  it('are stored as a salted scrypt hash that verifies the key and nothing else', async () => {
    const secret = newApiKeySecret(newKeyId());
    const stored = await hashApiKey(secret);
    expect(stored.kdf).toBe(
      `scrypt:N=${SCRYPT_PARAMS.N},r=${SCRYPT_PARAMS.r},p=${SCRYPT_PARAMS.p},len=${SCRYPT_PARAMS.keyLength}`,
    );
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(`${stored.hash}${stored.salt}${stored.kdf}`).not.toContain(secret.slice(20));
    // The same key hashed again gets another salt, so another hash.
    const again = await hashApiKey(secret);
    expect([again.salt === stored.salt, again.hash === stored.hash]).toEqual([false, false]);
    expect(await verifyApiKey(secret, stored)).toBe(true);
    const lastDigitChanged = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
    expect(await verifyApiKey(lastDigitChanged, stored)).toBe(false);
    expect(await verifyApiKey(newApiKeySecret(newKeyId()), stored)).toBe(false);
  });

  it('refuse a stored hash with unknown or unbounded parameters instead of computing it', async () => {
    const secret = newApiKeySecret(newKeyId());
    const stored = await hashApiKey(secret);
    for (const kdf of ['bcrypt', 'scrypt:N=4194304,r=8,p=1,len=32', 'scrypt:N=16384,r=8,p=1']) {
      expect([kdf, await verifyApiKey(secret, { ...stored, kdf })]).toEqual([kdf, false]);
    }
    expect(await verifyApiKey(secret, { ...stored, hash: stored.hash.slice(2) })).toBe(false);
  });
});
