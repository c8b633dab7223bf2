import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config';
import { parseExamples } from '../src/common/examples';
import { loadersOnlyApi, seededApi } from './api';
import { importBasisFixture } from './basis-fixture';
import { testDatabase } from './db';

/**
 * The query planner against the loaders: every IDE example and a set of deep queries must give
 * the same answer both ways, and a root list with a deep selection must take one round trip.
 */
// The read examples; the write examples change the graph (test/curation-examples.int.test.ts).
const examples = parseExamples(
  fs.readFileSync(path.join(REPO_ROOT, 'schema', 'examples.graphql'), 'utf8'),
).filter((e) => !e.writes);

const api = seededApi();
const loaders = loadersOnlyApi();
// Facts of every basis (keys `bx-…`), for the `basis` queries below.
const fixtureDb = testDatabase();
let removeFixture: (() => Promise<void>) | undefined;
beforeAll(async () => {
  removeFixture = await importBasisFixture(fixtureDb);
});
afterAll(async () => {
  await removeFixture?.();
  await fixtureDb.close();
});

/**
 * A root field the planner does not cover: the documents its hits cite come in its own statement,
 * and a relation below a hit goes through the loaders.
 */
const LOADED = `search(text: "Bochum", first: 5) { hits { entity {
  sources { quote document { key title kind publisher author url published { edtf } language version } }
  ... on City { orgUnits { sources { quote document { key title kind publisher } } } } } } }`;

/** Queries that reach deep, with aliases, fragments, arguments on nested fields and asOf. */
const DEEP: Record<string, string> = {
  'units, posts, people, their other posts and every document': `{
    cities(first: 10) { totalCount nodes { key name
      state { node { name } sources { quote document { title } } }
      orgUnits { node { key name posts { roleTitle since { edtf } person { name posts { holder { id } roleTitle } }
        sources { quote document { title publisher } } } themes { node { key } } } } } } }`,
  'aliases with different arguments and a fragment on Node': `{
    orgUnits(first: 50, orderBy: { field: name, direction: DESC }) { edges { cursor node { key
      all: themes { node { key } }
      ageing: themes(where: { within: "ageing" }) { node { key labelEn } }
      decidedBy { details { date { edtf } vote } node { __typename ... on Person { name posts { roleTitle } } ... on OrgUnit { name city { node { name } } } } }
      parent { node { name subUnits(first: 2) { node { key } } } } } } } }`,
  'relation arguments: where, edge, orderBy, first': `{
    programmes(first: 50) { nodes { key
      participants(edge: { role: { eq: "MODEL_MUNICIPALITY" } }) { roleTitle city { id } funding { amount } }
      participantsConnection(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { roleTitle } }
      parts(orderBy: { field: name, direction: DESC }, first: 3) { node { name targetDistricts { node { name } } } }
      funders { funder { id ... on Organisation { shortName funds { programme { id } } } } sources { document { title } } } } } }`,
  'asOf on the root and on a nested field': `{
    a: cities(asOf: "2020-12-31") { nodes { key orgUnits { node { key posts { person { name } } } } } }
    b: cities { nodes { key orgUnits(asOf: "2019-01-01", asOfMode: POSSIBLE) { node { key subUnits { node { key } } } } } }
  }`,
  'basis on the root, inherited, overridden below and inside where': `{
    cities(basis: STATED, where: { orgUnits: { some: { themes: { some: { within: "bx-ageing" } } } } }) { nodes { key basis
      orgUnits { basis reasoning node { key basis reasoning themes { basis node { key } } } sources { quote basis } }
      all: orgUnits(basis: ALL) { node { key themes { basis reasoning node { key } } sources { basis reasoning } } } } } }`,
  'node(id:) by key, by AGS and by global id, with fragments per type': `{
    byKey: node(id: "bochum") { id ... on City { name orgUnits { node { name posts { roleTitle person { name } sources { document { title } } } } } } }
    byAgs: node(id: "05911000") { ... on City { key state { node { name } } } }
    unit: node(id: "bochum-stabsstelle-leben-im-alter") { ... on OrgUnit { city { node { key } } themes { node { key broader { node { key } } } } } ... on Person { name } }
  }`,
  'documents cited by far nodes only': `{
    orgUnits(first: 30) { nodes { key city { node { sources { quote document { title } } } } themes { node { key } } } } }`,
  'relations asked for their far node only, and for the relationship too': `{
    cities { nodes { key
      only: orgUnits { __typename node { key name } }
      inFragment: orgUnits { ... on OrgUnitLink { node { key } } }
      full: orgUnits { node { key } details { type validity { certainFrom } } basis }
      viaFragment: orgUnits { node { key } ... on OrgUnitLink { sources { quote } } }
      posts { person { key } }
      titled: posts { roleTitle since { edtf } person { key } }
      participations { programme { key } }
      funded: participations { programme { key } funding { amount currency } } } } }`,
  'documents cited by links inside a connection': `{
    themes(first: 100) { nodes { key addressedBy(first: 3) { nodes { sources { quote document { title } } node { key } } } } } }`,
  'documents cited by a relationship, by its far node, and by both': `{
    programmes(first: 50) { nodes { key
      byLink: participants { sources { document { title } } city { key } }
      byNode: participants { city { key sources { document { title } } } }
      byBoth: participants { sources { document { key } } city { key sources { document { key title } } } } } } }`,
  'relationship properties read by projection, through fragments and from both ends': `{
    programmes(first: 50) { nodes { key
      participants { roleTitle status reasons period { edtf } relationId version basis reasoning
        funding { amount currency per upTo from purpose } validity { certainFrom possibleUntil } city { key } programme { key } }
      roleOnly: participants { ... on Participation { role } city { key } }
      ends: participants { programme { key } city { key ... on City { name } } }
      funders { period { edtf } funding { amount } relationId funder { key } }
      parts { details { type } node { key } } } } }`,
  'post properties read by projection': `{
    people(first: 50) { nodes { key
      posts { roleTitle role since { edtf earliest latest } until { edtf } attested { edtf } holder { id } }
      titles: posts { ... on Post { roleTitle } person { key } } } } }`,
  'documents read in part for citations, and whole where the loader reads them': `{
    cities(where: { key: { eq: "bochum" } }) { nodes { key sources { document { title } }
      orgUnits { sources { quote document { key } } node { key posts { sources { document { title kind } } } } } } }
    ${LOADED}
  }`,
  'documents with a field the planner cannot list': `{
    cities(first: 5) { nodes { key orgUnits { node { key } sources { document { title validity { certainFrom } sources { quote } } } } } } }`,
  'themes with their paged addressedBy': `{
    themes(first: 100) { nodes { key narrower { node { key } } addressedBy(first: 3) { totalCount pageInfo { hasNextPage } edges { cursor node { node { id } } } } } } }`,
};

describe('query planner', () => {
  it.each(examples.map((e) => [e.name, e] as const))(
    'answers the example "%s" as the loaders do',
    async (_name, example) => {
      const variables = example.variables ? JSON.parse(example.variables) : undefined;
      const planned = await api().query(example.query, variables);
      const loaded = await loaders().query(example.query, variables);
      expect(planned.errors).toBeUndefined();
      expect(planned).toEqual(loaded);
    },
  );

  it.each(Object.entries(DEEP))('answers "%s" as the loaders do', async (_name, query) => {
    const planned = await api().query(query);
    const loaded = await loaders().query(query);
    expect(planned.errors).toBeUndefined();
    expect(planned.data).toEqual(loaded.data);
  });

  it.each(Object.entries(DEEP))(
    'answers "%s" in one round trip per root field',
    async (_name, query) => {
      let roots = query.includes('a: cities') ? 2 : query.includes('byKey:') ? 3 : 1;
      if (query.includes(LOADED)) {
        // The search's own statements, counted alone: the planned field adds one.
        const alone = api().db.transactions;
        expect((await api().query(`{ ${LOADED} }`)).errors).toBeUndefined();
        roots = api().db.transactions - alone + 1;
        // The search reads its hits with their documents (one statement); the hits' units and
        // the units' documents come through loaders (one each).
        expect(roots).toBe(4);
      }
      const before = api().db.transactions;
      const result = await api().query(query);
      expect(result.errors).toBeUndefined();
      expect(api().db.transactions - before).toBe(roots);
    },
  );

  it('without the planner, batches one query per level, whatever the number of rows', async () => {
    const nested = `{ cities(first: 10) { nodes { name orgUnits { node { name posts { person { name } sources { document { title } } } } } } } }`;
    let before = loaders().db.transactions;
    expect((await loaders().query(nested)).errors).toBeUndefined();
    // Cities page, units of all 4 cities, posts of all 26 units, all cited documents.
    expect(loaders().db.transactions - before).toBe(4);
    before = loaders().db.transactions;
    const themes = `{ themes(first: 100) { nodes { key addressedBy(first: 5) { totalCount nodes { node { key } } } } } }`;
    expect((await loaders().query(themes)).errors).toBeUndefined();
    // The theme page, then one query for the addressedBy pages of all 28 themes.
    expect(loaders().db.transactions - before).toBe(2);
  });

  it('plans a query asked again by the variables below its root field, never with stale ones', async () => {
    // Plans are kept per field node of the parsed query: the same text comes back with the same
    // nodes, and only the variables used below the root field may change the plan.
    const query = `query ($id: ID!, $n: Int, $theme: String, $quotes: Boolean!) {
      node(id: $id) { ... on City { key
        orgUnits(first: $n, where: { themes: { some: { within: $theme } } }) {
          node { key } sources @include(if: $quotes) { quote } } } } }`;
    const asked = [
      { id: 'bochum', n: 1, quotes: false },
      { id: 'bochum', n: 3, quotes: false },
      { id: 'bremerhaven', n: 3, quotes: false },
      { id: 'bochum', n: 3, quotes: true },
      { id: 'bochum', n: 3, theme: 'ageing', quotes: false },
      { id: 'bochum', n: null, quotes: false },
      { id: 'bochum', n: 1, quotes: false },
    ];
    const shapes: string[] = [];
    for (const variables of asked) {
      const before = api().db.transactions;
      const planned = await api().query(query, variables);
      expect(planned.errors).toBeUndefined();
      // A stale plan would still answer right, through the loaders, in more round trips.
      expect(api().db.transactions - before).toBe(1);
      expect(planned).toEqual(await loaders().query(query, variables));
      const city = (planned.data as { node: { key: string; orgUnits: object[] } }).node;
      shapes.push(`${city.key}:${city.orgUnits.length}:${'sources' in city.orgUnits[0]!}`);
    }
    // Each change of a variable shows in the answer, so a plan kept from before would fail.
    expect(new Set(shapes.slice(0, 6)).size).toBe(6);
    expect(shapes[6]).toBe(shapes[0]);
  });

  it('reports a bad argument below a root list as the loaders do', async () => {
    const query = `{ cities { nodes { orgUnits(where: { decided: { before: "2021-02-30" } }) { node { key } } } } }`;
    const planned = await api().query(query);
    const loaded = await loaders().query(query);
    expect(planned.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(planned).toEqual(loaded);
  });
});
