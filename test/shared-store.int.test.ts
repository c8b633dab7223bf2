import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { SharedStoreConfig } from '../src/config';
import type { Logger } from '../src/common/logger';
import type { AppOptions } from '../src/server/app';
import type { SharedStoreTimings } from '../src/store/shared-store';
import { seededApi, startTestApi, type TestApi } from './api';
import { freePort, startRedisServer, type RedisServer } from './redis-server';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers and log lines are dynamic JSON */

/**
 * Two API instances (two `createApp`s, as two replicas would be) sharing a real redis-server:
 * one persisted-query registry and one rate-limit counter; and what happens when the store is
 * configured but unreachable, comes back, or stops answering (README "Scaling out").
 */
seededApi(); // owns the seed import the answers below come from

/** Short waits, so the outage tests take seconds; the defaults are DEFAULT_STORE_TIMINGS. */
const FAST: SharedStoreTimings = {
  commandTimeoutMs: 200,
  connectTimeoutMs: 1000,
  maxReconnectDelayMs: 200,
  pauseAfterFailureMs: 300,
};
const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const SECRET = 'store-password-never-logged';

let prefixes = 0;
/** A key prefix of the test's own, so no test sees another's keys. */
const ownPrefix = () => `kg-test-${process.pid}-${++prefixes}:`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** POSTs a query (with its persisted-query hash when given: that registers it). */
async function post(api: TestApi, query: string, hash?: string): Promise<Answer> {
  const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
  return answer(
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    }),
  );
}

/** GETs a persisted query by its hash alone, as a CDN-cacheable dashboard request would. */
async function byHash(api: TestApi, hash: string): Promise<Answer> {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
  return answer(
    await fetch(`${api.url}/graphql?extensions=${encodeURIComponent(extensions)}`, {
      headers: PREFLIGHT,
    }),
  );
}

const NOT_FOUND = {
  errors: [
    { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
  ],
};

async function ready(api: TestApi): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.url}/ready`);
  return { status: response.status, body: await response.json() };
}

/** Polls /ready until the store is reported `up` (bounded; the reconnect runs in the background). */
async function untilStoreUp(api: TestApi): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if ((await ready(api)).body.sharedStore === 'up') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the shared store was not reported up again');
}

/** A logger that keeps its lines for the test to read. */
function capturingLogger(): { logger: Logger; lines: () => any[]; raw: () => string } {
  let raw = '';
  const logger = pino({ level: 'info' }, { write: (line: string) => (raw += line) });
  return {
    logger,
    raw: () => raw,
    lines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

const rateLimitRemaining = (a: Answer) =>
  Number(/remaining=(\d+)/.exec(a.headers.get('ratelimit') ?? '')?.[1]);

const TWO_CITIES = {
  cities: {
    nodes: [
      { key: 'bochum', ags: '05911000' },
      { key: 'bremerhaven', ags: '04012000' },
    ],
  },
};

describe('two API instances sharing one store', () => {
  let redis: RedisServer;
  let inspect: Redis;
  const started: TestApi[] = [];
  const start = async (store: SharedStoreConfig, options: AppOptions = {}) => {
    const api = await startTestApi({ sharedStore: store, sharedStoreTimings: FAST, ...options });
    started.push(api);
    return api;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    inspect = new Redis(redis.url);
  });
  afterAll(async () => {
    for (const api of started) await api.close();
    inspect?.disconnect();
    await redis?.stop();
  });

  it('registers a persisted query on A and serves it by hash alone on B, with the same ETag', async () => {
    const store = { url: redis.url, prefix: ownPrefix() };
    const [a, b] = [await start(store), await start(store)];
    const query = '{ cities(first: 2) { nodes { key ags } } }';
    const hash = sha256(query);

    expect((await byHash(b, hash)).json).toEqual(NOT_FOUND);
    expect((await post(a, query, hash)).json).toEqual({ data: TWO_CITIES });

    const onB = await byHash(b, hash);
    expect(onB.status).toBe(200);
    expect(onB.json).toEqual({ data: TWO_CITIES });
    const onA = await byHash(a, hash);
    expect(onA.json).toEqual({ data: TWO_CITIES });
    // Same data, same build: replicas give the same ETag, so a revalidation may land on either.
    expect(onB.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{20}"$/);
    expect(onA.headers.get('etag')).toBe(onB.headers.get('etag'));
    const revalidated = await fetch(
      `${b.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`,
      { headers: { ...PREFLIGHT, 'if-none-match': onA.headers.get('etag')! } },
    );
    expect(revalidated.status).toBe(304);

    // Exactly one entry, under the prefix, holding the query, expiring within a day.
    const key = `${store.prefix}apq:${hash}`;
    expect(await inspect.keys(`${store.prefix}apq:*`)).toEqual([key]);
    expect(await inspect.get(key)).toBe(query);
    const ttl = await inspect.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(24 * 60 * 60);
    expect((await ready(a)).body).toEqual({ status: 'ready', sharedStore: 'up' });
  });

  it('ignores a stored entry whose query does not hash to its key', async () => {
    const store = { url: redis.url, prefix: ownPrefix() };
    const [a, b] = [await start(store), await start(store)];
    const query = '{ cities(first: 1) { nodes { key } } }';
    const hash = sha256(query);
    // Someone with access to the store maps the hash to another query.
    await inspect.set(`${store.prefix}apq:${hash}`, '{ cities(first: 3) { nodes { key name } } }');

    expect((await byHash(b, hash)).json).toEqual(NOT_FOUND);
    expect((await post(a, query, hash)).json).toEqual({
      data: { cities: { nodes: [{ key: 'bochum' }] } },
    });
    expect(await inspect.get(`${store.prefix}apq:${hash}`)).toBe(query);
    expect((await byHash(b, hash)).json).toEqual({
      data: { cities: { nodes: [{ key: 'bochum' }] } },
    });
  });

  it('counts requests to A and B against one limit: the 5th of 4 is refused on either', async () => {
    const store = { url: redis.url, prefix: ownPrefix() };
    const limits = { limits: { rateLimit: 4, rateLimitWindowSeconds: 60 } };
    const [a, b] = [await start(store, limits), await start(store, limits)];

    const answers: Answer[] = [];
    for (const api of [a, b, a, b]) answers.push(await post(api, '{ __typename }'));
    expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map(rateLimitRemaining)).toEqual([3, 2, 1, 0]);

    const refusal = {
      errors: [
        {
          message:
            'Rate limit of 4 requests per 60 s exceeded; retry after the time in the Retry-After header.',
          extensions: {
            code: 'RATE_LIMITED',
            limit: 'requestsPerWindow',
            max: 4,
            windowSeconds: 60,
          },
        },
      ],
    };
    const onA = await post(a, '{ __typename }');
    expect(onA.status).toBe(429);
    expect(onA.json).toEqual(refusal);
    expect(Number(onA.headers.get('retry-after'))).toBeGreaterThan(0);
    const onB = await post(b, '{ __typename }');
    expect(onB.status).toBe(429);
    expect(onB.json).toEqual(refusal);
    const exportOnB = await fetch(`${b.url}/export/`);
    expect(exportOnB.status).toBe(429);

    // One counter for the client, in the store, expiring with the window.
    const key = `${store.prefix}rl:127.0.0.1`;
    expect(await inspect.keys(`${store.prefix}*`)).toEqual([key]);
    expect(await inspect.get(key)).toBe('7');
    const pttl = await inspect.pttl(key);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(60_000);
  });

  it('keeps a client behind a trusted proxy apart from the others (TRUST_PROXY)', async () => {
    const store = { url: redis.url, prefix: ownPrefix() };
    const options = { limits: { rateLimit: 1, rateLimitWindowSeconds: 60 }, trustProxy: 1 };
    const [a, b] = [await start(store, options), await start(store, options)];
    const from = (api: TestApi, client: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.status);

    expect(await from(a, '203.0.113.7')).toBe(200);
    expect(await from(b, '198.51.100.9')).toBe(200);
    expect(await from(b, '203.0.113.7')).toBe(429);
    expect(await from(a, '198.51.100.9')).toBe(429);
    expect((await inspect.keys(`${store.prefix}*`)).sort()).toEqual([
      `${store.prefix}rl:198.51.100.9`,
      `${store.prefix}rl:203.0.113.7`,
    ]);
  });
});

describe('without a store', () => {
  let a: TestApi | undefined;
  let b: TestApi | undefined;
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('keeps persisted queries per process and reports no store, as before', async () => {
    [a, b] = [await startTestApi(), await startTestApi()];
    const query = '{ cities(first: 1) { nodes { key ags } } }';
    const hash = sha256(query);
    expect((await post(a, query, hash)).json).toEqual({
      data: { cities: { nodes: [{ key: 'bochum', ags: '05911000' }] } },
    });
    expect((await byHash(a, hash)).status).toBe(200);
    expect((await byHash(b, hash)).json).toEqual(NOT_FOUND);
    expect((await ready(a)).body).toEqual({ status: 'ready' });
  });
});

describe('a store that is configured but unreachable, then comes back', () => {
  let port: number;
  let store: SharedStoreConfig;
  let a: TestApi;
  let b: TestApi;
  const logA = capturingLogger();
  const logB = capturingLogger();
  let redis: RedisServer | undefined;
  const limits = { limits: { rateLimit: 5, rateLimitWindowSeconds: 60 } };

  beforeAll(async () => {
    port = await freePort();
    // The password is in the URL as it would be in production; it must reach no log.
    store = { url: `redis://:${SECRET}@127.0.0.1:${port}`, prefix: ownPrefix() };
    const options = { sharedStore: store, sharedStoreTimings: FAST, ...limits };
    a = await startTestApi(options, {}, logA.logger);
    b = await startTestApi(options, {}, logB.logger);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('starts, answers, and says so in /ready and once in the log, without the password', async () => {
    expect(await ready(a)).toEqual({
      status: 200,
      body: { status: 'ready', sharedStore: 'unavailable' },
    });
    expect((await post(a, '{ cities(first: 1) { nodes { key } } }')).json).toEqual({
      data: { cities: { nodes: [{ key: 'bochum' }] } },
    });
    for (const log of [logA, logB]) {
      const warnings = log
        .lines()
        .filter((l) => l.msg.startsWith('the shared store does not answer'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].store).toBe(`redis://***@127.0.0.1:${port}`);
      expect(warnings[0].level).toBe(40);
      expect(log.raw()).not.toContain(SECRET);
    }
  });

  it('falls back to per-process persisted queries and rate-limit counters', async () => {
    const query = '{ cities(first: 2) { nodes { key ags } } }';
    const hash = sha256(query);
    expect((await post(a, query, hash)).json).toEqual({ data: TWO_CITIES });
    expect((await byHash(a, hash)).json).toEqual({ data: TWO_CITIES });
    // B never saw the query and cannot reach the store: the client's usual miss.
    expect((await byHash(b, hash)).json).toEqual(NOT_FOUND);

    // A has counted 3 requests (with the first test's), B 1: each counts only its own.
    const onA = [
      await post(a, '{ __typename }'),
      await post(a, '{ __typename }'),
      await post(a, '{ __typename }'),
    ];
    expect(onA.map((x) => x.status)).toEqual([200, 200, 429]);
    expect(onA[2]!.json.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      limit: 'requestsPerWindow',
      max: 5,
      windowSeconds: 60,
    });
    const onB: number[] = [];
    for (let i = 0; i < 5; i++) onB.push((await post(b, '{ __typename }')).status);
    expect(onB).toEqual([200, 200, 200, 200, 429]);
  });

  it('shares again once the store answers, and logs that once', async () => {
    redis = await startRedisServer(port, SECRET);
    await untilStoreUp(a);
    await untilStoreUp(b);

    const query = '{ cities(first: 1) { nodes { key name } } }';
    const hash = sha256(query);
    const bochum = { data: { cities: { nodes: [{ key: 'bochum', name: 'Bochum' }] } } };
    expect((await post(b, query, hash)).json).toEqual(bochum);
    expect((await byHash(a, hash)).json).toEqual(bochum);

    // A refused its client in its own memory; counting is back in the store, from its start.
    const again = [await post(a, '{ __typename }'), await post(b, '{ __typename }')];
    expect(again.map((x) => x.status)).toEqual([200, 200]);
    // The registration on B and the lookup on A above were the store's first two counts.
    expect(again.map(rateLimitRemaining)).toEqual([2, 1]);

    for (const log of [logA, logB]) {
      const back = log.lines().filter((l) => l.msg.startsWith('the shared store answers again'));
      expect(back).toHaveLength(1);
      expect(back[0].store).toBe(`redis://***@127.0.0.1:${port}`);
      expect(log.raw()).not.toContain(SECRET);
    }
  });
});

describe('a store that stops answering', () => {
  let redis: RedisServer;
  let a: TestApi;
  let b: TestApi;
  const logA = capturingLogger();

  beforeAll(async () => {
    redis = await startRedisServer();
    const options = {
      sharedStore: { url: redis.url, prefix: ownPrefix() },
      sharedStoreTimings: FAST,
    };
    a = await startTestApi(options, {}, logA.logger);
    b = await startTestApi(options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('answers every request from memory while it is stuck, and shares again when it answers', async () => {
    const first = '{ cities(first: 1) { nodes { key } } }';
    const bochum = { data: { cities: { nodes: [{ key: 'bochum' }] } } };
    expect((await post(a, first, sha256(first))).json).toEqual(bochum);
    expect((await byHash(b, sha256(first))).json).toEqual(bochum);

    // SIGSTOP: connections stay open, nothing is answered; each wait ends at the command timeout.
    redis.pause();
    expect((await byHash(b, sha256(first))).json).toEqual(bochum);
    const second = '{ cities(first: 1) { nodes { ags } } }';
    const ags = { data: { cities: { nodes: [{ ags: '05911000' }] } } };
    expect((await post(a, second, sha256(second))).json).toEqual(ags);
    expect((await byHash(a, sha256(second))).json).toEqual(ags);
    expect((await byHash(b, sha256(second))).json).toEqual(NOT_FOUND);
    expect(await ready(a)).toEqual({
      status: 200,
      body: { status: 'ready', sharedStore: 'unavailable' },
    });
    const warnings = logA
      .lines()
      .filter((l) => l.msg.startsWith('the shared store does not answer'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].error.message).toBe('Command timed out');

    redis.resume();
    await untilStoreUp(a);
    await untilStoreUp(b);
    expect((await post(a, second, sha256(second))).json).toEqual(ags);
    expect((await byHash(b, sha256(second))).json).toEqual(ags);
    expect(
      logA.lines().filter((l) => l.msg.startsWith('the shared store answers again')),
    ).toHaveLength(1);
  });
});
