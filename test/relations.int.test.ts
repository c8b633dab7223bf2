import { loadersOnlyApi, seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * Relation fields made from the relationship table: their arguments, the filter of the same
 * name, the per-label conditions of relations with several target labels, and the deprecated
 * filter names — each checked against independent Cypher, with and without the planner.
 */
const api = seededApi();
const loaders = loadersOnlyApi();

async function both(query: string, variables?: Record<string, unknown>): Promise<any> {
  const planned = await api().query(query, variables);
  const loaded = await loaders().query(query, variables);
  expect(planned.errors).toBeUndefined();
  expect(loaded).toEqual(planned);
  return planned.data;
}

async function cypher(statement: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const result = await api().db.executeRead((tx) => tx.run(statement, params));
  return result.records.map((r) => r.toObject());
}

const keysOf = (nodes: { key: string }[]) => nodes.map((n) => n.key).sort();

describe('relation fields from the relationship table', () => {
  it('filters a relation field with the conditions of the filter of the same name', async () => {
    const data = await both(`{ cities(first: 100) { nodes { key
      orgUnits(where: { kind: { eq: "STAFF_UNIT" } }) { node { key } } } } }`);
    const expected = await cypher(
      `MATCH (c:City:Entity) OPTIONAL MATCH (c)<-[:BELONGS_TO]-(u:OrgUnit {kind: 'STAFF_UNIT'})
       WITH c, collect(u.id) AS units RETURN c.id AS key, units ORDER BY key`,
    );
    expect(
      data.cities.nodes.map((c: any) => ({
        key: c.key,
        units: c.orgUnits.map((l: any) => l.node.key).sort(),
      })),
    ).toEqual(expected.map((e) => ({ key: e.key, units: [...e.units].sort() })));
    expect(expected.some((e) => e.units.length === 0)).toBe(true);
    expect(expected.some((e) => e.units.length > 0)).toBe(true);
  });

  it('sorts and limits a relation list, missing values last', async () => {
    const data = await both(`{ cities(where: { key: { eq: "bochum" } }) { nodes {
      orgUnits(orderBy: { field: established, direction: DESC }, first: 4) { node { key } } } } }`);
    const expected = await cypher(
      `MATCH (:City {id: 'bochum'})<-[:BELONGS_TO]-(u:OrgUnit)
       RETURN u.id AS key ORDER BY u.establishedEarliest IS NULL, u.establishedEarliest DESC, u.id
       LIMIT 4`,
    );
    expect(data.cities.nodes[0].orgUnits.map((l: any) => l.node.key)).toEqual(
      expected.map((e) => e.key),
    );
  });

  it('pages a relation connection to the end, with exact totals and cursors', async () => {
    const [{ programme, cities }] = await cypher(
      `MATCH (p:Programme)<-[:PARTICIPATES_IN]-(c:City) WITH p, collect(c.id) AS cities
       RETURN p.id AS programme, cities ORDER BY size(cities) DESC, programme LIMIT 1`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data = await both(
        `query($key: String!, $after: String) { programmes(where: { key: { eq: $key } }) { nodes {
          participantsConnection(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor }
            nodes { city { ... on City { key } } } } } } }`,
        { key: programme, after },
      );
      const connection = data.programmes.nodes[0].participantsConnection;
      expect(connection.totalCount).toBe(cities.length);
      seen.push(...connection.nodes.map((n: any) => n.city.key));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([...cities].sort());
  });

  it('refuses a cursor of another relation and a limit out of range', async () => {
    const first = await api().query(
      `{ themes(first: 1) { nodes { addressedBy(first: 1) { pageInfo { endCursor } } } } }`,
    );
    const cursor = first.data.themes.nodes[0].addressedBy.pageInfo.endCursor;
    for (const client of [api(), loaders()]) {
      const wrong = await client.query(
        `query($after: String) { programmes(first: 1) { nodes { participantsConnection(after: $after) { totalCount } } } }`,
        { after: cursor },
      );
      expect(wrong.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'after',
      });
      const big = await client.query(
        `{ cities { nodes { orgUnits(first: 101) { node { key } } } } }`,
      );
      expect(big.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'first',
      });
    }
  });

  it('filters a relation with several target labels per label', async () => {
    const data = await both(`{
      byPerson: orgUnits(first: 100, where: { decidedBy: { some: { Person: {} } } }) { nodes { key } }
      byBody: orgUnits(first: 100, where: { decidedBy: { some: { OrgUnit: { kind: { eq: "COUNCIL" } } } } }) { nodes { key } }
      any: orgUnits(first: 100, where: { decidedBy: { some: {} } }) { nodes { key } }
    }`);
    const byPerson = await cypher(
      `MATCH (u:OrgUnit) WHERE EXISTS { (u)<-[:DECIDED]-(:Person) } RETURN u.id AS key`,
    );
    const byBody = await cypher(
      `MATCH (u:OrgUnit) WHERE EXISTS { (u)<-[:DECIDED]-(:OrgUnit {kind: 'COUNCIL'}) } RETURN u.id AS key`,
    );
    const any = await cypher(
      `MATCH (u:OrgUnit) WHERE EXISTS { (u)<-[:DECIDED]-() } RETURN u.id AS key`,
    );
    expect(keysOf(data.byPerson.nodes)).toEqual(byPerson.map((r) => r.key).sort());
    expect(keysOf(data.byBody.nodes)).toEqual(byBody.map((r) => r.key).sort());
    expect(keysOf(data.any.nodes)).toEqual(any.map((r) => r.key).sort());
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byBody.length).toBeGreaterThan(0);
  });

  it('keeps the filter names of the last release, with the same answers', async () => {
    const pairs: [string, string][] = [
      [
        `cities(where: { programmes: { some: { kind: { eq: "AUDIT" } } } })`,
        `cities(where: { participations: { some: { kind: { eq: "AUDIT" } } } })`,
      ],
      [
        `people(where: { unitPosts: { some: { kind: { eq: "STAFF_UNIT" } } } })`,
        `people(where: { posts: { some: { OrgUnit: { kind: { eq: "STAFF_UNIT" } } } } })`,
      ],
      [
        `orgUnits(where: { postHolders: { some: {} } })`,
        `orgUnits(where: { posts: { some: {} } })`,
      ],
      [
        `programmes(where: { runByCities: { some: {} } })`,
        `programmes(where: { runBy: { some: { City: {} } } })`,
      ],
    ];
    for (const [old, current] of pairs) {
      const data = await both(
        `{ old: ${old} { nodes { key } } current: ${current} { nodes { key } } }`,
      );
      expect(data.old.nodes).toEqual(data.current.nodes);
      expect(data.current.nodes.length).toBeGreaterThan(0);
    }
  });

  it('marks the old filter names deprecated in the schema', async () => {
    const result = await api().query(`{ __type(name: "CityWhere") {
      inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    const fields = result.data.__type.inputFields;
    expect(fields.find((f: any) => f.name === 'programmes')).toMatchObject({
      isDeprecated: true,
      deprecationReason: expect.stringContaining('participations'),
    });
    expect(fields.find((f: any) => f.name === 'participations')).toMatchObject({
      isDeprecated: false,
    });
  });

  it('reads a city’s Land through its Kreis as the filter does', async () => {
    const data = await both(`{ cities(first: 100) { nodes { key state { node { key } } } } }`);
    const expected = await cypher(
      `MATCH (c:City:Entity) OPTIONAL MATCH (c)-[:LOCATED_IN*1..2]->(s:State)
       RETURN c.id AS key, s.id AS state ORDER BY key`,
    );
    expect(
      data.cities.nodes.map((c: any) => ({ key: c.key, state: c.state?.node.key ?? null })),
    ).toEqual(expected);
  });
});
