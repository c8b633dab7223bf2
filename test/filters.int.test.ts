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

function whereType(field: string): string {
  const label = {
    cities: 'City',
    orgUnits: 'OrgUnit',
    programmes: 'Programme',
    people: 'Person',
    themes: 'Theme',
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

  it('walks every page of a date order exactly once, missing dates first', async () => {
    const seen: { key: string; decided: { earliest: string } | null }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: { data?: any; errors?: any[] } = await api().query(
        `query($after: String) { orgUnits(first: 4, after: $after, orderBy: { field: decided, direction: DESC }) {
          nodes { key decided { earliest } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      seen.push(...result.data.orgUnits.nodes);
      if (!result.data.orgUnits.pageInfo.hasNextPage) break;
      after = result.data.orgUnits.pageInfo.endCursor;
    }
    const all = await keys('orgUnits', {});
    expect(seen.map((u) => u.key).sort()).toEqual([...all].sort());
    const days = seen.map((u) => u.decided?.earliest ?? '0001-01-01');
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2020-03-01');
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
