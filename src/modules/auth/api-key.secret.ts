import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * API key secrets: `kg_<id>_<secret>`, 16 hex digits of key id (what the database looks the key
 * up by; not secret) and 64 hex digits (256 random bits) of secret. Only a salted scrypt hash of
 * the whole string is stored, so the database, a backup or an export never holds a usable key.
 */
export const API_KEY_PREFIX = 'kg_';
const API_KEY_PATTERN = /^kg_([0-9a-f]{16})_([0-9a-f]{64})$/;

/**
 * scrypt's cost: N = 2^14, r = 8, p = 1 (16 MiB per hash), the interactive-login setting of
 * scrypt's author. A key's 256 random bits cannot be guessed whatever the cost, so the slow hash
 * guards a leaked database against nothing a fast one would not; it is kept moderate because every
 * fresh verification pays it, including those an attacker who knows a key id can provoke (bounded
 * by the rate limit and by libuv's four threads, so at most 64 MiB at once). The verification
 * cache spares honest clients. Stored with each hash, so it can change for new keys without
 * breaking old ones. Costs: bench/README.md ("Credentials").
 */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

export interface StoredHash {
  /** scrypt of the whole key string, hex. */
  hash: string;
  /** Random per key, hex. */
  salt: string;
  /** The parameters: `scrypt:N=32768,r=8,p=1,len=32`. */
  kdf: string;
}

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

/** A new key string for a key id: shown once, never stored. */
export function newApiKeySecret(id: string): string {
  return `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('hex')}`;
}

/** The key id of a well-formed key string, or null. */
export function apiKeyId(token: string): string | null {
  return API_KEY_PATTERN.exec(token)?.[1] ?? null;
}

function kdfName(params: { N: number; r: number; p: number; keyLength: number }): string {
  return `scrypt:N=${params.N},r=${params.r},p=${params.p},len=${params.keyLength}`;
}

function parseKdf(kdf: string): { N: number; r: number; p: number; keyLength: number } | null {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+),len=(\d+)$/.exec(kdf);
  if (!match) return null;
  const [N, r, p, keyLength] = match.slice(1).map(Number) as [number, number, number, number];
  // Bounded (at most 256 MiB), so a tampered record cannot make a verification take the server's
  // memory or minutes of CPU.
  if (N < 2 || N > 2 ** 17 || r < 1 || r > 16 || p < 1 || p > 4 || keyLength < 16) return null;
  return { N, r, p, keyLength };
}

function scryptBytes(
  token: string,
  salt: Buffer,
  params: { N: number; r: number; p: number; keyLength: number },
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 · N · r bytes; Node's default ceiling (32 MiB) would refuse stored hashes
    // made with a larger N, so the ceiling follows the parameters (bounded in parseKdf).
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(token, salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashApiKey(token: string): Promise<StoredHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptBytes(token, salt, SCRYPT_PARAMS);
  return { hash: hash.toString('hex'), salt: salt.toString('hex'), kdf: kdfName(SCRYPT_PARAMS) };
}

/** Whether the key string is the one the hash was made from (constant-time comparison). */
export async function verifyApiKey(token: string, stored: StoredHash): Promise<boolean> {
  const params = parseKdf(stored.kdf);
  if (!params) return false;
  const expected = Buffer.from(stored.hash, 'hex');
  if (expected.length !== params.keyLength) return false;
  const actual = await scryptBytes(token, Buffer.from(stored.salt, 'hex'), params);
  return timingSafeEqual(actual, expected);
}

/** A fast digest of a key string, for the in-memory cache of verified keys (never stored). */
export function cacheDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
