import { seededApi } from './api';
import { citedDocuments, expectDocumentsAsLoaded } from './cited-documents';
import { testDatabase } from './db';
import { importPostsFixture, QUOTES } from './posts-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * The root `posts` list against the seeds plus a fixture of two cities (keys `px-…`): exact result
 * sets for each filter, checked where possible against plain Cypher written here.
 */
const api = seededApi();
const fixtureDb = testDatabase();
let removeFixture: (() => Promise<void>) | undefined;

beforeAll(async () => {
  removeFixture = await importPostsFixture(fixtureDb);
});
afterAll(async () => {
  await removeFixture?.();
  await fixtureDb.close();
});

const POSTS = `query Posts($where: PostWhere, $orderBy: PostOrder, $first: Int, $after: String, $last: Int, $before: String, $asOf: Date, $asOfMode: AsOfMode) {
  posts(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before, asOf: $asOf, asOfMode: $asOfMode) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor }
    nodes {
      person { key name }
      holder { key }
      role
      roleTitle
      since { edtf }
      until { edtf }
      attested { edtf }
      sources { quote document { key } }
      validity { certainFrom }
    }
  }
}`;

async function posts(variables: Record<string, unknown>): Promise<any> {
  const result = await api().query(POSTS, variables);
  expect(result.errors).toBeUndefined();
  return result.data.posts;
}

/** A post as "person@holder". */
const pair = (post: any) => `${post.person.key}@${post.holder.key}`;

/** The posts of a filter, as person@holder in list order. */
async function pairs(where: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const page = await posts({ where, first: 100, ...extra });
  expect(page.pageInfo.hasNextPage).toBe(false);
  expect(page.totalCount).toBe(page.nodes.length);
  return page.nodes.map(pair);
}

const FIXTURE = { person: { key: { startsWith: 'px-' } } };

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const result = await api().db.executeRead((tx) => tx.run(text, params));
  return result.records.map((r) => r.toObject());
}

async function errorOf(variables: Record<string, unknown>): Promise<any> {
  const result = await api().query(POSTS, variables);
  expect(result.data ?? null).toBeNull();
  return result.errors?.[0];
}

describe('posts', () => {
  it('lists every HOLDS_POST relationship once, by person key, paging through all of them', async () => {
    const expected = (
      await cypher(
        `MATCH (p:Person)-[r:HOLDS_POST]->(h) RETURN p.id + '@' + h.id AS pair ORDER BY p.id, r.id`,
      )
    ).map((r) => r.pair);
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await posts({ first: 3, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.nodes.map(pair));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('counts in the statement that reads the page: one round trip, even past the last page', async () => {
    const trips = async (variables: Record<string, unknown>) => {
      const before = api().db.transactions;
      const page = await posts(variables);
      return { page, trips: api().db.transactions - before };
    };
    const all = await trips({ where: FIXTURE, first: 2 });
    expect(all.trips).toBe(1);
    expect(all.page.totalCount).toBe(5);
    expect(all.page.nodes.map(pair)).toEqual(['px-anna@px-sozialamt', 'px-anna@px-verband']);
    // After the last post: no rows to carry the count, which still comes back.
    const last = await posts({ where: FIXTURE, last: 1 });
    const past = await trips({ where: FIXTURE, first: 2, after: last.pageInfo.endCursor });
    expect(past.trips).toBe(1);
    expect(past.page.nodes).toEqual([]);
    expect(past.page.totalCount).toBe(5);
    expect(past.page.pageInfo.hasNextPage).toBe(false);
    // A filter that matches nothing.
    const none = await trips({ where: { roleTitle: { eq: 'no such title' } }, first: 2 });
    expect([none.trips, none.page.totalCount, none.page.nodes]).toEqual([1, 0, []]);
  });

  it("reads the documents a page's posts and their ends cite in the same statement, as the loader reads them", async () => {
    const fields = 'key title publisher url language published { edtf }';
    const cites = `sources { quote document { ${fields} } }`;
    const before = api().db.transactions;
    const result = await api().query(
      `{ posts(first: 20) { totalCount nodes { ${cites} person { key ${cites} }
          holder { key ${cites} } } edges { node { ${cites} } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(api().db.transactions - before).toBe(1);
    const { nodes, totalCount } = result.data.posts;
    // Every post of the seeds and the fixture fits on the page.
    expect(totalCount).toBeGreaterThan(5);
    expect(nodes).toHaveLength(totalCount);
    // The posts' own citations and their ends' both name documents.
    expect(citedDocuments(nodes.map((n: any) => ({ sources: n.sources }))).size).toBeGreaterThan(0);
    expect(citedDocuments(nodes.map((n: any) => n.holder)).size).toBeGreaterThan(0);
    await expectDocumentsAsLoaded(api(), citedDocuments(result.data), fields);
  });

  it('reads of the people and the holders what the selection asks, with the values of a whole read', async () => {
    const COMMON = `id key basis reasoning version sources { quote basis document { key title } }
      validity { certainFrom certainUntil possibleFrom possibleUntil timeless }`;
    const PERSON = `${COMMON} name givenName familyName`;
    const HOLDER = `__typename ${COMMON} ... on OrgUnit { name kind decided { edtf } established { edtf } }
      ... on City { name ags } ... on Organisation { name shortName }`;
    const ask = async (select: string) => {
      const before = api().db.transactions;
      const result = await api().query(`{ posts(first: 50) { totalCount ${select} } }`);
      expect(api().db.transactions - before).toBe(1);
      expect(result.errors).toBeUndefined();
      return result.data.posts;
    };
    const narrow = await ask('nodes { person { key } holder { key } }');
    const wide = await ask(
      `nodes { person { ${PERSON} } holder { ${HOLDER} } } edges { node { holder { key } } }`,
    );
    expect(wide.nodes).toHaveLength(wide.totalCount);
    expect(narrow.nodes).toEqual(
      wide.nodes.map((n: any) => ({
        person: { key: n.person.key },
        holder: { key: n.holder.key },
      })),
    );
    const byId = (items: any[]) => new Map(items.map((item) => [item.id, item]));
    const people = byId(wide.nodes.map((n: any) => n.person));
    const holders = byId(wide.nodes.map((n: any) => n.holder));
    // Every kind of holder is among them: units, a city (a mayor's office), an organisation.
    expect(new Set([...holders.values()].map((h) => h.__typename))).toEqual(
      new Set(['OrgUnit', 'City', 'Organisation']),
    );
    const whole = await api().query(
      `query($people: [ID!]!, $holders: [ID!]!) {
        people: nodes(ids: $people) { ... on Person { ${PERSON} } }
        holders: nodes(ids: $holders) { ${HOLDER} }
      }`,
      { people: [...people.keys()], holders: [...holders.keys()] },
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data.people).toEqual([...people.values()]);
    expect(whole.data.holders).toEqual([...holders.values()]);
  });

  it('reads a post with its ends, dates and quotes', async () => {
    const page = await posts({ where: { ...FIXTURE, role: { eq: 'HEAD' } } });
    expect(page.nodes).toEqual([
      {
        person: { key: 'px-anna', name: 'Anna Alt' },
        holder: { key: 'px-sozialamt' },
        role: 'HEAD',
        roleTitle: 'Leiterin des Sozialamts',
        since: { edtf: '2019-06-01' },
        until: { edtf: '2021-12-31' },
        attested: null,
        sources: [{ quote: QUOTES.anna, document: { key: 'px-doc' } }],
        validity: { certainFrom: '2019-06-01' },
      },
    ]);
  });

  it("filters by the post's city: the city itself or the unit's city, never an organisation's seat", async () => {
    expect(await pairs({ city: { key: { eq: 'px-nordstadt' } } })).toEqual([
      'px-anna@px-sozialamt',
      'px-clara@px-nordstadt',
      'px-dora@px-sozialamt',
    ]);
    expect(await pairs({ city: { ags: { eq: '99200002' } } })).toEqual(['px-bernd@px-dezernat']);
    // The seeds: the same as a hand-written walk (a city post, or a unit post via BELONGS_TO).
    const bochum = (
      await cypher(
        `MATCH (p:Person)-[r:HOLDS_POST]->(h)
         WHERE (h:City AND h.id = 'bochum') OR EXISTS { (h:OrgUnit)-[:BELONGS_TO]->(:City {id: 'bochum'}) }
         RETURN p.id + '@' + h.id AS pair ORDER BY p.id, r.id`,
      )
    ).map((r) => r.pair);
    expect(bochum.length).toBeGreaterThan(0);
    expect(await pairs({ city: { key: { eq: 'bochum' } } })).toEqual(bochum);
    expect(await pairs({ city: { key: { eq: 'atlantis' } } })).toEqual([]);
  });

  it('filters by unit, organisation and person', async () => {
    expect(await pairs({ unit: { key: { eq: 'px-sozialamt' } } })).toEqual([
      'px-anna@px-sozialamt',
      'px-dora@px-sozialamt',
    ]);
    expect(await pairs({ ...FIXTURE, unit: { kind: { eq: 'DEPARTMENT' } } })).toEqual([
      'px-bernd@px-dezernat',
    ]);
    expect(await pairs({ organisation: { key: { eq: 'px-verband' } } })).toEqual([
      'px-anna@px-verband',
    ]);
    // A unit condition never matches a post in a city or an organisation.
    expect(await pairs({ ...FIXTURE, unit: {} })).toEqual([
      'px-anna@px-sozialamt',
      'px-bernd@px-dezernat',
      'px-dora@px-sozialamt',
    ]);
    expect(await pairs({ person: { name: { eq: 'Anna Alt' } } })).toEqual([
      'px-anna@px-sozialamt',
      'px-anna@px-verband',
    ]);
  });

  it('filters by role, title and dates, with AND, OR and NOT', async () => {
    const executives = (
      await cypher(
        `MATCH (p:Person)-[r:HOLDS_POST {role: 'SOCIAL_AFFAIRS_EXECUTIVE'}]->(h)
         RETURN p.id + '@' + h.id AS pair ORDER BY p.id, r.id`,
      )
    ).map((r) => r.pair);
    expect(executives).toContain('px-bernd@px-dezernat');
    expect(await pairs({ role: { eq: 'SOCIAL_AFFAIRS_EXECUTIVE' } })).toEqual(executives);
    expect(await pairs({ ...FIXTURE, roleTitle: { contains: 'Sozial' } })).toEqual([
      'px-anna@px-sozialamt',
      'px-bernd@px-dezernat',
    ]);
    expect(await pairs({ ...FIXTURE, since: { after: '2019-12-31' } })).toEqual([
      'px-anna@px-verband',
      'px-bernd@px-dezernat',
    ]);
    expect(await pairs({ ...FIXTURE, until: { before: '2022-01-01' } })).toEqual([
      'px-anna@px-sozialamt',
    ]);
    expect(
      await pairs({ ...FIXTURE, attested: { between: ['2023-01-01', '2023-12-31'] } }),
    ).toEqual(['px-clara@px-nordstadt']);
    expect(
      await pairs({ ...FIXTURE, OR: [{ role: { eq: 'MAYOR' } }, { role: { eq: 'MEMBER' } }] }),
    ).toEqual(['px-clara@px-nordstadt', 'px-dora@px-sozialamt']);
    // NOT of a condition on a missing value: posts without `since` match.
    expect(await pairs({ ...FIXTURE, NOT: { since: { after: '1900-01-01' } } })).toEqual([
      'px-clara@px-nordstadt',
      'px-dora@px-sozialamt',
    ]);
    expect(
      await pairs({
        AND: [FIXTURE, { city: { key: { eq: 'px-suedstadt' } } }, { role: { eq: 'HEAD' } }],
      }),
    ).toEqual([]);
    expect(await pairs({ ...FIXTURE, role: { eq: 'NO_SUCH_ROLE' } })).toEqual([]);
  });

  it('reads posts as of a day', async () => {
    expect(await pairs(FIXTURE, { asOf: '2021-06-01' })).toEqual([
      'px-anna@px-sozialamt',
      'px-bernd@px-dezernat',
    ]);
    // POSSIBLE adds the posts without a stated start: the undated one, and the mayor's, shown
    // only in 2023 (certain from then on, possible before).
    expect(await pairs(FIXTURE, { asOf: '2021-06-01', asOfMode: 'POSSIBLE' })).toEqual([
      'px-anna@px-sozialamt',
      'px-bernd@px-dezernat',
      'px-clara@px-nordstadt',
      'px-dora@px-sozialamt',
    ]);
    expect(await pairs(FIXTURE, { asOf: '2023-06-01' })).toEqual([
      'px-anna@px-verband',
      'px-bernd@px-dezernat',
      'px-clara@px-nordstadt',
    ]);
  });

  it('sorts by a date with posts without one last, and pages backwards with the same cursors', async () => {
    const orderBy = { field: 'since', direction: 'DESC' };
    const all = await pairs(FIXTURE, { orderBy });
    expect(all).toEqual([
      'px-anna@px-verband',
      'px-bernd@px-dezernat',
      'px-anna@px-sozialamt',
      'px-clara@px-nordstadt',
      'px-dora@px-sozialamt',
    ]);
    const first = await posts({ where: FIXTURE, orderBy, first: 2 });
    expect(first.nodes.map(pair)).toEqual(all.slice(0, 2));
    const second = await posts({
      where: FIXTURE,
      orderBy,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(second.nodes.map(pair)).toEqual(all.slice(2, 4));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await posts({
      where: FIXTURE,
      orderBy,
      first: 2,
      after: second.pageInfo.endCursor,
    });
    expect(third.nodes.map(pair)).toEqual(all.slice(4));
    expect(third.pageInfo.hasNextPage).toBe(false);
    const back = await posts({
      where: FIXTURE,
      orderBy,
      last: 3,
      before: third.pageInfo.startCursor,
    });
    expect(back.nodes.map(pair)).toEqual(all.slice(1, 4));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(back.edges.map((e: any) => e.cursor)).toEqual([
      first.edges[1].cursor,
      ...second.edges.map((e: any) => e.cursor),
    ]);
    const byTitle = await pairs(FIXTURE, { orderBy: { field: 'roleTitle' } });
    expect(byTitle).toEqual([
      'px-anna@px-verband',
      'px-anna@px-sozialamt',
      'px-clara@px-nordstadt',
      'px-dora@px-sozialamt',
      'px-bernd@px-dezernat',
    ]);
  });

  it('refuses bad paging, cursors of other lists and bad dates with BAD_USER_INPUT', async () => {
    const cities = await api().query(`{ cities(first: 1) { pageInfo { endCursor } } }`);
    const foreign = cities.data.cities.pageInfo.endCursor;
    for (const [variables, argument] of [
      [{ first: 500 }, 'first'],
      [{ first: 2, last: 2 }, 'last'],
      [{ after: foreign }, 'after'],
      [{ after: 'garbage' }, 'after'],
      [
        { orderBy: { field: 'since' }, after: (await posts({ first: 1 })).pageInfo.endCursor },
        'after',
      ],
      [{ where: { since: { before: '2020-02-30' } } }, 'where'],
    ] as const) {
      expect(await errorOf(variables)).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
  });
});
