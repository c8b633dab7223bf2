import {
  compileFilter,
  NO_PROJECTION,
  pageOfLabel,
  countLabel,
  type CompiledFilter,
} from '../src/modules/entity/entity.repository';
import { KEY_ORDER, type ListOrder } from '../src/modules/entity/keyset';
import { viewOf, type ViewArgs } from '../src/modules/time/as-of';
import type { NodeLabel } from '../src/model/model';
import { seededApi } from './api';

/**
 * Root lists whose `where` pins a related node by its key (or a theme by `within`) start from that
 * node (FilterCompiler.anchor). These tests compare every page, cursor and count of such lists with
 * the same filter run as a label scan, the way every list ran before, on the seeded graph.
 */
const api = seededApi();

const MISSION = {
  orgUnits: { some: { themes: { some: { within: 'ageing' } } } },
  programmes: { some: { funders: { some: { key: { eq: 'bmfsfj' } } } } },
};

/** The filter as it ran before anchors: a scan of the label with the whole predicate. */
function scanned(filter: CompiledFilter): CompiledFilter {
  return { predicate: filter.predicate, params: filter.params };
}

/** Every key of a list, walked one item a page with cursors, and the count each page gives. */
async function walk(label: NodeLabel, filter: CompiledFilter, order: ListOrder = KEY_ORDER) {
  const keys: string[] = [];
  const totals: (number | null)[] = [];
  let after: { value: string | null; key: string } | null = null;
  for (;;) {
    const page = await pageOfLabel(api().db, label, filter, order, 1, after, {
      ...NO_PROJECTION,
      count: true,
    });
    totals.push(page.total);
    const item = page.records[0];
    if (!item) break;
    keys.push(item.record.key);
    after = { value: item.sortValue, key: item.record.key };
    if (!page.hasNextPage) break;
  }
  return { keys, totals, count: await countLabel(api().db, label, filter) };
}

/** Keys straight from the database, sorted: an answer independent of the compiler. */
async function cypherKeys(statement: string, params: Record<string, unknown> = {}) {
  const result = await api().db.executeRead((tx) => tx.run(statement, params));
  return result.records.map((r) => r.get('key') as string).sort();
}

const CASES: { name: string; label: NodeLabel; where: Record<string, unknown>; view?: ViewArgs }[] =
  [
    { name: 'the mission question (two pins)', label: 'City', where: MISSION },
    {
      name: 'a funder by key, two relations away',
      label: 'City',
      where: { participations: { some: { funders: { some: { key: { eq: 'bmfsfj' } } } } } },
    },
    {
      name: 'themes by key list',
      label: 'City',
      where: { orgUnits: { some: { themes: { some: { key: { in: ['ageing', 'family'] } } } } } },
    },
    {
      name: 'a pin beside another condition on the same unit (not exact)',
      label: 'City',
      where: {
        orgUnits: { some: { kind: { eq: 'STAFF_UNIT' }, themes: { some: { within: 'ageing' } } } },
      },
    },
    {
      name: 'a pin with an edge condition (not exact)',
      label: 'City',
      where: {
        participations: {
          edge: { role: { eq: 'MODEL_MUNICIPALITY' } },
          some: { key: { eq: 'zukunftswerkstatt-kommunen' } },
        },
      },
    },
    {
      name: 'units by theme as of a day',
      label: 'OrgUnit',
      where: { themes: { some: { within: 'ageing' } } },
      view: { asOf: '2020-12-31', asOfMode: 'POSSIBLE' },
    },
    {
      name: 'the mission question, stated facts only',
      label: 'City',
      where: MISSION,
      view: { basis: 'STATED' },
    },
    {
      name: 'a key that names nothing',
      label: 'City',
      where: { orgUnits: { some: { themes: { some: { key: { eq: 'atlantis' } } } } } },
    },
  ];

describe('root lists that start from a pinned node', () => {
  it.each(CASES)(
    '$name: the same pages, cursors and counts as a label scan',
    async ({ label, where, view }) => {
      const filter = compileFilter(label, where, viewOf(view));
      expect(filter.anchor).toBeDefined();
      const anchored = await walk(label, filter);
      const before = await walk(label, scanned(filter));
      expect(anchored).toEqual(before);
      // Sorted by name too (the cursor then carries the name).
      const byName: ListOrder = { field: 'name', kind: 'string', direction: 'DESC' };
      expect(await walk(label, filter, byName)).toEqual(await walk(label, scanned(filter), byName));
    },
  );

  it('answers the mission question with the cities an independent query finds', async () => {
    const { keys, count } = await walk('City', compileFilter('City', MISSION));
    const expected = await cypherKeys(
      `MATCH (:Theme:Entity {id: 'ageing'})<-[:BROADER*0..]-(:Theme)<-[:ADDRESSES]-(:OrgUnit)-[:BELONGS_TO]->(c:City)
       WHERE EXISTS { (c)-[:PARTICIPATES_IN]->(:Programme)<-[:FUNDS]-(:Entity {id: 'bmfsfj'}) }
       RETURN DISTINCT c.id AS key`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(keys).toEqual(expected);
    expect(count).toBe(expected.length);
  });

  it('finds nothing for a key that names nothing', async () => {
    const where = { orgUnits: { some: { themes: { some: { key: { eq: 'atlantis' } } } } } };
    expect(await walk('City', compileFilter('City', where))).toEqual({
      keys: [],
      totals: [0],
      count: 0,
    });
  });

  it('starts from the first pin, and tests only what the anchor does not say', () => {
    const filter = compileFilter('City', MISSION);
    expect(filter.anchor?.match).toMatch(/^MATCH \(\w+:Theme:Entity \{id: \$\w+\}\)/);
    // The theme condition is what the anchor matches; the funder is still tested.
    expect(filter.anchor?.predicate).not.toContain('ADDRESSES');
    expect(filter.anchor?.predicate).toContain('FUNDS');
    // With a view, every condition is tested again on the candidates.
    const viewed = compileFilter('City', MISSION, viewOf({ basis: 'STATED' }));
    expect(viewed.anchor?.predicate).toContain('ADDRESSES');
  });

  it('leaves conditions that pin nothing to the label scan', () => {
    const none = { orgUnits: { none: { themes: { some: { within: 'ageing' } } } } };
    const or = { OR: [MISSION] };
    const noKey = { orgUnits: { some: { themes: { some: { labelEn: { eq: 'Ageing' } } } } } };
    const perLabel = { decidedBy: { some: { key: { eq: 'bochum' } } } };
    for (const where of [none, or, noKey])
      expect(compileFilter('City', where).anchor).toBeUndefined();
    expect(compileFilter('OrgUnit', perLabel).anchor).toBeUndefined();
  });
});
