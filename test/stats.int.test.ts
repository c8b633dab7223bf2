import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { seededApi } from './api';
import { testDatabase } from './db';
import { importStatsFixture } from './stats-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * Every aggregate is checked against a count made independently: a plain Cypher query written
 * here, or the root lists of the API with the matching `where`.
 */
const api = seededApi();
let removeFixture: (() => Promise<void>) | undefined;
const fixtureDb = testDatabase();

beforeAll(async () => {
  removeFixture = await importStatsFixture(fixtureDb);
});
afterAll(async () => {
  await removeFixture?.();
  await fixtureDb.close();
});

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api().query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function cypher(text: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const result = await api().db.executeRead((tx) => tx.run(text, params));
  return result.records.map((r) => r.toObject());
}

async function errorCode(query: string, variables?: Record<string, unknown>): Promise<string> {
  const result = await api().query(query, variables);
  return result.errors?.[0]?.extensions?.code as string;
}

/** Buckets as "key|key" → sorted member keys. */
function bucketMembers(buckets: any[]): Record<string, string[]> {
  return Object.fromEntries(
    buckets.map((b) => [
      b.keys.map((k: any) => k.key ?? '∅').join('|'),
      b.memberIds.map((id: string) => fromGlobalId(id).key).sort(),
    ]),
  );
}

const sorted = (xs: string[]) => [...xs].sort();

async function listKeys(field: string, args: string, variables: Record<string, unknown> = {}) {
  const types: Record<string, string> = {
    where: field === 'cities' ? 'CityWhere' : 'OrgUnitWhere',
    asOf: 'Date',
    mode: 'AsOfMode',
  };
  const declared = Object.keys(variables).map((v) => `$${v}: ${types[v]}`);
  const data = await ok(
    `query${declared.length ? `(${declared.join(', ')})` : ''} {
       ${field}(first: 100${args ? `, ${args}` : ''}) { totalCount nodes { key } }
     }`,
    variables,
  );
  expect(data[field].totalCount).toBe(data[field].nodes.length);
  return sorted(data[field].nodes.map((n: any) => n.key));
}

describe('stats: grouped counts', () => {
  it('rolls themes up the taxonomy: a unit on family education counts under family, education and diversity', async () => {
    const data = await ok(`{ stats { orgUnits(groupBy: [THEME], membersPerBucket: 1000) {
      total buckets { keys { key label node { key } } count memberIds membersComplete } } } }`);
    const expected = await cypher(`
      MATCH (u:OrgUnit)
      OPTIONAL MATCH (u)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
      WITH t, u ORDER BY u.id
      RETURN coalesce(t.id, '∅') AS key, coalesce(t.name, t.labelEn, t.title, t.id) AS label,
             collect(DISTINCT u.id) AS members`);
    const got = bucketMembers(data.stats.orgUnits.buckets);
    expect(got).toEqual(Object.fromEntries(expected.map((r) => [r.key, r.members])));
    // Each bucket is labelled with its theme's name (null for "none stated").
    expect(
      Object.fromEntries(
        data.stats.orgUnits.buckets.map((b: any) => [b.keys[0].key ?? '∅', b.keys[0].label]),
      ),
    ).toEqual(Object.fromEntries(expected.map((r) => [r.key, r.key === '∅' ? null : r.label])));
    // Family education is narrower than family and than education (itself under diversity).
    const [direct] = await cypher(
      `MATCH (:OrgUnit {id: 'bochum-familienbildungsstaetten'})-[:ADDRESSES]->(t) RETURN collect(t.id) AS themes`,
    );
    expect(direct.themes).toEqual(['family-education']);
    for (const broader of ['family', 'education', 'diversity'])
      expect(got[broader]).toContain('bochum-familienbildungsstaetten');
    for (const b of data.stats.orgUnits.buckets) {
      expect(b.count).toBe(b.memberIds.length);
      expect(b.membersComplete).toBe(true);
      if (b.keys[0].key !== null) expect(b.keys[0].node.key).toBe(b.keys[0].key);
    }
    // Several buckets per unit: the buckets add up to more than the total.
    const sum = data.stats.orgUnits.buckets.reduce((s: number, b: any) => s + b.count, 0);
    expect(sum).toBeGreaterThan(data.stats.orgUnits.total);
    expect(data.stats.orgUnits.total).toBe((await listKeys('orgUnits', '')).length);
  });

  it('counts top themes only under TOP_THEME', async () => {
    const data = await ok(
      `{ stats { orgUnits(groupBy: [TOP_THEME]) { buckets { keys { key } count } } } }`,
    );
    const expected = await cypher(`
      MATCH (u:OrgUnit)
      OPTIONAL MATCH (u)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme {topConcept: true})
      RETURN t.id AS key, count(DISTINCT u) AS count ORDER BY key`);
    expect(
      data.stats.orgUnits.buckets.map((b: any) => ({ key: b.keys[0].key, count: b.count })),
    ).toEqual(
      // Cypher sorts null first, the API last.
      [...expected.filter((r) => r.key !== null), ...expected.filter((r) => r.key === null)],
    );
  });

  it('groups by two dimensions: units per city and kind, adding up to the total', async () => {
    const data = await ok(`{ stats { orgUnits(groupBy: [CITY, ORG_UNIT_KIND], membersPerBucket: 0) {
      total buckets { keys { dimension key } count memberIds membersComplete } } } }`);
    const expected = await cypher(`
      MATCH (u:OrgUnit) OPTIONAL MATCH (u)-[:BELONGS_TO]->(c:City)
      RETURN c.id AS city, u.kind AS kind, count(u) AS count`);
    const got = data.stats.orgUnits.buckets.map((b: any) => ({
      city: b.keys[0].key,
      kind: b.keys[1].key,
      count: b.count,
    }));
    const order = (xs: any[]) =>
      [...xs].sort((a, b) => `${a.city}|${a.kind}`.localeCompare(`${b.city}|${b.kind}`));
    expect(order(got)).toEqual(order(expected));
    expect(data.stats.orgUnits.buckets[0].keys.map((k: any) => k.dimension)).toEqual([
      'CITY',
      'ORG_UNIT_KIND',
    ]);
    const sum = got.reduce((s: number, b: any) => s + b.count, 0);
    expect(sum).toBe(data.stats.orgUnits.total);
    for (const b of data.stats.orgUnits.buckets) {
      expect(b.memberIds).toEqual([]);
      expect(b.membersComplete).toBe(false);
    }
  });

  it('takes the root list’s where: the members are the list’s items', async () => {
    const where = { orgUnits: { some: { themes: { some: { within: 'ageing' } } } } };
    const data = await ok(
      `query($where: CityWhere) { stats { cities(where: $where, groupBy: [STATE]) {
         total buckets { keys { key } count memberIds } } } }`,
      { where },
    );
    const members = sorted([
      ...new Set<string>(
        data.stats.cities.buckets.flatMap((b: any) =>
          b.memberIds.map((id: string) => fromGlobalId(id).key),
        ),
      ),
    ]);
    expect(members).toEqual(await listKeys('cities', 'where: $where', { where }));
    expect(data.stats.cities.total).toBe(members.length);
    const expected = await cypher(
      `MATCH (c:City) WHERE c.id IN $members
       OPTIONAL MATCH (c)-[:LOCATED_IN*1..2]->(s:State)
       RETURN s.id AS key, count(DISTINCT c) AS count`,
      { members },
    );
    expect(
      Object.fromEntries(data.stats.cities.buckets.map((b: any) => [b.keys[0].key, b.count])),
    ).toEqual(Object.fromEntries(expected.map((r) => [r.key, r.count])));
  });

  it('counts as of a day: each bucket holds what the list holds on that day', async () => {
    for (const mode of ['CERTAIN', 'POSSIBLE']) {
      const data = await ok(
        `query($mode: AsOfMode) { stats { orgUnits(asOf: "2020-12-31", asOfMode: $mode, groupBy: [TOP_THEME], membersPerBucket: 100) {
           total buckets { keys { key } memberIds } } } }`,
        { mode },
      );
      const all = await listKeys('orgUnits', 'asOf: $asOf, asOfMode: $mode', {
        asOf: '2020-12-31',
        mode,
      });
      expect(data.stats.orgUnits.total).toBe(all.length);
      for (const [key, members] of Object.entries(bucketMembers(data.stats.orgUnits.buckets))) {
        if (key === '∅') continue;
        const list = await listKeys('orgUnits', 'where: $where, asOf: $asOf, asOfMode: $mode', {
          where: { themes: { some: { within: key } } },
          asOf: '2020-12-31',
          mode,
        });
        expect([key, members]).toEqual([key, list]);
      }
    }
    const certain = await ok(`{ stats { orgUnits(asOf: "2020-12-31") { total } } }`);
    const possible = await ok(
      `{ stats { orgUnits(asOf: "2020-12-31", asOfMode: POSSIBLE) { total } } }`,
    );
    expect(possible.stats.orgUnits.total).toBeGreaterThan(certain.stats.orgUnits.total);
  });

  it('buckets years by the earliest year and counts dates that may fall later as uncertain', async () => {
    const data = await ok(`{ stats {
      units: orgUnits(groupBy: [YEAR]) { buckets { keys { key } count uncertainCount } }
      events: events(groupBy: [YEAR]) { buckets { keys { key } count uncertainCount } }
    } }`);
    for (const [field, label, property] of [
      ['units', 'OrgUnit', 'established'],
      ['events', 'Event', 'date'],
    ] as const) {
      const expected = await cypher(`
        MATCH (n:${label})
        WITH n, n.${property}Earliest AS earliest, n.${property}StartLatest AS startLatest
        RETURN CASE WHEN earliest IS NULL THEN null ELSE toString(earliest.year) END AS key,
               count(n) AS count,
               count(CASE WHEN earliest IS NOT NULL AND (startLatest IS NULL OR startLatest.year <> earliest.year) THEN 1 END) AS uncertain`);
      const got = data.stats[field].buckets.map((b: any) => [
        b.keys[0].key,
        b.count,
        b.uncertainCount,
      ]);
      expect(sorted(got.map((g: any) => JSON.stringify(g)))).toEqual(
        sorted(expected.map((r) => JSON.stringify([r.key, r.count, r.uncertain]))),
      );
    }
    const units = data.stats.units.buckets.map((b: any) => [
      b.keys[0].key,
      b.count,
      b.uncertainCount,
    ]);
    // Winter 2024 (Dec 2024–Feb 2025) counts in 2024, flagged; key order, none stated last.
    expect(units).toEqual([
      ['2020', 1, 0],
      ['2024', 1, 1],
      [null, 25, 0],
    ]);
    expect(
      data.stats.events.buckets.find((b: any) => b.keys[0].key === '2024').uncertainCount,
    ).toBe(1);
  });

  it('counts programmes per funder', async () => {
    const data = await ok(`{ stats { programmes(groupBy: [FUNDER], membersPerBucket: 100) {
      buckets { keys { key } count memberIds } } } }`);
    const expected = await cypher(`
      MATCH (p:Programme) OPTIONAL MATCH (p)<-[:FUNDS]-(o:Organisation)
      WITH o, p ORDER BY p.id
      RETURN coalesce(o.id, '∅') AS key, collect(DISTINCT p.id) AS members`);
    expect(bucketMembers(data.stats.programmes.buckets)).toEqual(
      Object.fromEntries(expected.map((r) => [r.key, r.members])),
    );
  });

  it('lists members for drill-down, in key order, as ids and as nodes', async () => {
    const data = await ok(`{ stats { orgUnits(groupBy: [CITY], membersPerBucket: 2) {
      buckets { keys { key } count memberIds membersComplete members { id key } } } } }`);
    const bochum = data.stats.orgUnits.buckets.find((b: any) => b.keys[0].key === 'bochum');
    expect(bochum.count).toBe(7);
    expect(bochum.memberIds).toHaveLength(2);
    expect(bochum.membersComplete).toBe(false);
    expect(bochum.members.map((m: any) => m.id)).toEqual(bochum.memberIds);
    const [first] = await cypher(
      `MATCH (u:OrgUnit)-[:BELONGS_TO]->(:City {id: 'bochum'}) WITH u ORDER BY u.id RETURN collect(u.id)[..2] AS keys`,
    );
    expect(bochum.members.map((m: any) => m.key)).toEqual(first.keys);
    // The ids work with nodes(ids:).
    const nodes = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { key } }`, {
      ids: bochum.memberIds,
    });
    expect(nodes.nodes.map((n: any) => n.key)).toEqual(first.keys);
    expect(bochum.memberIds[0]).toBe(toGlobalId('OrgUnit', first.keys[0]));
  });

  it('refuses more than two dimensions, a dimension twice, an unsupported one, too many members', async () => {
    expect(await errorCode(`{ stats { orgUnits(groupBy: [CITY, THEME, YEAR]) { total } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await errorCode(`{ stats { orgUnits(groupBy: [CITY, CITY]) { total } } }`)).toBe(
      'BAD_USER_INPUT',
    );
    const unsupported = await api().query(`{ stats { sources(groupBy: [THEME]) { total } } }`);
    expect(unsupported.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unsupported.errors?.[0]?.message).toMatch(/supported: YEAR/);
    expect(await errorCode(`{ stats { orgUnits(membersPerBucket: 5000) { total } } }`)).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('gives one bucket with everything without groupBy', async () => {
    const data = await ok(`{ stats { states { total buckets { keys { key } count } } } }`);
    const [expected] = await cypher(`MATCH (s:State) RETURN count(s) AS count`);
    expect(data.stats.states).toEqual({
      total: expected.count,
      buckets: [{ keys: [], count: expected.count }],
    });
  });
});

describe('stats: funding', () => {
  const FX = { key: { startsWith: 'fx-' } };

  it('never adds different currencies, periods, ceilings or kinds of statement', async () => {
    const data = await ok(
      `query($fx: ProgrammeWhere) { stats { funding(programme: $fx, groupBy: [PROGRAMME]) {
         total buckets { keys { key } kind currency per upTo count sum min max statementIds } } } }`,
      { fx: FX },
    );
    const expected = await cypher(`
      MATCH ()-[s:PARTICIPATES_IN|FUNDS]->(p:Programme)
      WHERE s.fundingAmount IS NOT NULL AND p.id STARTS WITH 'fx-'
      RETURN p.id AS programme, type(s) AS type, s.fundingCurrency AS currency, s.fundingPer AS per,
             coalesce(s.fundingUpTo, false) AS upTo, count(s) AS count, sum(s.fundingAmount) AS sum,
             min(s.fundingAmount) AS min, max(s.fundingAmount) AS max`);
    const kind = { PARTICIPATES_IN: 'PARTICIPATION', FUNDS: 'PROGRAMME_FUNDING' } as any;
    const line = (b: any) =>
      JSON.stringify([
        b.programme,
        b.kind,
        b.currency,
        b.per,
        b.upTo,
        b.count,
        b.sum,
        b.min,
        b.max,
      ]);
    expect(
      sorted(data.stats.funding.buckets.map((b: any) => line({ ...b, programme: b.keys[0].key }))),
    ).toEqual(sorted(expected.map((r) => line({ ...r, kind: kind[r.type] }))));
    expect(data.stats.funding.total).toBe(6);

    const alpha = data.stats.funding.buckets.filter((b: any) => b.keys[0].key === 'fx-alpha');
    expect(alpha.map((b: any) => [b.kind, b.currency, b.per, b.upTo, b.count, b.sum])).toEqual([
      ['PARTICIPATION', 'EUR', 'P1Y', false, 1, 3000],
      ['PARTICIPATION', 'EUR', 'P1Y', true, 2, 18000],
      ['PROGRAMME_FUNDING', 'EUR', null, false, 1, 1000000],
    ]);
    const ceilings = alpha.find((b: any) => b.upTo);
    expect([ceilings.min, ceilings.max]).toEqual([8000, 10000]);
  });

  it('attributes a city’s money to its programme’s funders and dates it by its own or the programme’s period', async () => {
    const data = await ok(
      `query($fx: ProgrammeWhere) { stats { funding(programme: $fx, groupBy: [FUNDER, YEAR], kinds: [PARTICIPATION]) {
         buckets { keys { key } currency per upTo count sum } } } }`,
      { fx: FX },
    );
    expect(
      data.stats.funding.buckets.map((b: any) => [
        ...b.keys.map((k: any) => k.key),
        b.currency,
        b.per,
        b.upTo,
        b.sum,
      ]),
    ).toEqual([
      ['fx-ministerium', '2022', 'EUR', 'P1Y', false, 3000],
      ['fx-ministerium', '2022', 'EUR', 'P1Y', true, 18000],
      ['fx-ministerium', '2023', 'EUR', 'P1M', false, 5000],
      [null, null, 'CHF', 'P1Y', false, 2000],
    ]);
  });

  it('groups by the themes of each statement’s programme, rolled up or exact, as Cypher counts them', async () => {
    // Statements per theme key, summed over the buckets that split a theme by kind and basis.
    const perTheme = async (dimension: string) => {
      const data = await ok(
        `{ stats { funding(groupBy: [${dimension}]) { total buckets { keys { key } count } } } }`,
      );
      const sums: Record<string, number> = {};
      for (const b of data.stats.funding.buckets) {
        const key = b.keys[0].key ?? '∅';
        sums[key] = (sums[key] ?? 0) + b.count;
      }
      return sums;
    };
    const expected = async (walk: string) =>
      Object.fromEntries(
        (
          await cypher(`
            MATCH ()-[s:PARTICIPATES_IN|FUNDS]->(p:Programme) WHERE s.fundingAmount IS NOT NULL
            OPTIONAL MATCH (p)-[:ADDRESSES]->${walk}
            RETURN coalesce(t.id, '∅') AS theme, count(DISTINCT s) AS n`)
        ).map((r) => [r.theme, r.n]),
      );
    const rolledUp = await perTheme('THEME');
    expect(rolledUp).toEqual(await expected('(:Theme)-[:BROADER*0..]->(t:Theme)'));
    // The project's one funded programme with themes reaches broader ones through the taxonomy.
    expect(rolledUp.ageing).toBe(1);
    expect(rolledUp['demographic-change']).toBe(1);
    expect(await perTheme('THEME_EXACT')).toEqual(await expected('(t:Theme)'));
  });

  it('filters by kind, city and funder like the lists', async () => {
    const programmeFunding = await ok(
      `{ stats { funding(kinds: [PROGRAMME_FUNDING]) { total buckets { kind statementIds } } } }`,
    );
    expect(programmeFunding.stats.funding.total).toBe(1);
    expect(programmeFunding.stats.funding.buckets[0].statementIds).toEqual([
      'fx-ministerium~FUNDS~fx-alpha',
    ]);
    const city = await ok(
      `{ stats { funding(city: { name: { eq: "Fixturstadt" } }) { total buckets { kind } } } }`,
    );
    expect(city.stats.funding.total).toBe(3);
    expect(city.stats.funding.buckets.every((b: any) => b.kind === 'PARTICIPATION')).toBe(true);
    const byFunder = await ok(
      `{ stats { funding(funder: { shortName: { eq: "BMFSFJ" } }) { total buckets { statementIds } } } }`,
    );
    expect(byFunder.stats.funding.buckets.flatMap((b: any) => b.statementIds)).toEqual([
      'bremerhaven~PARTICIPATES_IN~zukunftswerkstatt-kommunen',
    ]);
  });

  it('counts only statements valid on the asOf day', async () => {
    const query = `query($mode: AsOfMode) { stats { funding(asOf: "2023-06-01", asOfMode: $mode) {
      buckets { statementIds } } } }`;
    const ids = async (mode: string) =>
      sorted((await ok(query, { mode })).stats.funding.buckets.flatMap((b: any) => b.statementIds));
    // Certain on that day: the two participations with a stated period running then (ZWK
    // 2021–2024, Alpha 2022–2024); undated statements are only possible.
    expect(await ids('CERTAIN')).toEqual([
      'bremerhaven~PARTICIPATES_IN~zukunftswerkstatt-kommunen',
      'fx-fixturstadt~PARTICIPATES_IN~fx-alpha',
    ]);
    const possible = await ids('POSSIBLE');
    expect(possible).toHaveLength(7);
    const [before] = await cypher(
      `MATCH ()-[s:PARTICIPATES_IN|FUNDS]->(p) WHERE s.fundingAmount IS NOT NULL RETURN count(s) AS n`,
    );
    expect(possible).toHaveLength(before.n);
  });

  it('lists each bucket’s statements with their ends and quotes', async () => {
    const data = await ok(`{ stats { funding(city: { key: { eq: "fx-nachbarstadt" } }) {
      buckets { statementIds statements { id kind funding { amount currency per upTo } from { key } programme { key } sources { quote document { title } } } } } } }`);
    const [bucket] = data.stats.funding.buckets;
    expect(bucket.statements).toEqual([
      {
        id: 'fx-nachbarstadt~PARTICIPATES_IN~fx-alpha',
        kind: 'PARTICIPATION',
        funding: { amount: 8000, currency: 'EUR', per: 'P1Y', upTo: true },
        from: { key: 'fx-nachbarstadt' },
        programme: { key: 'fx-alpha' },
        sources: [
          {
            quote: 'Nachbarstadt erhält im Programm Alpha bis zu 8.000 Euro pro Jahr.',
            document: { title: 'Fördergeld für Fixturstadt und Nachbarorte' },
          },
        ],
      },
    ]);
    expect(bucket.statementIds).toEqual([bucket.statements[0].id]);
  });
});

describe('stats: city profile', () => {
  const profile = `query($id: ID!, $asOf: Date) { stats { cityProfile(id: $id, asOf: $asOf) {
    city { key } unitCount unitsWithoutTheme unitsPerTheme { theme { key } count units { key } }
    postCount peopleInPosts { key } programmes { key } funders { key } events { key }
    datedFactCount firstDatedFact { date { edtf earliest } text sources { quote } }
    lastDatedFact { date { edtf earliest } }
  } } }`;

  it('summarises a city as independent queries count it', async () => {
    const data = await ok(profile, { id: toGlobalId('City', 'bochum') });
    const p = data.stats.cityProfile;
    const [units] = await cypher(
      `MATCH (:City {id: 'bochum'})<-[:BELONGS_TO]-(u:OrgUnit) RETURN count(u) AS n`,
    );
    expect(p.unitCount).toBe(units.n);
    const perTheme = await cypher(`
      MATCH (:City {id: 'bochum'})<-[:BELONGS_TO]-(u:OrgUnit)
      OPTIONAL MATCH (u)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
      RETURN t.id AS theme, count(DISTINCT u) AS count`);
    expect(Object.fromEntries(p.unitsPerTheme.map((t: any) => [t.theme.key, t.count]))).toEqual(
      Object.fromEntries(perTheme.filter((r) => r.theme !== null).map((r) => [r.theme, r.count])),
    );
    expect(p.unitsWithoutTheme).toBe(perTheme.find((r) => r.theme === null)?.count ?? 0);
    for (const t of p.unitsPerTheme) expect(t.units).toHaveLength(t.count);

    const [people] = await cypher(`
      MATCH (c:City {id: 'bochum'})
      OPTIONAL MATCH (x:Person)-[h:HOLDS_POST]->(y) WHERE y = c OR (y)-[:BELONGS_TO]->(c)
      RETURN count(h) AS posts, collect(DISTINCT x.id) AS people`);
    expect(p.postCount).toBe(people.posts);
    expect(p.peopleInPosts.map((x: any) => x.key)).toEqual(sorted(people.people));

    const [programmes] = await cypher(`
      MATCH (c:City {id: 'bochum'})
      CALL (c) {
        MATCH (c)-[:PARTICIPATES_IN|RUNS]->(p:Programme) RETURN p
        UNION MATCH (c)<-[:BELONGS_TO]-(:OrgUnit)-[:COORDINATES|IMPLEMENTS|DECIDED|RUNS]->(p:Programme) RETURN p
      }
      OPTIONAL MATCH (p)<-[:FUNDS]-(o:Organisation)
      RETURN collect(DISTINCT p.id) AS programmes, collect(DISTINCT o.id) AS funders`);
    expect(p.programmes.map((x: any) => x.key)).toEqual(sorted(programmes.programmes));
    expect(p.funders.map((x: any) => x.key)).toEqual(sorted(programmes.funders));
    expect(p.events.map((x: any) => x.key)).toEqual([
      'bochum-abschlusstagung-zusammen-im-quartier',
      'bochum-sozialkonferenz-2019',
      'bochum-tagung-ran-an-die-arbeit-2023',
    ]);
    expect(p.firstDatedFact.date.earliest <= p.lastDatedFact.date.earliest).toBe(true);
    expect(p.firstDatedFact.sources.length).toBeGreaterThan(0);
    expect(p.datedFactCount).toBeGreaterThan(0);
  });

  it('names the funders of the city’s programmes', async () => {
    const data = await ok(profile, { id: toGlobalId('City', 'bremerhaven') });
    expect(data.stats.cityProfile.funders.map((f: any) => f.key)).toEqual(['bmfsfj']);
  });

  it('counts as of a day like the lists do', async () => {
    const data = await ok(profile, { id: toGlobalId('City', 'bochum'), asOf: '2020-12-31' });
    const units = await listKeys('orgUnits', 'where: $where, asOf: $asOf', {
      where: { city: { some: { key: { eq: 'bochum' } } } },
      asOf: '2020-12-31',
    });
    expect(data.stats.cityProfile.unitCount).toBe(units.length);
    expect(data.stats.cityProfile.unitCount).toBeLessThan(14);
  });

  it('answers NOT_FOUND for an unknown city or an id of another type, BAD_USER_INPUT for a malformed id', async () => {
    expect(await errorCode(profile, { id: toGlobalId('City', 'atlantis') })).toBe('NOT_FOUND');
    expect(await errorCode(profile, { id: toGlobalId('OrgUnit', 'bochum-rat') })).toBe('NOT_FOUND');
    expect(await errorCode(profile, { id: 'not an id!' })).toBe('BAD_USER_INPUT');
  });
});
