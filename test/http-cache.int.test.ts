import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/common/logger';
import { createDatabase, type Database } from '../src/db/database';
import { importSeeds, SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { createApp } from '../src/server/app';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * Caching for dashboards over real HTTP: cache headers, GET queries behind CSRF prevention,
 * automatic persisted queries, and ETags that follow the data version. The data version is read
 * on every request here (no reuse window), so a re-import shows at once.
 */
let db: Database;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = createDatabase(loadConfig().neo4j);
  const { apollo, httpServer } = await createApp(db, createLogger('silent'), {
    dataVersionTtlMs: 0,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  stop = () => apollo.stop();
  await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
});
afterAll(async () => {
  await deleteDataset(db, SEED_DATASET);
  await stop();
  await db.close();
});

const QUERY = '{ cities(first: 2) { nodes { key name } } }';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

function getUrl(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return `${url}/graphql?${search}`;
}

describe('HTTP caching of GraphQL answers', () => {
  it('puts a public max age on answers to POST and GET, and no-store on errors', async () => {
    const post = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.headers.get('cache-control')).toBe('max-age=300, public');
    // Search and paths fall under the same default.
    for (const query of [
      '{ search(text: "Senioren", first: 1) { hits { score } } }',
      '{ paths(from: "Q2l0eTpib2NodW0", to: "Q2l0eTpicmVtZXJoYXZlbg") { length } }',
    ]) {
      const response = await fetch(getUrl({ query }), { headers: PREFLIGHT });
      expect([query, response.headers.get('cache-control')]).toEqual([
        query,
        'max-age=300, public',
      ]);
    }
    // Introspection alone carries no cache hint, as in Apollo: an IDE asks for the schema afresh;
    // beside data, through a fragment too, the data's age holds.
    for (const [query, expected] of [
      ['{ __schema { queryType { name } } }', 'no-store'],
      ['{ __typename }', 'no-store'],
      ['{ __typename ...F } fragment F on Query { __type(name: "City") { name } }', 'no-store'],
      [
        '{ __typename ...F } fragment F on Query { cities(first: 1) { nodes { key } } }',
        'max-age=300, public',
      ],
      [
        '{ __schema { queryType { name } } ... on Query { cities(first: 1) { totalCount } } }',
        'max-age=300, public',
      ],
    ]) {
      const response = await fetch(getUrl({ query: query! }), { headers: PREFLIGHT });
      expect(response.status).toBe(200);
      expect([query, response.headers.get('cache-control')]).toEqual([query, expected]);
    }
    const failing = await fetch(getUrl({ query: '{ cities(first: 1000) { nodes { key } } }' }), {
      headers: PREFLIGHT,
    });
    expect(((await failing.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(failing.headers.get('cache-control')).toBe('no-store');
    expect(failing.headers.get('etag')).toBeNull();
  });

  it('refuses a simple GET (CSRF prevention) and answers one with a preflight header', async () => {
    const simple = await fetch(getUrl({ query: QUERY }));
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
    const textPlain = await fetch(getUrl({ query: QUERY }), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(textPlain.status).toBe(400);

    const preflighted = await fetch(getUrl({ query: QUERY }), { headers: PREFLIGHT });
    expect(preflighted.status).toBe(200);
    expect(((await preflighted.json()) as any).data.cities.nodes[0].key).toBe('bochum');
    const withType = await fetch(getUrl({ query: QUERY }), {
      headers: { 'content-type': 'application/json' },
    });
    expect(withType.status).toBe(200);
  });

  it('does not answer a simple GET with 304 either, even with a current ETag', async () => {
    const first = await fetch(getUrl({ query: QUERY }), { headers: PREFLIGHT });
    const etag = first.headers.get('etag')!;
    const simple = await fetch(getUrl({ query: QUERY }), { headers: { 'if-none-match': etag } });
    expect(simple.status).toBe(400);
  });

  it('registers an automatic persisted query by hash and serves it by hash alone over GET', async () => {
    const query = '{ cities(first: 1) { nodes { key ags } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
    const unknownBody = (await unknown.json()) as any;
    expect(unknownBody.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // No ETag on an error.
    expect(unknown.headers.get('etag')).toBeNull();
    // Apollo's own answer to an unknown hash, so no cache keeps the miss.
    expect(unknown.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');

    const mismatch = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ cities(first: 2) { nodes { key } } }',
        extensions,
      }),
    });
    expect(mismatch.status).toBe(400);
    expect(((await mismatch.json()) as any).errors[0]).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });

    const register = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions }),
    });
    expect(((await register.json()) as any).data.cities.nodes).toEqual([
      { key: 'bochum', ags: '05911000' },
    ]);

    const byHash = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as any).data.cities.nodes).toEqual([
      { key: 'bochum', ags: '05911000' },
    ]);
    expect(byHash.headers.get('cache-control')).toBe('max-age=300, public');
    const etag = byHash.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    const again = await fetch(getUrl({ extensions }), {
      headers: { ...PREFLIGHT, 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  it('answers If-None-Match with 304 until a re-import, then with the new data version', async () => {
    const first = await fetch(getUrl({ query: QUERY }), { headers: PREFLIGHT });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    const csv = await fetch(`${url}/export/cities.csv`);
    const csvEtag = csv.headers.get('etag')!;
    await csv.text();

    const unchanged = await fetch(getUrl({ query: QUERY }), {
      headers: { ...PREFLIGHT, 'if-none-match': etag },
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('cache-control')).toBe('max-age=300, public');
    expect(await unchanged.text()).toBe('');
    const csvUnchanged = await fetch(`${url}/export/cities.csv`, {
      headers: { 'if-none-match': csvEtag },
    });
    expect(csvUnchanged.status).toBe(304);

    await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });

    const changed = await fetch(getUrl({ query: QUERY }), {
      headers: { ...PREFLIGHT, 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    const newEtag = changed.headers.get('etag');
    expect(newEtag).toMatch(/^W\/"[0-9a-f]{20}"$/);
    expect(newEtag).not.toBe(etag);
    expect(((await changed.json()) as any).data.cities.nodes).toHaveLength(2);
    const csvChanged = await fetch(`${url}/export/cities.csv`, {
      headers: { 'if-none-match': csvEtag },
    });
    expect(csvChanged.status).toBe(200);
    expect(csvChanged.headers.get('etag')).not.toBe(csvEtag);
    await csvChanged.text();

    const current = await fetch(getUrl({ query: QUERY }), {
      headers: { ...PREFLIGHT, 'if-none-match': newEtag! },
    });
    expect(current.status).toBe(304);
  });
});

describe('If-None-Match: *', () => {
  const star = { ...PREFLIGHT, 'if-none-match': '*' };

  it('answers an invalid query normally, never with 304', async () => {
    for (const query of ['{ cities { nodes { nope } } }', '{ cities {', '']) {
      const response = await fetch(getUrl({ query }), { headers: star });
      expect([query, response.status]).toEqual([query, 400]);
      const body = (await response.json()) as any;
      expect(body.errors.length).toBeGreaterThan(0);
    }
  });

  it('answers a query that fails with its errors, never with 304', async () => {
    const response = await fetch(getUrl({ query: '{ cities(first: 1000) { nodes { key } } }' }), {
      headers: star,
    });
    expect(response.status).toBe(200);
    // No ETag: only successful, cacheable answers have one.
    expect(response.headers.get('etag')).toBeNull();
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers 304 for a query with a current answer, as for its ETag', async () => {
    const response = await fetch(getUrl({ query: QUERY }), { headers: star });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{20}"$/);
  });
});
