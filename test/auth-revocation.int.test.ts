import { AppError } from '../src/common/errors';
import { DEFAULT_AUTH } from '../src/config';
import type { Database } from '../src/db/database';
import { createApiKey, revokeApiKey } from '../src/modules/auth/api-key.service';
import { createAuthenticator } from '../src/modules/auth/authenticator';
import { deleteApiKeys } from './api';
import { testDatabase } from './db';

/*
 * The cache of verified keys against the real database, with a clock the test moves (no test
 * waits): a revocation made elsewhere (the CLI, another server process) applies once the cache
 * period has passed, a revocation through this process at once, and verifying costs the database
 * two round trips only when the cache does not answer.
 */
let db: Database;
const made: string[] = [];

beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await deleteApiKeys(db, made);
  await db.close();
});

async function newKey(): Promise<{ id: string; header: string }> {
  const { key, secret } = await createApiKey(db, {
    name: 'revocation test',
    role: 'EDITOR',
    createdBy: 'test',
  });
  made.push(key.id);
  return { id: key.id, header: `Bearer ${secret}` };
}

/** The principal's id, or the refusal's code and message. */
async function outcome(
  authenticate: (h: string) => Promise<{ id: string } | null>,
  header: string,
): Promise<unknown> {
  try {
    return (await authenticate(header))?.id ?? null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

const REVOKED = 'UNAUTHENTICATED: This API key has been revoked.';

describe('revocation and the cache of verified keys', () => {
  it('applies a revocation made elsewhere once the cache period has passed', async () => {
    let now = 1_000_000;
    const authenticate = createAuthenticator(
      db,
      { ...DEFAULT_AUTH, apiKeyCacheSeconds: 30 },
      { now: () => now },
    );
    const key = await newKey();
    expect(await outcome(authenticate, key.header)).toBe(key.id);
    await revokeApiKey(db, key.id, 'cli');
    now += 29_999;
    // Within the period the cached verification still answers: the documented delay.
    expect(await outcome(authenticate, key.header)).toBe(key.id);
    now += 1;
    expect(await outcome(authenticate, key.header)).toBe(REVOKED);
  });

  it('applies a revocation at once with a cache period of 0, or when this process is told', async () => {
    const uncached = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 0 });
    const cached = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 3600 });
    const key = await newKey();
    expect([await outcome(uncached, key.header), await outcome(cached, key.header)]).toEqual([
      key.id,
      key.id,
    ]);
    await revokeApiKey(db, key.id, 'cli');
    cached.forget(key.id);
    expect([await outcome(uncached, key.header), await outcome(cached, key.header)]).toEqual([
      REVOKED,
      REVOKED,
    ]);
  });

  it('asks the database only when the cache cannot answer, and once for concurrent requests', async () => {
    const authenticate = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 3600 });
    const key = await newKey();
    const before = db.transactions;
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => outcome(authenticate, key.header)),
    );
    expect(ids).toEqual([key.id, key.id, key.id, key.id, key.id]);
    // One look-up and one write of lastUsedAt for all five.
    expect(db.transactions - before).toBe(2);
    expect(await outcome(authenticate, key.header)).toBe(key.id);
    expect(db.transactions - before).toBe(2);
    const lastUsed = await db.executeRead((tx) =>
      tx.run('MATCH (k:ApiKey {id: $id}) RETURN k.lastUsedAt IS NOT NULL AS used', { id: key.id }),
    );
    expect(lastUsed.records[0]!.get('used')).toBe(true);
  });

  it('never lets the cache answer for a wrong secret with a cached key id', async () => {
    const authenticate = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 3600 });
    const key = await newKey();
    expect(await outcome(authenticate, key.header)).toBe(key.id);
    const wrong = key.header.slice(0, -1) + (key.header.endsWith('0') ? '1' : '0');
    expect(await outcome(authenticate, wrong)).toBe(
      'UNAUTHENTICATED: The API key is not valid (unknown, mistyped or not a key of this server).',
    );
    expect(await outcome(authenticate, key.header)).toBe(key.id);
  });

  it('refuses a revoked key whose secret is right without recording a use', async () => {
    const authenticate = createAuthenticator(db, { ...DEFAULT_AUTH, apiKeyCacheSeconds: 0 });
    const key = await newKey();
    await revokeApiKey(db, key.id, 'cli');
    expect(await outcome(authenticate, key.header)).toBe(REVOKED);
    const stored = await db.executeRead((tx) =>
      tx.run('MATCH (k:ApiKey {id: $id}) RETURN k.lastUsedAt AS lastUsed, k.revokedBy AS by', {
        id: key.id,
      }),
    );
    expect(stored.records[0]!.toObject()).toEqual({ lastUsed: null, by: 'cli' });
  });
});
