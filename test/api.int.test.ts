import { toGlobalId } from '../src/common/global-id';
import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

const api = seededApi();

describe('GraphQL API over HTTP', () => {
  it('serves the self-hosted IDE at / and /graphiql, opening with the research examples', async () => {
    for (const page of ['/', '/graphiql']) {
      const response = await fetch(`${api().url}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain('ZWK-funded senior units');
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('serves /health and /ready', async () => {
    expect(await (await fetch(`${api().url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api().url}/ready`);
    expect(ready.status).toBe(200);
  });

  it('lists cities with keyset paging and a totalCount on request', async () => {
    const first = await api().query(
      `{ cities(first: 2) { totalCount nodes { key name ags } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.cities.totalCount).toBe(4);
    expect(first.data.cities.nodes.map((c: { key: string }) => c.key)).toEqual([
      'bochum',
      'bremerhaven',
    ]);
    expect(first.data.cities.pageInfo.hasNextPage).toBe(true);
    const second = await api().query(
      `query($after: String) { cities(first: 2, after: $after) { nodes { key } pageInfo { hasNextPage } } }`,
      {
        after: first.data.cities.pageInfo.endCursor,
      },
    );
    expect(second.data.cities.nodes.map((c: { key: string }) => c.key)).toEqual([
      'castrop-rauxel',
      'herten',
    ]);
    expect(second.data.cities.pageInfo.hasNextPage).toBe(false);
  });

  it("answers who heads Bochum's ageing unit, since when, with the quote and its document", async () => {
    const result = await api().query(`{
      node(id: "${toGlobalId('City', 'bochum')}") {
        ... on City {
          name
          orgUnits { node { key kind posts { person { name } roleTitle role since { edtf earliest }
            sources { quote document { title publisher published { edtf } url } } } } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const unit = result.data.node.orgUnits
      .map((l: { node: unknown }) => l.node)
      .find((u: { key: string }) => u.key === 'bochum-stabsstelle-leben-im-alter');
    expect(unit.posts).toEqual([
      expect.objectContaining({
        person: { name: 'Janina Kandt' },
        role: 'HEAD',
        since: { edtf: '2020-11-01', earliest: '2020-11-01' },
      }),
    ]);
    const citation = unit.posts[0].sources.find((s: { quote: string }) =>
      s.quote.includes('1. November'),
    );
    expect(citation.document).toMatchObject({
      publisher: 'Stadt Bochum',
      published: { edtf: '2020-11-27' },
    });
  });

  it('shows funding on participations and funders on programmes, as vague as the source', async () => {
    const result = await api().query(`{
      node(id: "${toGlobalId('Programme', 'zukunftswerkstatt-kommunen')}") {
        ... on Programme {
          shortName level
          funders { funder { key } sources { quote } }
          participants { city { key } role funding { amount currency per upTo } sources { document { key } } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.node.funders.map((f: { funder: { key: string } }) => f.funder.key)).toEqual([
      'bmfsfj',
    ]);
    expect(result.data.node.participants).toEqual([
      expect.objectContaining({
        city: { key: 'bremerhaven' },
        role: 'MODEL_MUNICIPALITY',
        funding: { amount: 40000, currency: 'EUR', per: 'P1Y', upTo: true },
      }),
    ]);
  });

  it('exposes relationship properties on links: decisions, speakers, transfers', async () => {
    const result = await api().query(`{
      unit: node(id: "${toGlobalId('OrgUnit', 'castrop-rauxel-stabsstelle-bildung-vielfalt-teilhabe')}") {
        ... on OrgUnit { decidedBy { node { key } details { type decision date { edtf earliest } } sources { quote } }
                         reportsTo { node { key } details { roleTitle } } }
      }
      event: node(id: "${toGlobalId('Event', 'bochum-tagung-ran-an-die-arbeit-2023')}") {
        ... on Event { date { edtf } speakers { node { name } details { role } } venue { node { name } } }
      }
      beirat: node(id: "${toGlobalId('OrgUnit', 'bochum-seniorenbeirat')}") {
        ... on OrgUnit { parent { node { key } details { type note } } }
      }
      kandt: node(id: "${toGlobalId('Person', 'janina-kandt')}") {
        ... on Person { affiliations { node { key } details { role period { edtf latest } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.decidedBy).toEqual([
      expect.objectContaining({
        node: { key: 'rajko-kravanja' },
        details: expect.objectContaining({
          type: 'DECIDED',
          date: { edtf: '2019-05', earliest: '2019-05-01' },
        }),
      }),
    ]);
    expect(result.data.unit.reportsTo[0]).toEqual({
      node: { key: 'regina-kleff' },
      details: { roleTitle: 'Beigeordnete für Soziales' },
    });
    const roles = Object.fromEntries(
      result.data.event.speakers.map((s: { node: { name: string }; details: { role: string } }) => [
        s.node.name,
        s.details.role,
      ]),
    );
    expect(roles).toEqual({
      'Britta Anger': 'WELCOME',
      'Gerda Holz': 'KEYNOTE',
      'Torsten Withake': 'TALK',
    });
    expect(result.data.beirat.parent.node.key).toBe('bochum-stabsstelle-leben-im-alter');
    expect(result.data.beirat.parent.details.note).toMatch(/Überführung/);
    expect(result.data.kandt.affiliations).toEqual(
      expect.arrayContaining([
        // "In ihrer bisherigen Laufbahn" dates nothing: no period (issue 11).
        { node: { key: 'zefir' }, details: { role: 'RESEARCHER', period: null } },
      ]),
    );
  });

  it('returns typed errors: invalid id, unknown id, page size over the maximum', async () => {
    const invalid = await api().query(`{ node(id: "not an id") { id } }`);
    expect(invalid.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'id',
    });
    const unknown = await api().query(`{ node(id: "${toGlobalId('City', 'atlantis')}") { id } }`);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const tooMany = await api().query(`{ cities(first: 500) { nodes { key } } }`);
    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    expect(tooMany.errors?.[0].message).toMatch(/first must be between 1 and 100/);
  });

  it('resolves nodes(ids) in order with null for unknown ids', async () => {
    const ids = [
      toGlobalId('Theme', 'ageing'),
      toGlobalId('City', 'atlantis'),
      toGlobalId('City', 'herten'),
    ];
    const result = await api().query(`query($ids: [ID!]!) { nodes(ids: $ids) { key } }`, { ids });
    expect(result.data.nodes).toEqual([{ key: 'ageing' }, null, { key: 'herten' }]);
  });

  it('pages long relation fields, batched across parents', async () => {
    const walk: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: { data?: any } = await api().query(
        `query($after: String) { states(where: { key: { eq: "nordrhein-westfalen" } }) { nodes {
          cities(first: 1, after: $after) { totalCount nodes { node { key } sources { quote } } pageInfo { hasNextPage endCursor } } } } }`,
        { after },
      );
      const cities = page.data.states.nodes[0].cities;
      expect(cities.totalCount).toBe(1);
      walk.push(...cities.nodes.map((l: { node: { key: string } }) => l.node.key));
      if (!cities.pageInfo.hasNextPage) break;
      after = cities.pageInfo.endCursor;
    }
    expect(walk).toEqual(['bochum']);

    const before = api().db.transactions;
    const themes = await api().query(
      `{ themes(first: 100) { nodes { key addressedBy(first: 5) { totalCount nodes { node { key } } } } } }`,
    );
    expect(themes.errors).toBeUndefined();
    const ageing = themes.data.themes.nodes.find((t: { key: string }) => t.key === 'ageing');
    expect(ageing.addressedBy.totalCount).toBeGreaterThan(5);
    expect(ageing.addressedBy.nodes).toHaveLength(5);
    // The planner reads the theme page and the addressedBy pages of all 28 themes in one
    // statement (planner.int.test.ts checks the loaders' count without it).
    expect(api().db.transactions - before).toBe(1);
  });

  it('reads nested relations with the root list, whatever the number of rows', async () => {
    const nested = `{ cities(first: 10) { nodes { name orgUnits { node { name posts { person { name } sources { document { title } } } } } } } }`;
    const before = api().db.transactions;
    const result = await api().query(nested);
    expect(result.errors).toBeUndefined();
    const units = result.data.cities.nodes.flatMap((c: { orgUnits: unknown[] }) => c.orgUnits);
    // The units of the cities' administrations: facilities that others run (Kitas,
    // Familienzentren, …) are not among them.
    expect(units.length).toBe(19);
    // Cities page, units of all cities, posts of all units and the cited documents: one
    // statement for 4 cities and 19 units.
    expect(api().db.transactions - before).toBe(1);
  });
});
