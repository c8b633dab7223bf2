import { fromGlobalId } from '../src/common/global-id';
import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

const api = seededApi();

async function keys(field: string, where: unknown): Promise<string[]> {
  const result = await api().query(
    `query($where: ${whereType(field)}) { ${field}(where: $where, first: 100) { totalCount nodes { key } } }`,
    {
      where,
    },
  );
  expect(result.errors).toBeUndefined();
  const found = result.data[field].nodes.map((n: { key: string }) => n.key);
  expect(result.data[field].totalCount).toBe(found.length);
  return found;
}

/** An independent answer, straight from the database: the keys a Cypher query returns, sorted. */
async function cypherKeys(
  statement: string,
  params: Record<string, unknown> = {},
): Promise<string[]> {
  const result = await api().db.executeRead((tx) => tx.run(statement, params));
  return result.records.map((r) => r.get('key') as string).sort();
}

function whereType(field: string): string {
  const label = {
    cities: 'City',
    orgUnits: 'OrgUnit',
    programmes: 'Programme',
    people: 'Person',
    themes: 'Theme',
    states: 'State',
  }[field];
  return `${label}Where`;
}

describe('where filters', () => {
  it('answer the mission question: cities running ageing units that take part in a BMFSFJ-funded programme', async () => {
    const result = await api().query(`{
      cities(where: {
        orgUnits: { some: { themes: { some: { within: "ageing" } } } }
        programmes: { some: { funders: { some: { shortName: { eq: "BMFSFJ" } } } } }
      }) {
        nodes {
          name
          orgUnits { node { name themes { node { key } } } }
          participations {
            role
            funding { amount currency per upTo }
            sources { quote document { title } }
            programme { ... on Programme { shortName funders { funder { ... on Organisation { name } } sources { quote } } } }
          }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.cities.nodes.map((c: { name: string }) => c.name)).toEqual(['Bremerhaven']);
    const city = result.data.cities.nodes[0];
    const seniorUnit = city.orgUnits.find(
      (u: { node: { name: string } }) => u.node.name === 'Stabsstelle Seniorinnen und Senioren',
    );
    expect(seniorUnit.node.themes.map((t: { node: { key: string } }) => t.node.key)).toContain(
      'ageing',
    );
    const zwk = city.participations.find(
      (p: { programme: { shortName: string } }) => p.programme.shortName === 'ZWK',
    );
    expect(zwk.funding).toEqual({ amount: 40000, currency: 'EUR', per: 'P1Y', upTo: true });
    expect(zwk.sources[0].quote).toBeTruthy();
    expect(zwk.programme.funders[0].funder.name).toBe(
      'Bundesministerium für Familie, Senioren, Frauen und Jugend',
    );
  });

  it('finds ageing units through the taxonomy (narrower themes count) and excludes with none', async () => {
    const ageing = await keys('orgUnits', { themes: { some: { within: 'ageing' } } });
    expect(ageing).toEqual(
      expect.arrayContaining([
        'bochum-stabsstelle-leben-im-alter',
        'castrop-rauxel-altenhilfekoordination',
        'castrop-rauxel-bip',
      ]),
    );
    const direct = await keys('orgUnits', { themes: { some: { key: { eq: 'ageing' } } } });
    expect(ageing.length).toBeGreaterThanOrEqual(direct.length);
    const notAgeing = await keys('orgUnits', { themes: { none: { within: 'ageing' } } });
    expect(notAgeing.filter((k) => ageing.includes(k))).toEqual([]);
    expect(notAgeing.length + ageing.length).toBe((await keys('orgUnits', {})).length);
  });

  it('supports scalar operators, lists, AND/OR/NOT and nesting across several relations', async () => {
    expect(await keys('cities', { altNames: { eq: 'Seestadt' } })).toEqual(['bremerhaven']);
    expect(await keys('cities', { ags: { startsWith: '05' } })).toEqual([
      'bochum',
      'castrop-rauxel',
    ]);
    expect(await keys('cities', { name: { in: ['Herten', 'Bochum'] } })).toEqual([
      'bochum',
      'herten',
    ]);
    expect(
      await keys('cities', { OR: [{ name: { contains: 'haven' } }, { key: { eq: 'herten' } }] }),
    ).toEqual(['bremerhaven', 'herten']);
    expect(
      await keys('cities', { NOT: { county: { some: {} } }, ags: { startsWith: '0' } }),
    ).toEqual(['bochum', 'bremerhaven']);
    // Cities in a Kreis of Nordrhein-Westfalen: city → county → state.
    expect(
      await keys('cities', {
        county: { some: { state: { some: { name: { eq: 'Nordrhein-Westfalen' } } } } },
      }),
    ).toEqual(['castrop-rauxel']);
    // People heading a unit of a city that takes part in a state programme.
    expect(
      await keys('people', {
        unitPosts: {
          some: { city: { some: { programmes: { some: { level: { eq: 'STATE' } } } } } },
        },
      }),
    ).toEqual(expect.arrayContaining(['britta-anger', 'janina-kandt']));
    // all: programmes whose every participant lies in NRW (vacuously true without participants).
    const allNrw = await keys('programmes', {
      participants: { some: {}, all: { ags: { startsWith: '05' } } },
    });
    expect(allNrw).toEqual(expect.arrayContaining(['zusammen-im-quartier', 'charta-der-vielfalt']));
    expect(allNrw).not.toContain('zukunftswerkstatt-kommunen');
  });

  it('filters EDTF dates on their day bounds', async () => {
    expect(await keys('orgUnits', { decided: { before: '2020-01-01' } })).toEqual([
      'castrop-rauxel-stabsstelle-bildung-vielfalt-teilhabe',
    ]);
    expect(await keys('orgUnits', { decided: { between: ['2020-01-01', '2020-12-31'] } })).toEqual([
      'bochum-stabsstelle-leben-im-alter',
    ]);
    // Spring 2020 (2020-03-01 … 2020-05-31) is not entirely after April 2020.
    expect(await keys('orgUnits', { decided: { after: '2020-04-01' } })).toEqual([]);
  });

  it('rejects bad filter input with BAD_USER_INPUT', async () => {
    const badDate = await api().query(
      `{ orgUnits(where: { decided: { before: "Mai 2019" } }) { nodes { key } } }`,
    );
    expect(badDate.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0].message).toMatch(/expected a day as YYYY-MM-DD/);
    const unknownField = await api().query(
      `{ cities(where: { population: { eq: 1 } }) { nodes { key } } }`,
    );
    expect(unknownField.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('conditions on missing values', () => {
  it('NOT matches the items a condition is false for, missing values included', async () => {
    const notActive = await keys('orgUnits', { NOT: { status: { eq: 'ACTIVE' } } });
    expect(notActive).toEqual(
      await cypherKeys(
        `MATCH (u:OrgUnit) WHERE u.status IS NULL OR u.status <> 'ACTIVE' RETURN u.id AS key`,
      ),
    );
    // Units without a status are among them (the seeds leave many unstated).
    expect(notActive).toContain('bochum-rat');
    const active = await keys('orgUnits', { status: { eq: 'ACTIVE' } });
    expect([...active, ...notActive].sort()).toEqual(await keys('orgUnits', {}));
  });

  it('NOT on a date, a text operator and a list field includes items without the value', async () => {
    expect(await keys('orgUnits', { NOT: { decided: { before: '2020-01-01' } } })).toEqual(
      await cypherKeys(
        `MATCH (u:OrgUnit) WHERE u.decidedLatest IS NULL OR NOT u.decidedLatest < date('2020-01-01')
         RETURN u.id AS key`,
      ),
    );
    expect(await keys('cities', { NOT: { ags: { startsWith: '05' } } })).toEqual([
      'bremerhaven',
      'herten',
    ]);
    expect(await keys('cities', { NOT: { altNames: { eq: 'Seestadt' } } })).toEqual([
      'bochum',
      'castrop-rauxel',
      'herten',
    ]);
  });

  it('all: no related item fails the condition, and an item without the value fails it', async () => {
    // Every city with units has a unit without status; Herten has no units (vacuously all).
    expect(await keys('cities', { orgUnits: { all: { status: { eq: 'ACTIVE' } } } })).toEqual(
      await cypherKeys(
        `MATCH (c:City) WHERE NOT EXISTS {
           MATCH (c)<-[:BELONGS_TO]-(u:OrgUnit) WHERE u.status IS NULL OR u.status <> 'ACTIVE'
         } RETURN c.id AS key`,
      ),
    );
    expect(await keys('cities', { orgUnits: { all: { status: { eq: 'ACTIVE' } } } })).toEqual([
      'herten',
    ]);
    // all and NOT some NOT say the same.
    expect(
      await keys('cities', { NOT: { orgUnits: { some: { NOT: { status: { eq: 'ACTIVE' } } } } } }),
    ).toEqual(['herten']);
    // An edge condition on a property a relationship lacks: it does not count for some.
    expect(
      await keys('cities', { NOT: { programmes: { edge: { fundingAmount: { gte: 0 } } } } }),
    ).toEqual(
      await cypherKeys(
        `MATCH (c:City) WHERE NOT EXISTS {
           MATCH (c)-[r:PARTICIPATES_IN]->(:Programme) WHERE r.fundingAmount >= 0
         } RETURN c.id AS key`,
      ),
    );
  });
});

describe("a city's Land", () => {
  it('follows the Kreis in the filter, as in City.state and the STATE dimension', async () => {
    expect(
      await keys('cities', { state: { some: { key: { eq: 'nordrhein-westfalen' } } } }),
    ).toEqual(['bochum', 'castrop-rauxel']);
    expect(await keys('cities', { state: { none: {} } })).toEqual(['herten']);
    const data = (
      await api().query(`{
        cities(first: 100) { nodes { key state { node { key } } } }
        stats { cities(groupBy: [STATE]) { buckets { keys { key } memberIds } } }
      }`)
    ).data;
    const output = new Map<string, string | null>(
      data.cities.nodes.map((c: any) => [c.key, c.state?.node.key ?? null]),
    );
    expect(Object.fromEntries(output)).toEqual({
      bochum: 'nordrhein-westfalen',
      bremerhaven: 'freie-hansestadt-bremen',
      'castrop-rauxel': 'nordrhein-westfalen',
      herten: null,
    });
    for (const state of ['nordrhein-westfalen', 'freie-hansestadt-bremen']) {
      const byOutput = [...output].filter(([, s]) => s === state).map(([c]) => c);
      const byFilter = await keys('cities', { state: { some: { key: { eq: state } } } });
      const bucket = data.stats.cities.buckets.find((b: any) => b.keys[0]?.key === state);
      const byStats = bucket.memberIds.map((id: string) => fromGlobalId(id).key).sort();
      expect({ state, byFilter, byStats }).toEqual({
        state,
        byFilter: byOutput,
        byStats: byOutput,
      });
    }
    // From the other side: states with a city in a Kreis reach it through the county.
    expect(
      await keys('cities', {
        state: { some: { counties: { some: { key: { eq: 'kreis-recklinghausen' } } } } },
      }),
    ).toEqual(['bochum', 'castrop-rauxel']);
  });
});

describe('input errors are the client’s: BAD_USER_INPUT naming the argument', () => {
  async function refusal(query: string, variables?: Record<string, unknown>) {
    const result = await api().query(query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  }

  it('refuses days that are not in the calendar in every date condition', async () => {
    for (const [where, place] of [
      [{ decided: { before: '2021-02-30' } }, 'where.decided.before'],
      [{ decided: { after: '2021-02-29' } }, 'where.decided.after'],
      [{ decided: { between: ['2020-01-01', '2020-13-01'] } }, 'where.decided.between'],
      [
        { city: { some: { programmes: { edge: { period: { after: '2019-04-31' } } } } } },
        'where.edge.period.after',
      ],
    ] as const) {
      const error = await refusal(
        `query($w: OrgUnitWhere) { orgUnits(where: $w) { nodes { key } } }`,
        {
          w: where,
        },
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where' });
      expect(error.message).toContain(place);
    }
  });

  it('accepts every calendar day from 0001-01-01, leap days included', async () => {
    for (const day of ['0001-01-01', '0099-12-31', '2000-02-29', '2024-02-29', '9999-12-31']) {
      const result = await api().query(
        `query($d: Date!, $s: String!) { orgUnits(asOf: $d, where: { decided: { before: $s } }) { totalCount } }`,
        { d: day, s: day },
      );
      expect({ day, errors: result.errors }).toEqual({ day, errors: undefined });
    }
  });

  it('refuses forged cursors: garbage, other JSON, another list, values of the wrong type', async () => {
    const b64 = (value: unknown) =>
      Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    const unitCursor = (await api().query(`{ orgUnits(first: 1) { pageInfo { endCursor } } }`)).data
      .orgUnits.pageInfo.endCursor;
    const list = (args: string) => `query($c: String) { orgUnits(${args}) { nodes { key } } }`;
    const cases: [string, string, string][] = [
      ['garbage', list('after: $c'), 'after'],
      ['%%%', list('last: 2, before: $c'), 'before'],
      [b64({ order: 'key:ASC' }), list('after: $c'), 'after'],
      [b64(['OrgUnit:key:ASC', 'x']), list('after: $c'), 'after'],
      [
        b64(['OrgUnit:decided:ASC', 5, 'x']),
        list('after: $c, orderBy: { field: decided }'),
        'after',
      ],
      // A day that is none, in the cursor format before and after the list's label joined it.
      [
        b64(['decided:ASC', 'garbage', 'x']),
        list('after: $c, orderBy: { field: decided }'),
        'after',
      ],
      [
        b64(['OrgUnit:decided:ASC', 'garbage', 'x']),
        list('after: $c, orderBy: { field: decided }'),
        'after',
      ],
      [
        b64(['OrgUnit:decided:ASC', '2021-02-30', 'x']),
        list('after: $c, orderBy: { field: decided }'),
        'after',
      ],
      // A cursor of another list.
      [unitCursor, `query($c: String) { cities(after: $c) { nodes { key } } }`, 'after'],
      [
        'garbage',
        `query($c: String) { states { nodes { cities(after: $c) { totalCount } } } }`,
        'after',
      ],
    ];
    for (const [cursor, query, argument] of cases) {
      const error = await refusal(query, { c: cursor });
      expect({ cursor, extensions: error.extensions }).toEqual({
        cursor,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
  });
});

describe('orderBy with keyset cursors', () => {
  it('sorts by a text field in either direction', async () => {
    const result = await api().query(
      `{ cities(orderBy: { field: name, direction: DESC }) { nodes { name } } }`,
    );
    expect(result.data.cities.nodes.map((c: { name: string }) => c.name)).toEqual([
      'Herten',
      'Castrop-Rauxel',
      'Bremerhaven',
      'Bochum',
    ]);
  });

  it('walks every page exactly once in both directions, missing values last either way', async () => {
    const orders: [string, string, string][] = [
      ['decided', 'ASC', 'toString(n.decidedEarliest)'],
      ['decided', 'DESC', 'toString(n.decidedEarliest)'],
      ['status', 'ASC', 'n.status'],
      ['status', 'DESC', 'n.status'],
    ];
    for (const [field, direction, value] of orders) {
      // The expected order, from the stored values: those with a value by value (ties by key),
      // then those without, by key.
      const rows = (
        await api().db.executeRead((tx) =>
          tx.run(`MATCH (n:OrgUnit) RETURN n.id AS key, ${value} AS value`),
        )
      ).records.map((r) => ({
        key: r.get('key') as string,
        value: r.get('value') as string | null,
      }));
      const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
      const present = rows.filter((r) => r.value !== null);
      present.sort((a, b) =>
        a.value === b.value
          ? byKey(a, b)
          : (a.value! < b.value! ? -1 : 1) * (direction === 'ASC' ? 1 : -1),
      );
      const missing = rows.filter((r) => r.value === null).sort(byKey);
      expect(missing.length).toBeGreaterThan(2);
      const expected = [...present, ...missing].map((r) => r.key);

      const walk = async (backward: boolean, size: number) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 40; i += 1) {
          const page: { data?: any; errors?: any[] } = await api().query(
            `query($c: String, $o: OrgUnitOrder) { orgUnits(${backward ? `last: ${size}, before: $c` : `first: ${size}, after: $c`}, orderBy: $o) {
              nodes { key } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
            { c: cursor, o: { field, direction } },
          );
          expect(page.errors).toBeUndefined();
          const { nodes, pageInfo } = page.data.orgUnits;
          const pageKeys = nodes.map((n: { key: string }) => n.key);
          if (backward) seen.unshift(...pageKeys);
          else seen.push(...pageKeys);
          if (!(backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage)) break;
          cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
        }
        return seen;
      };
      for (const [backward, size] of [
        [false, 4],
        [true, 3],
        [false, 100],
      ] as const) {
        expect({ field, direction, backward, size, keys: await walk(backward, size) }).toEqual({
          field,
          direction,
          backward,
          size,
          keys: expected,
        });
      }
    }
  });

  it('counts every match on every page, past the last one too, and 0 when nothing matches', async () => {
    const total = (
      await api().db.executeRead((tx) =>
        tx.run(`MATCH (n:OrgUnit) WHERE n.kind = 'STAFF_UNIT' RETURN count(n) AS count`),
      )
    ).records[0]!.get('count') as number;
    expect(total).toBeGreaterThan(2);
    const page = async (after: string | null, where: unknown = { kind: { eq: 'STAFF_UNIT' } }) => {
      const result = await api().query(
        `query($after: String, $where: OrgUnitWhere) { orgUnits(first: 2, after: $after, where: $where) {
          totalCount nodes { key } pageInfo { hasNextPage endCursor } } }`,
        { after, where },
      );
      expect(result.errors).toBeUndefined();
      return result.data.orgUnits;
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const current: any = await page(after);
      expect(current.totalCount).toBe(total);
      seen.push(...current.nodes.map((n: { key: string }) => n.key));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    const beyond = await page((await page(null)).pageInfo.endCursor, {
      kind: { eq: 'STAFF_UNIT' },
      key: { eq: seen[0] },
    });
    expect(beyond).toEqual({
      totalCount: 1,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(await page(null, { key: { eq: 'no-such-unit' } })).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await api().query(`{ cities(first: 1) { pageInfo { endCursor } } }`);
    const result = await api().query(
      `query($after: String) { cities(after: $after, orderBy: { field: name }) { nodes { key } } }`,
      {
        after: first.data.cities.pageInfo.endCursor,
      },
    );
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
    expect(result.errors?.[0].message).toMatch(/another sort order/);
    const garbage = await api().query(`{ cities(after: "garbage") { nodes { key } } }`);
    expect(garbage.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('pages backwards with last/before, mirroring the forward walk in any order', async () => {
    for (const orderBy of [null, { field: 'decided', direction: 'DESC' }]) {
      const walk = async (backward: boolean) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 30; i += 1) {
          const page: { data?: any; errors?: any[] } = await api().query(
            `query($cursor: String, $orderBy: OrgUnitOrder) { orgUnits(${backward ? 'last: 3, before: $cursor' : 'first: 3, after: $cursor'}, orderBy: $orderBy) {
              nodes { key } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
            { cursor, orderBy },
          );
          expect(page.errors).toBeUndefined();
          const { nodes, pageInfo } = page.data.orgUnits;
          const keysOfPage = nodes.map((n: { key: string }) => n.key);
          if (backward) seen.unshift(...keysOfPage);
          else seen.push(...keysOfPage);
          if (!(backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage)) break;
          cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
        }
        return seen;
      };
      const forward = await walk(false);
      expect(forward.length).toBe(26);
      expect(await walk(true)).toEqual(forward);
    }
  });

  it('refuses first with last, and before without last', async () => {
    const both = await api().query(`{ cities(first: 2, last: 2) { nodes { key } } }`);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'last' });
    const first = await api().query(`{ cities(first: 1) { pageInfo { endCursor } } }`);
    const stray = await api().query(`query($c: String) { cities(before: $c) { nodes { key } } }`, {
      c: first.data.cities.pageInfo.endCursor,
    });
    expect(stray.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'before',
    });
  });
});
