import { fromGlobalId } from '../src/common/global-id';
import { seededApi } from './api';
import { testDatabase } from './db';
import { importPostsFixture, QUOTES } from './posts-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * The dated field YEAR reads (`yearOf`) and the quotes behind bucket members (`evidence`), on the
 * seeds plus the posts fixture (keys `px-…`): exact buckets, checked against plain Cypher where
 * the seeds are counted.
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

const FIXTURE = { key: { startsWith: 'px-' } };

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api().query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function cypher(text: string): Promise<any[]> {
  const result = await api().db.executeRead((tx) => tx.run(text));
  return result.records.map((r) => r.toObject());
}

/** Buckets as "key|key" → member keys in order. */
function buckets(count: any): Record<string, string[]> {
  return Object.fromEntries(
    count.buckets.map((b: any) => [
      b.keys.map((k: any) => k.key ?? '∅').join('|'),
      b.memberIds.map((id: string) => fromGlobalId(id).key),
    ]),
  );
}

/** A count of one kind by YEAR of the given field, as buckets. */
async function years(field: string, yearOf: string | null, where: object | null = FIXTURE) {
  const data = await ok(
    `query($where: ${whereType[field]}, $yearOf: StatsDateField) {
      stats { ${field}(where: $where, groupBy: [YEAR], yearOf: $yearOf, membersPerBucket: 1000) {
        total buckets { keys { key } count uncertainCount memberIds }
      } }
    }`,
    { where, yearOf },
  );
  return data.stats[field];
}
const whereType: Record<string, string> = {
  orgUnits: 'OrgUnitWhere',
  people: 'PersonWhere',
  programmes: 'ProgrammeWhere',
  cities: 'CityWhere',
  events: 'EventWhere',
};

async function errorOf(query: string): Promise<any> {
  const result = await api().query(query);
  expect(result.data ?? null).toBeNull();
  return result.errors?.[0];
}

describe('stats YEAR of a chosen dated field', () => {
  it('keeps its default (a unit set up, a programme started) and reads the other fields on request', async () => {
    const established = await years('orgUnits', null);
    expect(buckets(established)).toEqual({ '2015': ['px-dezernat'], '2019': ['px-sozialamt'] });
    expect(await years('orgUnits', 'ESTABLISHED')).toEqual(established);
    expect(buckets(await years('orgUnits', 'DECIDED'))).toEqual({
      '2018': ['px-sozialamt'],
      '∅': ['px-dezernat'],
    });
    expect(buckets(await years('orgUnits', 'DISSOLVED'))).toEqual({
      '2024': ['px-sozialamt'],
      '∅': ['px-dezernat'],
    });
    expect(buckets(await years('programmes', null))).toEqual({ '2021': ['px-programm'] });
    expect(buckets(await years('programmes', 'DECIDED'))).toEqual({ '2020': ['px-programm'] });
  });

  it('counts people by the years of their posts, each year of each post', async () => {
    const since = await years('people', 'SINCE');
    expect(since.total).toBe(4);
    // Anna took up two posts: 2019 and 2022; posts without a start give the null bucket.
    expect(buckets(since)).toEqual({
      '2019': ['px-anna'],
      '2020': ['px-bernd'],
      '2022': ['px-anna'],
      '∅': ['px-clara', 'px-dora'],
    });
    expect(since.buckets.map((b: any) => b.uncertainCount)).toEqual([0, 0, 0, 0]);
    expect(buckets(await years('people', 'UNTIL'))).toEqual({
      '2021': ['px-anna'],
      '∅': ['px-bernd', 'px-clara', 'px-dora'],
    });
    expect(buckets(await years('people', 'ATTESTED'))).toEqual({
      '2023': ['px-clara'],
      '∅': ['px-anna', 'px-bernd', 'px-dora'],
    });
  });

  it('counts cities by the start of their participations', async () => {
    expect(buckets(await years('cities', 'PERIOD'))).toEqual({
      '2021': ['px-nordstadt'],
      '∅': ['px-suedstadt'],
    });
  });

  it('agrees with plain Cypher on the seeds', async () => {
    const expected: Record<string, string[]> = {};
    for (const row of await cypher(
      `MATCH (p:Person) WHERE NOT p.id STARTS WITH 'px-'
       OPTIONAL MATCH (p)-[h:HOLDS_POST]->() WHERE h.sinceEarliest IS NOT NULL
       WITH DISTINCT p.id AS person, toString(h.sinceEarliest.year) AS year
       RETURN coalesce(year, '∅') AS year, collect(person) AS people ORDER BY year`,
    )) {
      expected[row.year] = [...row.people].sort();
    }
    // A person with a dated post and an undated one is counted only under the year.
    const seeds = await years('people', 'SINCE', { NOT: FIXTURE });
    const got = Object.fromEntries(
      Object.entries(buckets(seeds)).map(([k, v]) => [k, [...v].sort()]),
    );
    expect(got).toEqual(expected);
    expect(Object.keys(got)).toContain('2020');
  });

  it('refuses fields a kind does not have, YEAR without a field where there is no default, yearOf without YEAR', async () => {
    const cases: [string, string, string][] = [
      [
        '{ stats { orgUnits(groupBy: [YEAR], yearOf: PUBLISHED) { total } } }',
        'BAD_USER_INPUT',
        'OrgUnit cannot be counted by the year of PUBLISHED: OrgUnit has DECIDED, ESTABLISHED, DISSOLVED',
      ],
      [
        '{ stats { people(groupBy: [YEAR]) { total } } }',
        'BAD_USER_INPUT',
        'YEAR of Person needs yearOf to say which date: Person has SINCE, UNTIL, ATTESTED',
      ],
      [
        '{ stats { cities(groupBy: [YEAR], yearOf: DATE) { total } } }',
        'BAD_USER_INPUT',
        'City cannot be counted by the year of DATE: City has PERIOD',
      ],
      [
        '{ stats { orgUnits(groupBy: [CITY], yearOf: DECIDED) { total } } }',
        'BAD_USER_INPUT',
        'yearOf chooses the date of the YEAR dimension; add YEAR to groupBy',
      ],
    ];
    for (const [query, code, message] of cases) {
      expect(await errorOf(query)).toMatchObject({
        message,
        extensions: { code, argument: 'yearOf' },
      });
    }
    // Kinds without any dated field have no yearOf at all.
    expect(
      (await errorOf('{ stats { counties(groupBy: [STATE], yearOf: DATE) { total } } }')).extensions
        .code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the quotes behind bucket members', () => {
  /** Evidence as member key → quotes, per bucket key. */
  async function evidence(field: string, args: string): Promise<Record<string, any>> {
    const data = await ok(`{ stats { ${field}(${args}) {
      buckets { keys { key } evidence { member { key } sources { quote document { key } } } }
    } } }`);
    return Object.fromEntries(
      data.stats[field].buckets.map((b: any) => [
        b.keys.map((k: any) => k.key ?? '∅').join('|'),
        Object.fromEntries(
          b.evidence.map((e: any) => [
            e.member.key,
            e.sources.map((s: any) => {
              expect(s.document.key).toBe('px-doc');
              return s.quote;
            }),
          ]),
        ),
      ]),
    );
  }

  it('names the relationships on the walk from each member to the key', async () => {
    expect(
      await evidence('people', 'where: { key: { startsWith: "px-" } }, groupBy: [CITY]'),
    ).toEqual({
      'px-nordstadt': {
        // A post in a unit: the post and the unit's BELONGS_TO; a mayor: the post itself.
        'px-anna': [QUOTES.anna, QUOTES.sozialamtCity].sort(),
        'px-clara': [QUOTES.clara],
        'px-dora': [QUOTES.dora, QUOTES.sozialamtCity].sort(),
      },
      'px-suedstadt': { 'px-bernd': [QUOTES.bernd, QUOTES.dezernatCity].sort() },
    });
  });

  it('follows the taxonomy for THEME and gives nothing for "none stated"', async () => {
    expect(
      await evidence('orgUnits', 'where: { key: { startsWith: "px-" } }, groupBy: [THEME]'),
    ).toEqual({
      'px-altersarmut': { 'px-sozialamt': [QUOTES.addresses] },
      'px-armut': { 'px-sozialamt': [QUOTES.altersarmut, QUOTES.addresses].sort() },
      '∅': { 'px-dezernat': [] },
    });
  });

  it("quotes the member's own date or kind, the dated relationship, and its own quotes without groupBy", async () => {
    expect(
      await evidence(
        'orgUnits',
        'where: { key: { startsWith: "px-" } }, groupBy: [YEAR, ORG_UNIT_KIND], yearOf: DECIDED',
      ),
    ).toEqual({
      '2018|OFFICE': { 'px-sozialamt': [QUOTES.sozialamt] },
      '∅|DEPARTMENT': { 'px-dezernat': [QUOTES.dezernat] },
    });
    expect(
      await evidence(
        'people',
        'where: { key: { in: ["px-anna", "px-bernd"] } }, groupBy: [YEAR], yearOf: SINCE',
      ),
    ).toEqual({
      '2019': { 'px-anna': [QUOTES.anna] },
      '2020': { 'px-bernd': [QUOTES.bernd] },
      '2022': { 'px-anna': [QUOTES.annaVerband] },
    });
    expect(await evidence('programmes', 'where: { key: { eq: "px-programm" } }')).toEqual({
      '': { 'px-programm': [QUOTES.programm] },
    });
  });

  it('lists only the members the bucket lists, and costs one query for all buckets', async () => {
    const query = `{ stats { people(where: { key: { startsWith: "px-" } }, groupBy: [CITY], membersPerBucket: 1) {
      buckets { memberIds evidence { member { key } sources { quote } } }
    } } }`;
    const before = api().db.transactions;
    const data = await ok(query);
    // The count, then one query for the quotes of every bucket's members, then the members.
    expect(api().db.transactions - before).toBe(3);
    for (const bucket of data.stats.people.buckets) {
      expect(bucket.evidence.map((e: any) => e.member.key)).toEqual(
        bucket.memberIds.map((id: string) => fromGlobalId(id).key),
      );
    }
    expect(data.stats.people.buckets.map((b: any) => b.evidence.length)).toEqual([1, 1]);
  });
});
