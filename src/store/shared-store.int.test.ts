import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Options } from 'express-rate-limit';
import { createLogger } from '../common/logger';
import { freePort, startRedisServer, type RedisServer } from '../../test/redis-server';
import { PersistedQueryCache } from './persisted-query-cache';
import { SharedRateLimitStore } from './rate-limit-store';
import { SharedStore, type SharedStoreTimings } from './shared-store';

/**
 * The two users of the shared store against a real redis-server: what they write, how entries
 * expire, and how each falls back and recovers. test/shared-store.int.test.ts checks the same
 * through two API instances.
 */
const FAST: SharedStoreTimings = {
  commandTimeoutMs: 200,
  connectTimeoutMs: 1000,
  maxReconnectDelayMs: 100,
  pauseAfterFailureMs: 100,
};
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let prefixes = 0;
const ownPrefix = () => `kg-unit-${process.pid}-${++prefixes}:`;

const opened: SharedStore[] = [];
async function connect(url: string, prefix: string): Promise<SharedStore> {
  const store = new SharedStore({ url, prefix }, logger, FAST);
  opened.push(store);
  await store.firstConnection();
  return store;
}

/** Polls until the store is connected again (bounded). */
async function untilAvailable(store: SharedStore): Promise<void> {
  for (let attempt = 0; attempt < 150 && !store.available; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(store.available).toBe(true);
}

let redis: RedisServer;
let inspect: Redis;
beforeAll(async () => {
  redis = await startRedisServer();
  inspect = new Redis(redis.url);
});
afterAll(async () => {
  for (const store of opened) await store.close();
  inspect?.disconnect();
  await redis?.stop();
});

describe('PersistedQueryCache', () => {
  const query = '{ cities { nodes { key } } }';
  const key = `apq:${sha256(query)}`;

  it('shares an entry between processes, with a sliding expiry', async () => {
    const prefix = ownPrefix();
    const [one, two] = [await connect(redis.url, prefix), await connect(redis.url, prefix)];
    const [a, b] = [
      new PersistedQueryCache(one, undefined, 600),
      new PersistedQueryCache(two, undefined, 600),
    ];

    expect(await b.get(key)).toBeUndefined();
    await a.set(key, query);
    const stored = `${prefix}apq:${sha256(query)}`;
    expect(await inspect.keys(`${prefix}*`)).toEqual([stored]);
    expect(await inspect.ttl(stored)).toBeGreaterThan(590);

    await inspect.expire(stored, 5);
    expect(await b.get(key)).toBe(query);
    // Fetched from the store: its expiry starts again.
    expect(await inspect.ttl(stored)).toBeGreaterThan(590);

    await a.delete(key);
    expect(await inspect.keys(`${prefix}*`)).toEqual([]);
    // B keeps its own copy: an entry named by its content's hash cannot be stale.
    expect(await b.get(key)).toBe(query);
    expect(await new PersistedQueryCache(two).get(key)).toBeUndefined();
  });

  it('keeps anything that is not an automatic persisted query of its hash in memory only', async () => {
    const prefix = ownPrefix();
    const cache = new PersistedQueryCache(await connect(redis.url, prefix));
    await cache.set('other:key', 'value');
    await cache.set(`apq:${sha256('{ a }')}`, '{ b }');
    await cache.set(`apq:${sha256(query).toUpperCase()}`, query);
    expect(await cache.get('other:key')).toBe('value');
    expect(await cache.get(`apq:${sha256('{ a }')}`)).toBe('{ b }');
    expect(await inspect.keys(`${prefix}*`)).toEqual([]);
  });
});

describe('SharedRateLimitStore', () => {
  const windowMs = 60_000;
  const init = (store: SharedRateLimitStore) => {
    store.init({ windowMs } as Options);
    return store;
  };

  it('counts hits from two processes on one counter that expires with the window', async () => {
    const prefix = ownPrefix();
    const [one, two] = [await connect(redis.url, prefix), await connect(redis.url, prefix)];
    const [a, b] = [init(new SharedRateLimitStore(one)), init(new SharedRateLimitStore(two))];
    const hits: number[] = [];
    for (const store of [a, b, a, b, b])
      hits.push((await store.increment('203.0.113.7')).totalHits);
    expect(hits).toEqual([1, 2, 3, 4, 5]);
    expect((await a.increment('198.51.100.9')).totalHits).toBe(1);
    const reset = (await b.increment('203.0.113.7')).resetTime!.getTime() - Date.now();
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(windowMs);
    expect(await inspect.get(`${prefix}rl:203.0.113.7`)).toBe('6');
    await a.resetKey('203.0.113.7');
    expect(await inspect.keys(`${prefix}*`)).toEqual([`${prefix}rl:198.51.100.9`]);
  });

  it('counts in memory while the store is down and in the store again once it is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const prefix = ownPrefix();
    // Created while nothing listens: rate-limit-redis cannot load its scripts at init.
    const shared = await connect(url, prefix);
    expect(shared.available).toBe(false);
    const store = init(new SharedRateLimitStore(shared));
    expect((await store.increment('k')).totalHits).toBe(1);
    expect((await store.increment('k')).totalHits).toBe(2);

    let server = await startRedisServer(port);
    try {
      await untilAvailable(shared);
      const direct = new Redis(url);
      try {
        // Back in the store: a fresh counter there (the memory count does not move over).
        expect((await store.increment('k')).totalHits).toBe(1);
        expect((await store.increment('k')).totalHits).toBe(2);
        expect(await direct.get(`${prefix}rl:k`)).toBe('2');

        // A restart loses the counters and the loaded scripts; counting resumes after it.
        await server.stop();
        expect((await store.increment('k')).totalHits).toBe(3);
        server = await startRedisServer(port);
        await untilAvailable(shared);
        expect((await store.increment('k')).totalHits).toBe(1);
        expect(await direct.get(`${prefix}rl:k`)).toBe('1');
      } finally {
        direct.disconnect();
      }
    } finally {
      await server.stop();
    }
  });
});
