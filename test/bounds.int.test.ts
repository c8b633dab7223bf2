import { DEFAULT_RESULT_CAPS } from '../src/config';
import { toGlobalId } from '../src/common/global-id';
import { importSeeds, SEED_DATASET } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { loadConfig } from '../src/config';
import { startTestApi, type TestApi } from './api';

/*
 * neighbourhood, search and timeline are bounded in Cypher: with small caps the answer is exactly
 * the first items of the uncapped answer, in order, and below the caps nothing changes.
 */

let full: TestApi;
let capped: TestApi;

beforeAll(async () => {
  full = await startTestApi();
  capped = await startTestApi({
    resultCaps: { neighbourhoodNodes: 4, neighbourhoodEdges: 3, searchHits: 5 },
  });
  await importSeeds(full.db, { ...loadConfig().seed, dataset: SEED_DATASET });
});

afterAll(async () => {
  await deleteDataset(full.db, SEED_DATASET);
  await full.close();
  await capped.close();
});

const UNIT = 'bochum-stabsstelle-leben-im-alter';
const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];

/** The neighbourhood by its definition, from every walk of at most `depth` steps (the old query). */
async function reference(depth: number) {
  return full.db.executeRead(async (tx) => {
    const nodes = await tx.run(
      `MATCH (a:Entity {id: $key})
       OPTIONAL MATCH p = (a)-[*..${depth}]-(n:Entity)
       WITH a, n, min(length(p)) AS d
       WITH a, collect({key: n.id, d: d}) AS found
       RETURN [{key: a.id, d: 0}] + [x IN found WHERE x.key IS NOT NULL AND x.key <> a.id] AS nodes`,
      { key: UNIT },
    );
    const edges = await tx.run(
      `MATCH p = (a:Entity {id: $key})-[*..${depth}]-(:Entity)
       UNWIND relationships(p) AS r
       RETURN DISTINCT type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, r.id AS id`,
      { key: UNIT },
    );
    return {
      nodes: (nodes.records[0]!.get('nodes') as { key: string; d: number }[]).sort(
        (x, y) => x.d - y.d || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
      ),
      edges: edges.records.map((r) => `${r.get('type')} ${r.get('from')} ${r.get('to')}`).sort(),
    };
  });
}

const NEIGHBOURHOOD = `query($id: ID!, $depth: Int!) { neighbourhood(id: $id, depth: $depth) {
  truncated nodes { key } edges { relationship details { __typename } from to } } }`;

describe('neighbourhood', () => {
  it('below the caps: every node within depth, nearest first, and every edge on such a walk', async () => {
    for (const depth of [1, 2]) {
      const expected = await reference(depth);
      const result = await full.query(NEIGHBOURHOOD, { id: toGlobalId('OrgUnit', UNIT), depth });
      expect(result.errors).toBeUndefined();
      const { nodes, edges, truncated } = result.data.neighbourhood;
      expect(truncated).toBe(false);
      expect(nodes.map((n: { key: string }) => n.key)).toEqual(expected.nodes.map((n) => n.key));
      expect(
        edges
          .map((e: { relationship: string; from: string; to: string }) =>
            [e.relationship, keyOf(e.from), keyOf(e.to)].join(' '),
          )
          .sort(),
      ).toEqual(expected.edges);
      expect(expected.nodes.length).toBeGreaterThan(4);
      expect(expected.edges.length).toBeGreaterThan(3);
      expect(expected.nodes.length).toBeLessThan(DEFAULT_RESULT_CAPS.neighbourhoodNodes);
    }
  });

  it('with caps: exactly the nearest nodes and the nearest edges among them, marked truncated', async () => {
    const expected = await reference(2);
    const result = await capped.query(NEIGHBOURHOOD, { id: toGlobalId('OrgUnit', UNIT), depth: 2 });
    expect(result.errors).toBeUndefined();
    const { nodes, edges, truncated } = result.data.neighbourhood;
    expect(truncated).toBe(true);
    expect(nodes.map((n: { key: string }) => n.key)).toEqual(
      expected.nodes.slice(0, 4).map((n) => n.key),
    );
    expect(edges).toHaveLength(3);
    const kept = new Set(nodes.map((n: { key: string }) => n.key));
    for (const edge of edges) {
      expect(kept.has(keyOf(edge.from))).toBe(true);
      expect(kept.has(keyOf(edge.to))).toBe(true);
    }
  });
});

const SEARCH = `query($text: String!, $first: Int, $after: String) {
  search(text: $text, first: $first, after: $after) {
    totalCount totalCountExact hits { entity { key } } pageInfo { hasNextPage endCursor } } }`;

describe('search', () => {
  it('counts and pages up to the cap, best first, and says the count is a lower bound', async () => {
    const all = await full.query(SEARCH, { text: 'Bochum', first: 100 });
    expect(all.errors).toBeUndefined();
    const keys = all.data.search.hits.map((h: { entity: { key: string } }) => h.entity.key);
    expect(all.data.search.totalCount).toBe(keys.length);
    expect(all.data.search.totalCountExact).toBe(true);
    expect(keys.length).toBeGreaterThan(7);

    const first = await capped.query(SEARCH, { text: 'Bochum', first: 3 });
    expect(first.data.search).toEqual({
      totalCount: 5,
      totalCountExact: false,
      hits: keys.slice(0, 3).map((key: string) => ({ entity: { key } })),
      pageInfo: { hasNextPage: true, endCursor: first.data.search.pageInfo.endCursor },
    });
    const second = await capped.query(SEARCH, {
      text: 'Bochum',
      first: 3,
      after: first.data.search.pageInfo.endCursor,
    });
    expect(second.data.search.hits).toEqual(
      keys.slice(3, 5).map((key: string) => ({ entity: { key } })),
    );
    expect(second.data.search.pageInfo.hasNextPage).toBe(false);
  });

  it('pages up to the cap alike when the totals are not asked for (and the hits not counted)', async () => {
    const uncounted = `query($text: String!, $first: Int, $after: String) {
      search(text: $text, first: $first, after: $after) { hits { entity { key } } pageInfo { hasNextPage endCursor } } }`;
    const counted = await capped.query(SEARCH, { text: 'Bochum', first: 3 });
    const keys = counted.data.search.hits.map((h: { entity: { key: string } }) => h.entity.key);
    const first = await capped.query(uncounted, { text: 'Bochum', first: 3 });
    expect(first.data.search).toEqual({
      hits: keys.map((key: string) => ({ entity: { key } })),
      pageInfo: { hasNextPage: true, endCursor: counted.data.search.pageInfo.endCursor },
    });
    const second = await capped.query(uncounted, {
      text: 'Bochum',
      first: 3,
      after: first.data.search.pageInfo.endCursor,
    });
    // The cap (5) ends the walk although Bochum has more hits.
    expect(second.data.search.hits).toHaveLength(2);
    expect(second.data.search.pageInfo.hasNextPage).toBe(false);
    // A page ending exactly at the cap has no next page either.
    const atCap = await capped.query(uncounted, { text: 'Bochum', first: 5 });
    expect(atCap.data.search.hits).toHaveLength(5);
    expect(atCap.data.search.pageInfo.hasNextPage).toBe(false);
  });

  it('is exact below the cap', async () => {
    const result = await capped.query(SEARCH, { text: 'Bremerhaven Senioren', first: 10 });
    expect(result.errors).toBeUndefined();
    const reference = await full.query(SEARCH, { text: 'Bremerhaven Senioren', first: 10 });
    expect(reference.data.search.totalCount).toBeLessThanOrEqual(5);
    expect(result.data.search).toEqual(reference.data.search);
  });
});

const TIMELINE = `query($first: Int!, $themes: [ID!], $from: Date, $to: Date) {
  timeline(first: $first, themes: $themes, from: $from, to: $to) {
    date { edtf earliest latest } kind text cities } }`;

describe('timeline', () => {
  it('answers the first N entries of the whole timeline, in order, for every N', async () => {
    for (const args of [
      {},
      { themes: ['ageing'] },
      { from: '2020-01-01', to: '2022-12-31' },
      { themes: ['family'], from: '2019-01-01' },
    ]) {
      const whole = await full.query(TIMELINE, { first: 500, ...args });
      expect(whole.errors).toBeUndefined();
      const entries = whole.data.timeline;
      expect(entries.length).toBeGreaterThan(2);
      expect(entries.length).toBeLessThan(500);
      for (const n of [1, 2, Math.floor(entries.length / 2), entries.length - 1]) {
        const part = await full.query(TIMELINE, { first: n, ...args });
        expect(part.errors).toBeUndefined();
        expect(part.data.timeline).toEqual(entries.slice(0, n));
      }
    }
  });
});
