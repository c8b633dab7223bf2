/**
 * The bench's questions asked of the peer (@neo4j/graphql over type-defs.ts): each as ONE
 * GraphQL operation (the page walks: one per page, like ours), answered as the same rows as the
 * API and the hand-written Cypher floor, so the bench can check all three agree before timing.
 * Only renaming and reshaping happens on the client (edges → the API's link objects, the funding
 * fields of an edge → the API's `funding` object); no data is added, dropped or computed there,
 * except where a note says so.
 */

type Row = Record<string, unknown>;

export interface Requester {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** One question asked of the peer. */
export interface PeerSide {
  run(): Promise<Row[]>;
  /** The checked run before timing, when it differs from `run` (the walk tries its cursor). */
  check?(): Promise<Row[]>;
  /** How the peer asks, where that differs from ours; its limit, once known. */
  note?(): string | undefined;
}

/** A question the peer cannot ask, and why. */
export interface PeerCannot {
  cannot: string;
}

export type PeerAnswer = PeerSide | PeerCannot;

export const isPeerSide = (p: PeerAnswer | undefined): p is PeerSide =>
  p !== undefined && 'run' in p;

const SOURCES = 'sources { quote document { title } }';

interface Citation {
  quote: string;
  document: { title: string };
}
interface Edge<P, N> {
  properties: P;
  node: N;
}

export function peerCalibration(peer: Requester): PeerSide {
  return { run: async () => [await peer.request<Row>('{ __typename }')] };
}

const MISSION = `
query Mission($where: CityWhere!) {
  cities(limit: 100, sort: [{ key: ASC }], where: $where) {
    key
    name
    orgUnits { key name }
    programmesConnection {
      edges {
        properties {
          roleTitle fundingAmount fundingCurrency fundingPer fundingUpTo fundingFrom
          ${SOURCES}
        }
        node { key shortName funders { key name } }
      }
    }
  }
}`;

interface Participation {
  roleTitle: string | null;
  fundingAmount: number | null;
  fundingCurrency: string | null;
  fundingPer: string | null;
  fundingUpTo: boolean | null;
  fundingFrom: string | null;
  sources: Citation[];
}

/** The API's `funding` object from the funding fields of an edge (null when none is stated). */
function funding(p: Participation): Row | null {
  if (p.fundingAmount === null && p.fundingFrom === null) return null;
  return {
    amount: p.fundingAmount,
    currency: p.fundingCurrency,
    per: p.fundingPer,
    upTo: p.fundingUpTo ?? false,
  };
}

export function peerMission(
  peer: Requester,
  theme: string,
  funder: { field: 'shortName' | 'key'; value: string },
): PeerSide {
  const where = {
    orgUnits: { some: { themes: { some: { within: { includes: theme } } } } },
    programmes: { some: { funders: { some: { [funder.field]: { eq: funder.value } } } } },
  };
  type City = {
    key: string;
    name: string;
    orgUnits: { key: string; name: string }[];
    programmesConnection: {
      edges: Edge<
        Participation,
        { key: string; shortName: string | null; funders: { key: string; name: string }[] }
      >[];
    };
  };
  return {
    run: async () => {
      const data = await peer.request<{ cities: City[] }>(MISSION, { where });
      return data.cities.map((c) => ({
        key: c.key,
        name: c.name,
        orgUnits: c.orgUnits.map((node) => ({ node })),
        participations: c.programmesConnection.edges.map((e) => ({
          roleTitle: e.properties.roleTitle,
          funding: funding(e.properties),
          programme: {
            key: e.node.key,
            shortName: e.node.shortName,
            funders: e.node.funders.map((f) => ({ funder: f })),
          },
          sources: e.properties.sources,
        })),
      }));
    },
    note: () =>
      '`within` is the @cypher list field `Theme.within` (the theme and its broader themes), ' +
      'filtered with `includes`',
  };
}

const PROFILE = `
query CityProfile($key: ID!) {
  cities(where: { key: { eq: $key } }) {
    key name ags kind
    ${SOURCES}
    orgUnitsConnection {
      edges {
        properties { ${SOURCES} }
        node {
          key name kind
          ${SOURCES}
          postsConnection {
            edges {
              properties { roleTitle role ${SOURCES} }
              node { key name ${SOURCES} }
            }
          }
        }
      }
    }
  }
}`;

export function peerProfile(peer: Requester, key: string): PeerSide {
  type Person = { key: string; name: string; sources: Citation[] };
  type Unit = {
    key: string;
    name: string;
    kind: string;
    sources: Citation[];
    postsConnection: {
      edges: Edge<{ roleTitle: string; role: string; sources: Citation[] }, Person>[];
    };
  };
  type City = Row & {
    orgUnitsConnection: { edges: Edge<{ sources: Citation[] }, Unit>[] };
  };
  return {
    run: async () => {
      const data = await peer.request<{ cities: City[] }>(PROFILE, { key });
      return data.cities.map(({ orgUnitsConnection, ...city }) => ({
        ...city,
        orgUnits: orgUnitsConnection.edges.map(({ properties, node }) => {
          const { postsConnection, ...unit } = node;
          return {
            node: {
              ...unit,
              posts: postsConnection.edges.map((p) => ({
                roleTitle: p.properties.roleTitle,
                role: p.properties.role,
                person: p.node,
                sources: p.properties.sources,
              })),
            },
            sources: properties.sources,
          };
        }),
      }));
    },
  };
}

const NESTED_FILTER = `
query UnitsOfStateProgrammeCities($level: String!) {
  orgUnits(
    limit: 100
    sort: [{ key: ASC }]
    where: { city: { programmes: { some: { level: { eq: $level } } } } }
  ) {
    key name kind city { key name }
  }
}`;

export function peerNestedFilter(peer: Requester, level: string): PeerSide {
  type Unit = { key: string; name: string; kind: string; city: Row | null };
  return {
    run: async () => {
      const data = await peer.request<{ orgUnits: Unit[] }>(NESTED_FILTER, { level });
      return data.orgUnits.map((u) => ({ ...u, city: u.city ? { node: u.city } : null }));
    },
  };
}

const CURSOR_WALK = `
query AllUnits($after: String) {
  orgUnitsConnection(first: 100, after: $after, sort: [{ key: ASC }]) {
    pageInfo { hasNextPage endCursor }
    edges { node { key name kind } }
  }
}`;

const OFFSET_WALK = `
query AllUnits($offset: Int!) {
  orgUnits(limit: 100, offset: $offset, sort: [{ key: ASC }]) { key name kind }
}`;

/**
 * Every unit, 100 a page. The peer's own paging is its cursor connection; where that fails (the
 * statement behind each page collects every node of the label before it pages, so large graphs
 * run into the transaction-memory cap), the failure is recorded as the peer's limit and the walk
 * is timed with offset pages (`limit`/`offset`) instead.
 */
export function peerWalk(peer: Requester): PeerSide {
  let mode: 'cursor' | 'offset' = 'cursor';
  let limit: string | undefined;
  let cursorPages = 0;
  const cursorWalk = async (): Promise<Row[]> => {
    const rows: Row[] = [];
    let after: string | null = null;
    for (let page = 1; ; page += 1) {
      type Page = {
        orgUnitsConnection: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: Row }[];
        };
      };
      let data: Page;
      try {
        data = await peer.request<Page>(CURSOR_WALK, { after });
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { page });
      }
      rows.push(...data.orgUnitsConnection.edges.map((e) => e.node));
      cursorPages = page;
      if (!data.orgUnitsConnection.pageInfo.hasNextPage) return rows;
      after = data.orgUnitsConnection.pageInfo.endCursor;
    }
  };
  const offsetWalk = async (): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let offset = 0; ; offset += 100) {
      const data = await peer.request<{ orgUnits: Row[] }>(OFFSET_WALK, { offset });
      rows.push(...data.orgUnits);
      if (data.orgUnits.length < 100) return rows;
    }
  };
  return {
    run: () => (mode === 'cursor' ? cursorWalk() : offsetWalk()),
    async check() {
      try {
        return await cursorWalk();
      } catch (error) {
        const page = (error as { page?: number }).page ?? '?';
        const message = (error instanceof Error ? error.message : String(error))
          .replace(/\s+/g, ' ')
          .slice(0, 300);
        limit = `its cursor connection fails at page ${page}: ${message}`;
        mode = 'offset';
        return offsetWalk();
      }
    },
    note: () =>
      limit
        ? `${limit}; timed with offset pages (\`orgUnits(limit: 100, offset: …)\`) instead`
        : `cursor pages (\`orgUnitsConnection(first: 100, after: …)\`), ${cursorPages} page(s)`,
  };
}

const NODE = `
query Lookup($id: ID!) {
  node(id: $id) {
    id
    ... on City { key name ags kind ${SOURCES} }
  }
}`;

/** The peer's global id of a node (`@relayId` on `key`): base64 of `<Type>:key:<key>`. */
export const peerGlobalId = (type: string, key: string) =>
  Buffer.from(`${type}:key:${key}`, 'utf8').toString('base64');

export function peerNode(peer: Requester, key: string, ourId: string): PeerSide {
  const id = peerGlobalId('City', key);
  return {
    run: async () => {
      const data = await peer.request<{ node: Row | null }>(NODE, { id });
      // The two APIs encode global ids differently; a correct answer carries the peer's own.
      return data.node ? [{ ...data.node, id: data.node.id === id ? ourId : data.node.id }] : [];
    },
    note: () => `its own global id (${id}) in, the API's id compared out`,
  };
}

const SEARCH = `
query Search($phrase: String!) {
  searchEntities(phrase: $phrase, first: 10) { edges { score node { key } } }
}`;

export function peerSearch(peer: Requester, lucene: string): PeerSide {
  type Hits = { searchEntities: { edges: { score: number; node: { key: string } }[] } };
  return {
    run: async () => {
      const data = await peer.request<Hits>(SEARCH, { phrase: lucene });
      return data.searchEntities.edges.map((e) => ({ key: e.node.key, score: e.score }));
    },
    note: () =>
      '@fulltext query on the same index, given the Lucene query the API builds from the text',
  };
}

const AS_OF = `
query UnitsAsOf($day: Date!) {
  orgUnits(
    limit: 100
    sort: [{ key: ASC }]
    where: {
      AND: [
        { OR: [{ validPossibleFrom: { eq: null } }, { validPossibleFrom: { lte: $day } }] }
        { OR: [{ validPossibleTo: { eq: null } }, { validPossibleTo: { gte: $day } }] }
      ]
    }
  ) { key name kind }
}`;

export function peerAsOf(peer: Requester, day: string): PeerSide {
  return {
    run: async () => (await peer.request<{ orgUnits: Row[] }>(AS_OF, { day })).orgUnits,
    note: () => 'a filter on the stored bounds `validPossibleFrom`/`validPossibleTo`',
  };
}

const UNITS_PER_THEME = `
query UnitsPerTheme($kind: String!) {
  themes { key units: unitCount(kind: $kind) }
  orgUnitsConnection(where: { kind: { eq: $kind }, themesAggregate: { count: { eq: 0 } } }) {
    aggregate { count { nodes } }
  }
}`;

/** Key of the bucket of units with no theme, as aggregates.cases.ts writes it. */
export function peerUnitsPerTheme(peer: Requester, kind: string, none: string): PeerSide {
  type Data = {
    themes: { key: string; units: number }[];
    orgUnitsConnection: { aggregate: { count: { nodes: number } } };
  };
  return {
    run: async () => {
      const data = await peer.request<Data>(UNITS_PER_THEME, { kind });
      const rows: Row[] = data.themes
        .filter((t) => t.units > 0)
        .map((t) => ({ key: t.key, count: t.units }));
      const without = data.orgUnitsConnection.aggregate.count.nodes;
      if (without > 0) rows.push({ key: none, count: without });
      return rows.sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
    },
    note: () =>
      'every theme with the @cypher field `unitCount(kind:)` (one path query per theme; themes ' +
      'with 0 units dropped on the client) and the units without a theme counted in the same request',
  };
}
