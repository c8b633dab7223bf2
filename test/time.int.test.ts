import { toGlobalId } from '../src/common/global-id';
import { isValidOn, storedValidity } from '../src/edtf/validity';
import { plain } from '../src/modules/entity/entity.record';
import { asOfPredicate } from '../src/modules/time/as-of';
import { seededApi } from './api';
import { citedDocuments, expectDocumentsAsLoaded } from './cited-documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

const api = seededApi();
const keys = (nodes: { key: string }[]) => nodes.map((n) => n.key).sort();
const linkKeys = (links: { node: { key: string } }[]) => links.map((l) => l.node.key).sort();

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api().query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe('asOf on root lists', () => {
  const staffUnits = `query($day: Date!, $mode: AsOfMode) {
    orgUnits(asOf: $day, asOfMode: $mode, where: { kind: { eq: "STAFF_UNIT" } }) { nodes { key } }
  }`;

  it('counts a unit set up in November 2020 as existing at the end of 2020, certainly', async () => {
    const data = await ok(staffUnits, { day: '2020-12-31' });
    expect(keys(data.orgUnits.nodes)).toEqual(['bochum-stabsstelle-leben-im-alter']);
  });

  it('adds undated units and units only decided when asked loosely', async () => {
    const data = await ok(staffUnits, { day: '2020-12-31', mode: 'POSSIBLE' });
    expect(keys(data.orgUnits.nodes)).toEqual([
      'bochum-stabsstelle-leben-im-alter',
      'bremerhaven-stabsstelle-seniorinnen-und-senioren',
      'castrop-rauxel-stabsstelle-bildung-vielfalt-teilhabe',
    ]);
    // Castrop-Rauxel's unit was decided in May 2019: not possible before that.
    const before = await ok(staffUnits, { day: '2019-04-30', mode: 'POSSIBLE' });
    expect(keys(before.orgUnits.nodes)).not.toContain(
      'castrop-rauxel-stabsstelle-bildung-vielfalt-teilhabe',
    );
  });

  it('finds no dated fact before any data, while timeless facts stay', async () => {
    const data = await ok(`{
      orgUnits(asOf: "1900-01-01") { totalCount }
      programmes(asOf: "1900-01-01") { totalCount }
      events(asOf: "1900-01-01") { totalCount }
      cities(asOf: "1900-01-01") { totalCount nodes { key orgUnits { node { key } } } }
      themes(asOf: "1900-01-01") { totalCount }
    }`);
    expect(data.orgUnits.totalCount).toBe(0);
    expect(data.programmes.totalCount).toBe(0);
    expect(data.events.totalCount).toBe(0);
    expect(data.cities.totalCount).toBe(4);
    expect(data.themes.totalCount).toBe(28);
    // Relation fields inherit the day: no city had a (certain) unit in 1900.
    for (const city of data.cities.nodes) expect(city.orgUnits).toEqual([]);
  });

  it('applies the day inside where: cities with a unit on ageing at the end of 2020', async () => {
    const query = `query($mode: AsOfMode) {
      cities(asOf: "2020-12-31", asOfMode: $mode,
             where: { orgUnits: { some: { themes: { some: { within: "ageing" } } } } }) { nodes { key } }
    }`;
    expect(keys((await ok(query, { mode: 'CERTAIN' })).cities.nodes)).toEqual(['bochum']);
    const loose = keys((await ok(query, { mode: 'POSSIBLE' })).cities.nodes);
    expect(loose).toEqual(expect.arrayContaining(['bochum', 'bremerhaven']));
    // Without a day every unit counts, whatever its dates.
    const all = await ok(
      `{ cities(where: { orgUnits: { some: { themes: { some: { within: "ageing" } } } } }) { nodes { key } } }`,
    );
    expect(keys(all.cities.nodes)).toEqual(expect.arrayContaining(loose));
  });

  it('refuses a day that is not a calendar day', async () => {
    const result = await api().query(`query($d: Date!) { orgUnits(asOf: $d) { totalCount } }`, {
      d: '2020-02-30',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('the as-of predicate', () => {
  it('agrees with the reference semantics on every node and relationship, on every test day', async () => {
    const days = [
      '1900-01-01',
      '2019-05-15',
      '2020-04-15',
      '2020-12-31',
      '2023-08-17',
      '2030-01-01',
    ];
    for (const mode of ['CERTAIN', 'POSSIBLE'] as const) {
      for (const day of days) {
        const rows = await api().db.executeRead(
          async (tx) =>
            (
              await tx.run(
                `MATCH (x:Entity) RETURN properties(x) AS props, ${asOfPredicate('x', 'day', mode)} AS valid
               UNION ALL
               MATCH ()-[x]->() RETURN properties(x) AS props, ${asOfPredicate('x', 'day', mode)} AS valid`,
                { day },
              )
            ).records,
        );
        expect(rows.length).toBeGreaterThan(300);
        const disagreements = rows.filter(
          (r) => r.get('valid') !== isValidOn(storedValidity(plain(r.get('props'))), day, mode),
        );
        expect([mode, day, disagreements.length]).toEqual([mode, day, 0]);
      }
    }
  });
});

describe('asOf on relation fields', () => {
  const unitPosts = `query($day: Date, $mode: AsOfMode) {
    orgUnits(where: { key: { eq: "bochum-stabsstelle-leben-im-alter" } }) {
      nodes { posts(asOf: $day, asOfMode: $mode) { person { key } since { edtf } validity { certainFrom } } }
    }
  }`;

  it('shows who held the post on a day', async () => {
    const before = await ok(unitPosts, { day: '2020-10-31' });
    expect(before.orgUnits.nodes[0].posts).toEqual([]);
    const after = await ok(unitPosts, { day: '2020-11-01' });
    expect(after.orgUnits.nodes[0].posts).toEqual([
      {
        person: { key: 'janina-kandt' },
        since: { edtf: '2020-11-01' },
        validity: { certainFrom: '2020-11-01' },
      },
    ]);
    const always = await ok(unitPosts, {});
    expect(always.orgUnits.nodes[0].posts).toHaveLength(1);
  });

  it('counts a decision of spring 2020 as taken on 2020-12-31 but not certainly in April', async () => {
    const query = `query($day: Date!, $mode: AsOfMode) {
      orgUnits(where: { key: { eq: "bochum-stabsstelle-leben-im-alter" } }) {
        nodes { decidedBy(asOf: $day, asOfMode: $mode) { node { key } details { date { edtf } } } }
      }
    }`;
    const decided = (data: any) => linkKeys(data.orgUnits.nodes[0].decidedBy);
    expect(decided(await ok(query, { day: '2020-12-31' }))).toEqual(['bochum-rat']);
    expect(decided(await ok(query, { day: '2020-04-15' }))).toEqual([]);
    expect(decided(await ok(query, { day: '2020-04-15', mode: 'POSSIBLE' }))).toEqual([
      'bochum-rat',
    ]);
  });

  it('lets a relation field set its own day over the inherited one', async () => {
    const data = await ok(`{
      cities(asOf: "2019-01-01", where: { key: { eq: "bochum" } }) {
        nodes {
          inherited: orgUnits { node { key } }
          own: orgUnits(asOf: "2021-01-01") { node { key } }
        }
      }
    }`);
    const [bochum] = data.cities.nodes;
    expect(linkKeys(bochum.inherited)).toEqual([]);
    // The council is undated, but its decision of spring 2020 shows it existed by then.
    expect(linkKeys(bochum.own)).toEqual(['bochum-rat', 'bochum-stabsstelle-leben-im-alter']);
  });

  it('filters paged relation connections in the database, counts included', async () => {
    const data = await ok(`{
      themes(where: { key: { eq: "ageing" } }) {
        nodes {
          all: addressedBy(first: 100) { totalCount }
          certain: addressedBy(first: 100, asOf: "2020-12-31") { totalCount edges { node { node { key } } } }
        }
      }
    }`);
    const [ageing] = data.themes.nodes;
    expect(ageing.all.totalCount).toBeGreaterThan(ageing.certain.totalCount);
    expect(ageing.certain.totalCount).toBe(ageing.certain.edges.length);
    expect(ageing.certain.edges.map((e: any) => e.node.node.key)).toContain(
      'bochum-stabsstelle-leben-im-alter',
    );
  });

  it('exposes the validity that asOf tests, on nodes and on relationships', async () => {
    const data = await ok(`{
      cities(where: { key: { eq: "bremerhaven" } }) {
        nodes {
          validity { timeless }
          participations { validity { possibleFrom certainFrom certainUntil possibleUntil timeless } }
        }
      }
    }`);
    const [bremerhaven] = data.cities.nodes;
    expect(bremerhaven.validity.timeless).toBe(true);
    expect(bremerhaven.participations[0].validity).toEqual({
      possibleFrom: '2021-01-01',
      certainFrom: '2021-12-31',
      certainUntil: '2024-12-01',
      possibleUntil: '2024-12-31',
      timeless: false,
    });
  });
});

describe('validity on every node and relationship', () => {
  const VALIDITY = 'validity { possibleFrom certainFrom certainUntil possibleUntil timeless }';
  const LISTS = [
    'cities',
    'counties',
    'states',
    'districts',
    'orgUnits',
    'people',
    'programmes',
    'organisations',
    'themes',
    'events',
    'sources',
  ];

  /** What `validity` must show, read from the stored bounds (absent: unbounded). */
  function expected(props: Record<string, unknown>) {
    const day = (name: string) => (props[name] == null ? null : String(props[name]));
    const certainFrom = day('validCertainFrom');
    const possibleFrom = day('validPossibleFrom');
    const certainTo = day('validCertainTo');
    const possibleTo = day('validPossibleTo');
    return {
      possibleFrom,
      // Absent: certain from the start of time; 9999-12-31: no day is certain.
      certainFrom:
        certainFrom === null ? '0001-01-01' : certainFrom === '9999-12-31' ? null : certainFrom,
      certainUntil: certainTo,
      possibleUntil: possibleTo,
      timeless: certainFrom === null && certainTo === null,
    };
  }

  it('answers on every entity of every root list, undated ones included, as stored', async () => {
    const data = await ok(
      `{ ${LISTS.map((l) => `${l}(first: 100) { totalCount nodes { key ${VALIDITY} } }`).join(' ')} }`,
    );
    const stored = await api().db.executeRead(async (tx) => {
      const result = await tx.run(`MATCH (n:Entity) RETURN n.id AS key, properties(n) AS props`);
      return new Map(result.records.map((r) => [r.get('key') as string, r.get('props')]));
    });
    let undated = 0;
    for (const list of LISTS) {
      expect(data[list].nodes).toHaveLength(data[list].totalCount);
      for (const node of data[list].nodes) {
        expect({ key: node.key, ...node.validity }).toEqual({
          key: node.key,
          ...expected(stored.get(node.key)),
        });
        if (node.validity.timeless) undated += 1;
      }
    }
    // The undated ones are what failed before: certainFrom 0001-01-01 was refused.
    expect(undated).toBeGreaterThan(40);
  });

  it('answers on every kind of edge, undated ones included', async () => {
    const data = await ok(`{
      cities(first: 100) { nodes { key
        state { details { ${VALIDITY} } }
        county { details { ${VALIDITY} } }
        orgUnits { details { ${VALIDITY} } }
        participations { ${VALIDITY} }
      } }
      people(first: 100) { nodes { posts { ${VALIDITY} } } }
      programmes(first: 100) { nodes { funders { ${VALIDITY} } } }
    }`);
    const castrop = data.cities.nodes.find((c: any) => c.key === 'castrop-rauxel');
    expect(castrop.county.details.validity).toEqual({
      possibleFrom: null,
      certainFrom: '0001-01-01',
      certainUntil: null,
      possibleUntil: null,
      timeless: true,
    });
    const posts = data.people.nodes.flatMap((p: any) => p.posts);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.some((p: any) => p.validity.timeless)).toBe(false);
  });

  it('answers a day it cannot serialise as a server fault (INTERNAL), not as bad user input', async () => {
    // A stored bound that is no day: the client asked nothing wrong, so this is INTERNAL.
    const key = 'zz-test-city-with-a-broken-day';
    await api().db.executeWrite((tx) =>
      tx.run(`CREATE (:City:Entity {id: $key, name: 'Broken', validCertainFrom: 'soon'})`, {
        key,
      }),
    );
    try {
      const result = await api().query(
        `query($key: String!) { cities(where: { key: { eq: $key } }) { nodes { key validity { certainFrom } } } }`,
        { key },
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL' },
        path: ['cities', 'nodes', 0, 'validity', 'certainFrom'],
      });
    } finally {
      await api().db.executeWrite((tx) =>
        tx.run(`MATCH (n:City {id: $key}) DETACH DELETE n`, { key }),
      );
    }
  });
});

describe('filters on relationship properties', () => {
  it('finds cities by the role and period of their participation', async () => {
    const data = await ok(`{
      model: cities(where: { programmes: { edge: { role: { eq: "MODEL_MUNICIPALITY" } } } }) { nodes { key } }
      late: cities(where: { programmes: { edge: { period: { after: "2020-12-31" } } } }) { nodes { key } }
      early: cities(where: { programmes: { edge: { period: { before: "2019-01-01" } } } }) { nodes { key } }
      zwk: cities(where: { programmes: { edge: { fundingUpTo: { eq: true } }, some: { shortName: { eq: "ZWK" } } } }) { nodes { key } }
    }`);
    expect(keys(data.model.nodes)).toEqual(['bremerhaven']);
    expect(keys(data.late.nodes)).toEqual(['bremerhaven']);
    expect(data.early.nodes).toEqual([]);
    expect(keys(data.zwk.nodes)).toEqual(['bremerhaven']);
  });

  it('finds people by when they took up a post', async () => {
    const data = await ok(`{
      people(where: { unitPosts: { edge: { since: { between: ["2020-01-01", "2020-12-31"] } } } }) { nodes { key } }
    }`);
    expect(keys(data.people.nodes)).toEqual(['janina-kandt']);
  });
});

describe('timeline', () => {
  const BOCHUM = toGlobalId('City', 'bochum');
  const query = `query($cities: [ID!], $themes: [ID!], $from: Date, $to: Date) {
    timeline(cityIds: $cities, themes: $themes, from: $from, to: $to) {
      date { edtf earliest latest } kind text cities subject { key } object { key }
      sources { quote document { key } }
    }
  }`;

  it("tells Bochum's 2020 in order, each entry with its quotes", async () => {
    const data = await ok(query, { cities: [BOCHUM], from: '2020-01-01', to: '2020-12-31' });
    const entries = data.timeline;
    const texts = entries.map((e: any) => `${e.kind} ${e.subject.key}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'DECIDED bochum-stabsstelle-leben-im-alter',
        'DECIDED bochum-rat',
        'STARTED janina-kandt',
        'STARTED bochum-stabsstelle-leben-im-alter',
      ]),
    );
    const earliest = entries.map((e: any) => e.date.earliest);
    expect(earliest).toEqual([...earliest].sort());
    expect(texts.indexOf('DECIDED bochum-rat')).toBeLessThan(texts.indexOf('STARTED janina-kandt'));
    for (const entry of entries) {
      expect(entry.cities).toEqual(['bochum']);
      expect(entry.sources.length).toBeGreaterThan(0);
      expect(entry.date.earliest <= '2020-12-31' && entry.date.latest >= '2020-01-01').toBe(true);
    }
    const post = entries.find((e: any) => e.subject.key === 'janina-kandt' && e.kind === 'STARTED');
    expect(post.object.key).toBe('bochum-stabsstelle-leben-im-alter');
    expect(post.date.edtf).toBe('2020-11-01');
  });

  it('narrows to a theme with its narrower themes', async () => {
    const all = await ok(query, { cities: [BOCHUM] });
    const ageing = await ok(query, { cities: [BOCHUM], themes: ['ageing'] });
    const subjects = (data: any) => data.timeline.map((e: any) => e.subject.key);
    expect(subjects(all)).toContain('bochum-sozialkonferenz-2019');
    expect(subjects(ageing)).not.toContain('bochum-sozialkonferenz-2019');
    expect(subjects(ageing)).toContain('bochum-stabsstelle-leben-im-alter');
    expect(ageing.timeline.length).toBeLessThan(all.timeline.length);
  });

  it('reads the documents its citations and their subjects cite in its own statement', async () => {
    const fields = 'key title publisher url published { edtf }';
    const withDocuments = `query($cities: [ID!]) { timeline(cityIds: $cities, first: 200) {
      sources { quote document { ${fields} } } subject { key sources { document { ${fields} } } }
      object { ... on Node { sources { document { ${fields} } } } } } }`;
    let before = api().db.transactions;
    const everything = await ok(withDocuments, {});
    // One statement: the facts and every document they and their ends cite.
    expect(api().db.transactions - before).toBe(1);
    await expectDocumentsAsLoaded(api(), citedDocuments(everything), fields);
    before = api().db.transactions;
    const bochum = await ok(withDocuments, { cities: [BOCHUM] });
    // The city's id is looked up in the same statement.
    expect(api().db.transactions - before).toBe(1);
    await expectDocumentsAsLoaded(api(), citedDocuments(bochum), fields);
    // By key and by AGS, with another city: the same one statement.
    before = api().db.transactions;
    const both = await ok(withDocuments, { cities: ['05911000', 'bremerhaven'] });
    expect(api().db.transactions - before).toBe(1);
    expect(both.timeline.length).toBeGreaterThan(bochum.timeline.length);
    // Without a document asked, none is read.
    before = api().db.transactions;
    await ok(`{ timeline(first: 5) { sources { quote } } }`);
    expect(api().db.transactions - before).toBe(1);
  });

  it('gives every city its own entries and refuses bad arguments', async () => {
    const everything = await ok(query, {});
    const cities = new Set(everything.timeline.flatMap((e: any) => e.cities));
    // Herten has no dated fact since Janina Kandt's career before 2020 is undated (issue 11).
    expect([...cities].sort()).toEqual(['bochum', 'bremerhaven', 'castrop-rauxel']);
    const reversed = await api().query(query, { from: '2021-01-01', to: '2020-01-01' });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // An id of another type names no city (the one id rule of node.lookup.ts).
    const notACity = await api().query(query, { cities: [toGlobalId('Theme', 'ageing')] });
    expect(notACity.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await api().query(query, { cities: ['Not an id'] });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'cityIds',
    });
    const unknown = await api().query(query, { cities: [toGlobalId('City', 'atlantis')] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
