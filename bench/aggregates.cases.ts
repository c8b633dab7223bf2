import { toGlobalId } from '../src/common/global-id';
import { peerUnitsPerTheme, type PeerAnswer } from './peer/questions';

/**
 * The dashboard and comparison questions of the API bench (cases 6–9): three aggregates and the
 * comparison matrix, each as a GraphQL operation and as ONE hand-written Cypher query returning
 * the same rows. Both sides are put in one row order (by key), so the bench compares the data.
 */

type Row = Record<string, unknown>;

export interface Requester {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface BenchCase {
  name: string;
  graphql(): Promise<Row[]>;
  cypher: string;
  params: Record<string, unknown>;
  toRows?: (rows: Row[]) => Row[];
  /** The same question to the peer, or why it cannot ask it (absent: peer left out). */
  peer?: PeerAnswer;
}

export interface AggregateSpec {
  /** The unit kind of "units per theme". */
  unitKind: string;
  /** City keys and theme keys of the comparison matrix. */
  compareCities: string[];
  compareThemes: string[];
}

const NONE = '∅';
const byKey = (rows: Row[]) =>
  [...rows].sort((a, b) =>
    String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0,
  );

interface Bucket {
  keys: { key: string | null }[];
  count: number;
}
const bucketKey = (b: Bucket) => b.keys.map((k) => k.key ?? NONE).join('|');

const UNITS_PER_THEME = `
query UnitsPerTheme($kind: String!) {
  stats {
    orgUnits(where: { kind: { eq: $kind } }, groupBy: [THEME], membersPerBucket: 0) {
      buckets { keys { key } count }
    }
  }
}`;

const UNITS_PER_THEME_CYPHER = `
MATCH (u:OrgUnit) WHERE u.kind = $kind
OPTIONAL MATCH (u)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
WITH t, count(DISTINCT u) AS count
RETURN coalesce(t.id, '${NONE}') AS key, count`;

const UNITS_PER_STATE_AND_KIND = `
query UnitsPerStateAndKind {
  stats {
    orgUnits(groupBy: [STATE, ORG_UNIT_KIND], membersPerBucket: 0) {
      buckets { keys { key } count }
    }
  }
}`;

const UNITS_PER_STATE_AND_KIND_CYPHER = `
MATCH (u:OrgUnit)
OPTIONAL MATCH (u)-[:BELONGS_TO]->(:City)-[:LOCATED_IN*1..2]->(s:State)
WITH s, u.kind AS kind, count(DISTINCT u) AS count
RETURN coalesce(s.id, '${NONE}') + '|' + coalesce(kind, '${NONE}') AS key, count`;

const FUNDING = `
query FundingPerFunderAndYear {
  stats {
    funding(groupBy: [FUNDER, YEAR], membersPerBucket: 0) {
      buckets { keys { key } kind currency per upTo count sum min max }
    }
  }
}`;

const FUNDING_CYPHER = `
CALL () {
  MATCH (:City)-[s:PARTICIPATES_IN]->(p:Programme) WHERE s.fundingAmount IS NOT NULL
  OPTIONAL MATCH (p)<-[:FUNDS]-(o:Organisation)
  RETURN s, p, o
  UNION
  MATCH (o:Organisation)-[s:FUNDS]->(p:Programme) WHERE s.fundingAmount IS NOT NULL
  RETURN s, p, o
}
WITH s, o, CASE WHEN s.periodEarliest IS NULL THEN p.periodEarliest ELSE s.periodEarliest END AS earliest
WITH o.id AS funder, CASE WHEN earliest IS NULL THEN null ELSE toString(earliest.year) END AS year,
  type(s) AS kind, s.fundingCurrency AS currency, s.fundingPer AS per, coalesce(s.fundingUpTo, false) AS upTo,
  count(s) AS count, sum(s.fundingAmount) AS sum, min(s.fundingAmount) AS min, max(s.fundingAmount) AS max
RETURN coalesce(funder, '${NONE}') + '|' + coalesce(year, '${NONE}') + '|' + kind + '|' +
  coalesce(currency, '') + '|' + coalesce(per, '') + '|' + toString(upTo) AS key, count, sum, min, max`;

const KIND_TYPES: Record<string, string> = {
  PARTICIPATION: 'PARTICIPATES_IN',
  PROGRAMME_FUNDING: 'FUNDS',
};

const MATRIX = `
query Matrix($ids: [ID!]!, $themes: [ID!]) {
  compareCities(ids: $ids, themes: $themes) {
    rows {
      theme { key }
      cells {
        city { key }
        units { node { key } }
        programmes { node { key } }
        posts { node { key } unit { key } }
        events { node { key } }
        sources { quote document { title } }
      }
    }
  }
}`;

/** Every way a city reaches a unit, programme, post or event, each with the theme holder `h`. */
const MATRIX_CYPHER = `
UNWIND range(0, size($themes) - 1) AS ti
MATCH (row:Theme:Entity {id: $themes[ti]})
UNWIND range(0, size($cities) - 1) AS ci
MATCH (c:City:Entity {id: $cities[ci]})
WITH ti, ci, row, c, COLLECT {
  MATCH ep = (c)<-[:BELONGS_TO]-(x:OrgUnit) RETURN {kind: 'unit', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)-[:PARTICIPATES_IN|RUNS]->(x:Programme) RETURN {kind: 'programme', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)<-[:BELONGS_TO]-(:OrgUnit)-[:COORDINATES|IMPLEMENTS|DECIDED|RUNS]->(x:Programme) RETURN {kind: 'programme', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)<-[:LOCATED_IN*1..2]-(:Venue)<-[:HELD_AT]-(x:Event) RETURN {kind: 'event', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)-[:RUNS]->(:Programme)<-[:PART_OF|CONTRIBUTES_TO]-(x:Event) RETURN {kind: 'event', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)<-[:BELONGS_TO]-(:OrgUnit)-[:COORDINATES|IMPLEMENTS|DECIDED|RUNS]->(:Programme)<-[:PART_OF|CONTRIBUTES_TO]-(x:Event) RETURN {kind: 'event', key: x.id, ep: ep, h: x} AS e
  UNION MATCH ep = (c)<-[:BELONGS_TO]-(u:OrgUnit)<-[:HOLDS_POST]-(x:Person) RETURN {kind: 'post', key: x.id + '@' + u.id, ep: ep, h: u} AS e
} AS reached
WITH ti, ci, row, c, COLLECT {
  UNWIND reached AS e
  WITH e, e.h AS h
  MATCH (h)-[a:ADDRESSES]->(:Theme)-[:BROADER*0..]->(row)
  RETURN {kind: e.kind, key: e.key, rels: relationships(e.ep) + [a]} AS f
} AS found
WITH ti, ci, row, c, found, COLLECT {
  UNWIND found AS f
  UNWIND f.rels AS r
  UNWIND range(0, size(r.sourceIds) - 1) AS i
  MATCH (d:Entity {id: r.sourceIds[i]})
  RETURN DISTINCT {quote: r.quotes[i], document: {title: d.title}} AS source
} AS sources
ORDER BY ti, ci
RETURN row.id + '|' + c.id AS key,
  COLLECT { UNWIND found AS e WITH e WHERE e.kind = 'unit' RETURN DISTINCT e.key } AS units,
  COLLECT { UNWIND found AS e WITH e WHERE e.kind = 'programme' RETURN DISTINCT e.key } AS programmes,
  COLLECT { UNWIND found AS e WITH e WHERE e.kind = 'post' RETURN DISTINCT e.key } AS posts,
  COLLECT { UNWIND found AS e WITH e WHERE e.kind = 'event' RETURN DISTINCT e.key } AS events,
  sources`;

type Stats<T> = { stats: T };

/**
 * `peer`: the @neo4j/graphql peer, which can ask question 6 (with @cypher fields) and, per
 * `cannot`, not the others.
 */
export function aggregateCases(
  client: Requester,
  spec: AggregateSpec,
  peer: Requester | undefined,
  cannot: { stats: string; compare: string },
): BenchCase[] {
  const keysOf = (items: { node: { key: string } }[]) => items.map((i) => i.node.key);
  return [
    {
      name: `6. stats: ${spec.unitKind} units per theme (roll-up)`,
      graphql: async () => {
        const data = await client.request<Stats<{ orgUnits: { buckets: Bucket[] } }>>(
          UNITS_PER_THEME,
          { kind: spec.unitKind },
        );
        return byKey(
          data.stats.orgUnits.buckets.map((b) => ({ key: bucketKey(b), count: b.count })),
        );
      },
      cypher: UNITS_PER_THEME_CYPHER,
      params: { kind: spec.unitKind },
      toRows: byKey,
      peer: peer && peerUnitsPerTheme(peer, spec.unitKind, NONE),
    },
    {
      name: '7. stats: units per state × kind (two dimensions)',
      graphql: async () => {
        const data =
          await client.request<Stats<{ orgUnits: { buckets: Bucket[] } }>>(
            UNITS_PER_STATE_AND_KIND,
          );
        return byKey(
          data.stats.orgUnits.buckets.map((b) => ({ key: bucketKey(b), count: b.count })),
        );
      },
      cypher: UNITS_PER_STATE_AND_KIND_CYPHER,
      params: {},
      toRows: byKey,
      peer: peer && { cannot: cannot.stats },
    },
    {
      name: '8. stats: funding per funder × year (sum, min, max per basis)',
      graphql: async () => {
        type FundingBucket = Bucket & {
          kind: string;
          currency: string | null;
          per: string | null;
          upTo: boolean;
          sum: number;
          min: number;
          max: number;
        };
        const data =
          await client.request<Stats<{ funding: { buckets: FundingBucket[] } }>>(FUNDING);
        return byKey(
          data.stats.funding.buckets.map((b) => ({
            key: `${bucketKey(b)}|${KIND_TYPES[b.kind]}|${b.currency ?? ''}|${b.per ?? ''}|${b.upTo}`,
            count: b.count,
            sum: b.sum,
            min: b.min,
            max: b.max,
          })),
        );
      },
      cypher: FUNDING_CYPHER,
      params: {},
      toRows: byKey,
      peer: peer && { cannot: cannot.stats },
    },
    {
      name: `9. compareCities: ${spec.compareCities.length} cities × ${spec.compareThemes.length} themes, with quotes`,
      graphql: async () => {
        type Cell = {
          city: { key: string };
          units: { node: { key: string } }[];
          programmes: { node: { key: string } }[];
          posts: { node: { key: string }; unit: { key: string } }[];
          events: { node: { key: string } }[];
          sources: Row[];
        };
        const data = await client.request<{
          compareCities: { rows: { theme: { key: string }; cells: Cell[] }[] };
        }>(MATRIX, {
          ids: spec.compareCities.map((k) => toGlobalId('City', k)),
          themes: spec.compareThemes,
        });
        return data.compareCities.rows.flatMap((row) =>
          row.cells.map((cell) => ({
            key: `${row.theme.key}|${cell.city.key}`,
            units: keysOf(cell.units),
            programmes: keysOf(cell.programmes),
            posts: cell.posts.map((p) => `${p.node.key}@${p.unit.key}`),
            events: keysOf(cell.events),
            sources: cell.sources,
          })),
        );
      },
      cypher: MATRIX_CYPHER,
      params: { cities: spec.compareCities, themes: spec.compareThemes },
      peer: peer && { cannot: cannot.compare },
    },
  ];
}
