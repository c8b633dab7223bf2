import { parseCsvObjects } from '../src/modules/export/csv';
import { startTestApi, type TestApi } from './api';
import { BASIS_QUOTES, importBasisFixture, REASONING } from './basis-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * The basis of statements (issue 11) on a fixture of its own (keys `bx-…`, see basis-fixture.ts):
 * `basis`/`reasoning` on facts and citations, and `basis: STATED` on root lists, relation
 * fields, relation filters, aggregates and the comparison, with the planner and without it, and
 * in the exports. Exact result sets throughout.
 */
let api: TestApi | undefined;
let loaders: TestApi | undefined;
let removeFixture: (() => Promise<void>) | undefined;

beforeAll(async () => {
  api = await startTestApi();
  loaders = await startTestApi({ planner: false });
  removeFixture = await importBasisFixture(api.db);
});
afterAll(async () => {
  await removeFixture?.();
  await loaders?.close();
  await api?.close();
});

/** The answer with the planner, checked to be the loaders' answer too. */
async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const planned = await api!.query(query, variables);
  expect(planned.errors).toBeUndefined();
  const loaded = await loaders!.query(query, variables);
  expect(loaded).toEqual(planned);
  return planned.data;
}

const BX = '{ key: { startsWith: "bx-" } }';
const keys = (nodes: { key: string }[]) => nodes.map((n) => n.key);

describe('basis and reasoning on facts and citations', () => {
  it('show the basis of a node, a link, its details and their citations; reasoning only when INFERRED', async () => {
    const data = await ok(`{
      orgUnits(where: ${BX}) { nodes {
        key basis reasoning sources { quote basis reasoning }
        city { basis reasoning details { basis reasoning } sources { basis reasoning } node { key } }
        themes { basis reasoning node { key basis sources { basis } } }
      } }
    }`);
    const byKey = Object.fromEntries(data.orgUnits.nodes.map((n: any) => [n.key, n]));
    expect(Object.keys(byKey)).toEqual(['bx-amt-a', 'bx-amt-b', 'bx-amt-c']);
    expect(byKey['bx-amt-a']).toMatchObject({
      basis: 'STATED',
      reasoning: null,
      sources: [{ quote: BASIS_QUOTES.amtA, basis: 'STATED', reasoning: null }],
      city: { basis: 'STATED', reasoning: null, node: { key: 'bx-nordstadt' } },
    });
    expect(byKey['bx-amt-c']).toMatchObject({
      basis: 'INFERRED',
      reasoning: REASONING.amtC,
      sources: [{ quote: BASIS_QUOTES.amtC, basis: 'INFERRED', reasoning: REASONING.amtC }],
    });
    expect(byKey['bx-amt-b'].city).toEqual({
      basis: 'INFERRED',
      reasoning: REASONING.amtB,
      details: { basis: 'INFERRED', reasoning: REASONING.amtB },
      sources: [{ basis: 'INFERRED', reasoning: REASONING.amtB }],
      node: { key: 'bx-suedstadt' },
    });
    expect(byKey['bx-amt-a'].themes).toEqual([
      {
        basis: 'STATED',
        reasoning: null,
        node: { key: 'bx-elderly-care', basis: 'EDITORIAL', sources: [{ basis: 'EDITORIAL' }] },
      },
      {
        basis: 'INFERRED',
        reasoning: REASONING.family,
        node: { key: 'bx-family', basis: 'EDITORIAL', sources: [{ basis: 'EDITORIAL' }] },
      },
    ]);
  });
});

describe('basis: STATED', () => {
  it('leaves INFERRED nodes out of a root list, and ALL (the default) keeps them', async () => {
    const query = `query($basis: BasisFilter) { orgUnits(where: ${BX}, basis: $basis) { totalCount nodes { key } } }`;
    const all = await ok(query);
    expect(keys(all.orgUnits.nodes)).toEqual(['bx-amt-a', 'bx-amt-b', 'bx-amt-c']);
    expect(all.orgUnits.totalCount).toBe(3);
    expect(await ok(query, { basis: 'ALL' })).toEqual(all);
    const stated = await ok(query, { basis: 'STATED' });
    expect(keys(stated.orgUnits.nodes)).toEqual(['bx-amt-a', 'bx-amt-b']);
    expect(stated.orgUnits.totalCount).toBe(2);
  });

  it('is inherited by relation fields below, which may set their own', async () => {
    const data = await ok(`{
      stated: cities(where: ${BX}, basis: STATED) { nodes { key
        orgUnits { node { key themes { node { key } } } }
        everything: orgUnits(basis: ALL) { node { key themes { node { key } } } } } }
      all: cities(where: ${BX}) { nodes { key
        orgUnits { node { key themes { node { key } } } }
        statedOnly: orgUnits(basis: STATED) { node { key } } } }
    }`);
    const units = (links: any[]) =>
      links.map(
        (l) =>
          `${l.node.key}:${l.node.themes ? keys(l.node.themes.map((t: any) => t.node)).join('+') : ''}`,
      );
    const [nordStated, suedStated] = data.stated.nodes;
    // Nordstadt: amt-c is an inferred unit, amt-a's family theme an inferred link.
    expect(units(nordStated.orgUnits)).toEqual(['bx-amt-a:bx-elderly-care']);
    // Südstadt: amt-b belongs to it only by inference.
    expect(suedStated.orgUnits).toEqual([]);
    // A field's own `basis: ALL` overrides the inherited setting, for the fields below it too.
    expect(units(nordStated.everything)).toEqual([
      'bx-amt-a:bx-elderly-care+bx-family',
      'bx-amt-c:',
    ]);
    expect(units(suedStated.everything)).toEqual(['bx-amt-b:bx-elderly-care']);
    const [nordAll, suedAll] = data.all.nodes;
    expect(units(nordAll.orgUnits)).toEqual(['bx-amt-a:bx-elderly-care+bx-family', 'bx-amt-c:']);
    expect(units(suedAll.orgUnits)).toEqual(['bx-amt-b:bx-elderly-care']);
    expect(keys(nordAll.statedOnly.map((l: any) => l.node))).toEqual(['bx-amt-a']);
    expect(suedAll.statedOnly).toEqual([]);
  });

  it('applies inside where: relation filters see only facts that are not INFERRED', async () => {
    const query = `query($basis: BasisFilter, $where: CityWhere) { cities(where: $where, basis: $basis) { nodes { key } } }`;
    const withUnits = { AND: [{ key: { startsWith: 'bx-' } }, { orgUnits: { some: {} } }] };
    expect(keys((await ok(query, { where: withUnits })).cities.nodes)).toEqual([
      'bx-nordstadt',
      'bx-suedstadt',
    ]);
    expect(keys((await ok(query, { where: withUnits, basis: 'STATED' })).cities.nodes)).toEqual([
      'bx-nordstadt',
    ]);
    // The editorial roll-up stays: amt-b's stated link to elderly care counts under ageing...
    const ageing = {
      AND: [
        { key: { startsWith: 'bx-' } },
        { orgUnits: { some: { themes: { some: { within: 'bx-ageing' } } } } },
      ],
    };
    expect(keys((await ok(query, { where: ageing })).cities.nodes)).toEqual([
      'bx-nordstadt',
      'bx-suedstadt',
    ]);
    // ...but not for Südstadt, whose unit only inferably belongs to it.
    expect(keys((await ok(query, { where: ageing, basis: 'STATED' })).cities.nodes)).toEqual([
      'bx-nordstadt',
    ]);
    // Family is addressed only by an inferred link.
    const family = {
      AND: [
        { key: { startsWith: 'bx-' } },
        { orgUnits: { some: { themes: { some: { key: { eq: 'bx-family' } } } } } },
      ],
    };
    expect(keys((await ok(query, { where: family })).cities.nodes)).toEqual(['bx-nordstadt']);
    expect((await ok(query, { where: family, basis: 'STATED' })).cities.nodes).toEqual([]);
  });

  it('changes the units per city and per theme (the taxonomy roll-up stays)', async () => {
    const query = `query($basis: BasisFilter) { stats {
      byCity: orgUnits(where: ${BX}, groupBy: [CITY], basis: $basis) { total buckets { keys { key } count memberIds } }
      byTheme: orgUnits(where: ${BX}, groupBy: [THEME], basis: $basis) { total buckets { keys { key } count
        evidence { sources { quote basis reasoning } } } }
    } }`;
    const counts = (count: any) =>
      Object.fromEntries(count.buckets.map((b: any) => [b.keys[0].key ?? 'none', b.count]));
    const all = (await ok(query)).stats;
    expect(all.byCity.total).toBe(3);
    expect(counts(all.byCity)).toEqual({ 'bx-nordstadt': 2, 'bx-suedstadt': 1 });
    expect(counts(all.byTheme)).toEqual({
      'bx-ageing': 2,
      'bx-elderly-care': 2,
      'bx-family': 1,
      none: 1,
    });
    const familyEvidence = all.byTheme.buckets.find((b: any) => b.keys[0].key === 'bx-family');
    expect(familyEvidence.evidence).toEqual([
      { sources: [{ quote: BASIS_QUOTES.amtA, basis: 'INFERRED', reasoning: REASONING.family }] },
    ]);
    const stated = (await ok(query, { basis: 'STATED' })).stats;
    expect(stated.byCity.total).toBe(2);
    // amt-b stays a unit, but with no stated city.
    expect(counts(stated.byCity)).toEqual({ 'bx-nordstadt': 1, none: 1 });
    expect(counts(stated.byTheme)).toEqual({ 'bx-ageing': 2, 'bx-elderly-care': 2 });
  });

  it('changes the city profile', async () => {
    const query = `query($basis: BasisFilter) { stats { cityProfile(id: "bx-nordstadt", basis: $basis) {
      unitCount unitsWithoutTheme unitsPerTheme { theme { key } count } } } }`;
    expect((await ok(query)).stats.cityProfile).toEqual({
      unitCount: 2,
      unitsWithoutTheme: 1,
      unitsPerTheme: [
        { theme: { key: 'bx-ageing' }, count: 1 },
        { theme: { key: 'bx-elderly-care' }, count: 1 },
        { theme: { key: 'bx-family' }, count: 1 },
      ],
    });
    expect((await ok(query, { basis: 'STATED' })).stats.cityProfile).toEqual({
      unitCount: 1,
      unitsWithoutTheme: 0,
      unitsPerTheme: [
        { theme: { key: 'bx-ageing' }, count: 1 },
        { theme: { key: 'bx-elderly-care' }, count: 1 },
      ],
    });
  });

  it('changes compareCities', async () => {
    const query = `query($basis: BasisFilter) {
      compareCities(ids: ["bx-nordstadt", "bx-suedstadt"], themes: ["bx-ageing", "bx-family"], basis: $basis) {
        basis rows { theme { key } cells { city { key } addressed units { node { key } } sources { basis } } }
      } }`;
    const matrix = (data: any) =>
      data.compareCities.rows.flatMap((r: any) =>
        r.cells.map(
          (c: any) =>
            `${r.theme.key}/${c.city.key}:${c.addressed}:${keys(c.units.map((u: any) => u.node)).join('+')}`,
        ),
      );
    const all = await ok(query);
    expect(all.compareCities.basis).toBe('ALL');
    expect(matrix(all)).toEqual([
      'bx-ageing/bx-nordstadt:true:bx-amt-a',
      'bx-ageing/bx-suedstadt:true:bx-amt-b',
      'bx-family/bx-nordstadt:true:bx-amt-a',
      'bx-family/bx-suedstadt:false:',
    ]);
    const stated = await ok(query, { basis: 'STATED' });
    expect(stated.compareCities.basis).toBe('STATED');
    expect(matrix(stated)).toEqual([
      'bx-ageing/bx-nordstadt:true:bx-amt-a',
      'bx-ageing/bx-suedstadt:false:',
      'bx-family/bx-nordstadt:false:',
      'bx-family/bx-suedstadt:false:',
    ]);
    for (const row of stated.compareCities.rows)
      for (const cell of row.cells)
        for (const source of cell.sources) expect(source.basis).not.toBe('INFERRED');
  });

  it('changes the comparison CSV (basis=STATED)', async () => {
    const get = async (query: string) =>
      parseCsvObjects(await (await fetch(`${api!.url}/export/compare.csv?${query}`)).text());
    const cities = 'cities=bx-nordstadt,bx-suedstadt&themes=bx-ageing';
    const all = await get(cities);
    expect(all.map((r) => `${r.city_key}:${r.addressed}`)).toEqual([
      'bx-nordstadt:true',
      'bx-suedstadt:true',
    ]);
    const stated = await get(`${cities}&basis=STATED`);
    expect(stated.map((r) => `${r.city_key}:${r.addressed}`)).toEqual([
      'bx-nordstadt:true',
      'bx-suedstadt:false',
    ]);
    const bad = await fetch(`${api!.url}/export/compare.csv?${cities}&basis=MAYBE`);
    expect(bad.status).toBe(400);
  });
});

describe('exports', () => {
  it('give every CSV row its basis and, for INFERRED facts, the reasoning', async () => {
    const csv = async (file: string) =>
      parseCsvObjects(await (await fetch(`${api!.url}/export/${file}`)).text()).filter(
        (r) => String(r.id).startsWith('bx-') || String(r.from ?? '').startsWith('bx-'),
      );
    const units = await csv('org-units.csv');
    expect(units.map((r) => [r.id, r.basis, r.reasoning])).toEqual([
      ['bx-amt-a', 'STATED', ''],
      ['bx-amt-b', 'STATED', ''],
      ['bx-amt-c', 'INFERRED', REASONING.amtC],
    ]);
    const belongs = await csv('belongs-to.csv');
    expect(belongs.map((r) => [r.from, r.to, r.basis, r.reasoning]).sort()).toEqual([
      ['bx-amt-a', 'bx-nordstadt', 'STATED', ''],
      ['bx-amt-b', 'bx-suedstadt', 'INFERRED', REASONING.amtB],
      ['bx-amt-c', 'bx-nordstadt', 'STATED', ''],
    ]);
    const themes = await csv('themes.csv');
    expect(themes.map((r) => r.basis)).toEqual(['EDITORIAL', 'EDITORIAL', 'EDITORIAL']);
    const broader = await csv('broader.csv');
    expect(broader.map((r) => r.basis)).toEqual(['EDITORIAL']);
  });

  it('state the basis of every node and statement in JSON-LD', async () => {
    const doc = (await (await fetch(`${api!.url}/export/graph.jsonld`)).json()) as any;
    const graph: any[] = doc['@graph'];
    const byId = (id: string) => graph.find((o) => o.id === id && o.key !== undefined);
    expect(doc['@context'].basis).toBe('kg:basis');
    expect(doc['@context'].reasoning).toBe('kg:reasoning');
    expect(byId('kgid:bx-amt-a')).toMatchObject({ basis: 'STATED' });
    expect(byId('kgid:bx-amt-a')).not.toHaveProperty('reasoning');
    expect(byId('kgid:bx-amt-c')).toMatchObject({ basis: 'INFERRED', reasoning: REASONING.amtC });
    expect(byId('kgid:bx-ageing')).toMatchObject({ basis: 'EDITORIAL' });
    const statements = graph.filter(
      (o) => o.type === 'Statement' && String(o.subject).startsWith('kgid:bx-'),
    );
    expect(statements).toHaveLength(7);
    for (const s of statements) expect(['STATED', 'INFERRED', 'EDITORIAL']).toContain(s.basis);
    const inferred = statements
      .filter((s) => s.basis === 'INFERRED')
      .map((s) => `${s.subject} ${s.predicate} ${s.object}: ${s.reasoning}`)
      .sort();
    expect(inferred).toEqual([
      `kgid:bx-amt-a addresses kgid:bx-family: ${REASONING.family}`,
      `kgid:bx-amt-b belongsTo kgid:bx-suedstadt: ${REASONING.amtB}`,
    ]);
  });
});
