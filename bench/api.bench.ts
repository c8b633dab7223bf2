import '../src/cli/production-env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { toGlobalId } from '../src/common/global-id';
import { toLuceneQuery } from '../src/modules/search/lucene';
import { loadConfig } from '../src/config';
import { createDatabase, type Database, type Work } from '../src/db/database';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import { aggregateCases, type AggregateSpec } from './aggregates.cases';
import { GraphqlClient } from './http-client';
import {
  isPeerSide,
  peerAsOf,
  peerCalibration,
  peerMission,
  peerNestedFilter,
  peerNode,
  peerProfile,
  peerSearch,
  peerWalk,
  type PeerAnswer,
  type PeerSide,
  type Requester,
} from './peer/questions';
import { PeerUnavailableError, startPeer } from './peer/server';
import { SERVER_NODE_FLAGS } from '../src/server/node-flags';
import { encodeParams } from './floor-endpoint';
import {
  startFloorHere,
  startOursHere,
  startServerProcess,
  type ServerProcess,
} from './server-process';
import { writeSyntheticSeeds } from './synthetic';
import { startInProcessApi } from './in-process-api';
import { targetSummary, type TargetInput } from './targets';
import { median, p50, percentile } from './sampling';

/**
 * Three columns per question, on the project seeds and on a synthetic graph: the GraphQL API over
 * real HTTP (ours), the same question to @neo4j/graphql 7 over equivalent type definitions,
 * served by Apollo's standalone server on the same database (the peer, bench/peer/), and ONE
 * hand-written Cypher query (the floor any GraphQL layer over this database can reach), run from
 * this process and, for latency only, through a plain HTTP endpoint in a process of its own
 * (floor-endpoint.ts: the floor plus the crossing every HTTP API pays; for the paged walk, page
 * by page as ours), its samples taken in turn with samples of ours and of the floor proper
 * (crossingLatency): what ours adds to the crossing, and what the crossing alone adds to the
 * floor. A last latency measure leaves HTTP out on both sides (apiCost): ours asked in this
 * process through Apollo's `executeOperation` (in-process-api.ts), the statements it sent
 * replayed alone, and the floor from this process, paged as ours where ours pages, in turn.
 * Under each graph's table, the issue's targets as this run meets them (targets.ts).
 * Before timing, the answers must be the same data. Latency: fixed warm-up, then sequential
 * iterations (bounded in time); throughput: 16 concurrent clients, three rounds of 2 s per side
 * taken in turn with the other sides, the median counted.
 * Each server runs in a process of its own (serve.ts), as deployed; this process sends, receives
 * and checks.
 * Usage: node dist/bench/api.bench.js [--cities 2000] [--no-peer] [--profile] [--api-cost]
 *                                       [--in-process] [--node-flags "<flags>"]
 *        node dist/bench/api.bench.js --graph national [--dataset bench-national] [--no-peer]
 *   --no-peer  leaves the peer out (it needs APOC: NEO4J_PLUGINS=apoc on the local database).
 *   --graph national  asks the questions of the national graph already in the database (imported
 *              by bench/national.bench.ts, which runs this), instead of importing graphs.
 *   --profile  instead of timing, prints the database round trips of each GraphQL query with the
 *              Cypher it generated, and PROFILE (db hits, rows, plan) of every statement.
 *   --api-cost  times only ours in this process without HTTP (in-process-api.ts), the statements
 *              it sent replayed alone, and the floor, in turn (apiCost): the API's own cost over
 *              its statements, in a minute (no throughput, no peer, no HTTP columns). A full run
 *              has these columns too.
 *   --in-process  runs both servers in this process, beside the clients (the bench's method
 *              before 2026-11-30), to compare with earlier tables.
 *   --node-flags  the Node flags of the three server processes, in place of those `npm start`
 *              uses (src/server/node-flags.ts); `--node-flags ""` runs them with Node's defaults.
 */

type Row = Record<string, unknown>;

interface GraphSpec extends AggregateSpec {
  title: string;
  /** Fixed warm-up iterations before the latency samples. */
  warmup: number;
  /** Sequential iterations for latency (fewer when `latencyBudgetMs` runs out first). */
  iterations: number;
  latencyBudgetMs: number;
  /** Latency samples taken even when the budget has run out (default 10). */
  minSamples?: number;
  /**
   * Throughput is measured only for questions whose p50 is below this (default: always); a
   * question that takes seconds would keep 16 clients busy for minutes.
   */
  throughputBelowMs?: number;
  /** Mission query: theme key for `within`, and the funder filter. */
  theme: string;
  funder: { field: 'shortName' | 'key'; value: string };
  /** The city of the profile query and the node of the lookup. */
  profileCity: string;
  /** A second, typical city for the profile question (the first may be the largest). */
  typicalCity?: string;
  nodeCity: string;
  /** Programme level of the nested relational filter. */
  level: string;
  /** What the search case types, and the two cities the paths case connects. */
  searchText: string;
  pathFrom: string;
  pathTo: string;
  /** Day of the as-of list (mode POSSIBLE: every unit the dates do not rule out). */
  asOfDay: string;
}

interface Case {
  name: string;
  /** The GraphQL operation, answered as plain rows (a page walk concatenates its pages). */
  graphql(): Promise<Row[]>;
  /** The hand-written Cypher and its parameters; `toRows` shapes records like the GraphQL answer. */
  cypher: string;
  params: Record<string, unknown>;
  toRows?: (rows: Row[]) => Row[];
  /**
   * For a question ours answers page by page: the floor over HTTP pages too, with this keyset
   * statement (`$after`: the last key of the page before, '' at first; `$limit`: one more than
   * a page, to know whether another follows). The floor proper still reads all at once.
   */
  floorPages?: { cypher: string; pageSize: number };
  /** The same question to the peer, or why the peer cannot ask it (absent: peer left out). */
  peer?: PeerAnswer;
}

interface Measured {
  name: string;
  gql: Stats;
  /** The peer's figures, or why it has none. */
  peer: Stats | string;
  peerNote?: string;
  cy: Stats;
  /**
   * p50 of ours and of the floor's statement asked over HTTP (floor-endpoint.ts), and of the
   * floor proper from this process, their samples taken in turn (crossingLatency).
   */
  overHttp: { ours: number; floor: number; direct: number };
  /** p50s without HTTP, in this process (apiCost). */
  inProcess: Omit<ApiCost, 'name'>;
  gqlRoundTrips: number;
  httpRequests: number;
  rows: number;
}

interface Stats {
  p50: number;
  p95: number;
  n: number;
  /**
   * Answers per second at CONCURRENCY clients (failed operations not counted): the median of
   * `rounds`, taken in turn with the other sides (throughputInTurn).
   */
  rps: number;
  rounds: number[];
  /** Operations that failed at CONCURRENCY clients, and the first failure's message. */
  failed: number;
  firstFailure?: string;
}

const CONCURRENCY = 16;
const THROUGHPUT_ROUNDS = 3;
const THROUGHPUT_ROUND_MS = 2_000;

// ---------------------------------------------------------------------------------------------
// The five browsing questions, each as a GraphQL operation and as one hand-written Cypher query
// (the dashboard and comparison questions 6–9 are in aggregates.cases.ts).

const SOURCES = 'sources { quote document { title } }';

/** Citations of a node or relationship `v` as the API shows them: quote + document title. */
function citations(v: string): string {
  const i = `i_${v}`;
  const d = `d_${v}`;
  return `COLLECT { UNWIND range(0, size(coalesce(${v}.sourceIds, [])) - 1) AS ${i}
      MATCH (${d}:Entity {id: ${v}.sourceIds[${i}]})
      WITH ${i}, ${d} ORDER BY ${i}
      RETURN {quote: coalesce(${v}.quotes[${i}], ''), document: {title: ${d}.title}} }`;
}

/**
 * The hand-written queries are what a careful author would write: the mission query starts from
 * the theme (found through the Entity(id) index) instead of scanning every city, the nested
 * filter walks the Entity(id) index in key order and stops after 100 matches, lookups by key use
 * that index.
 */

/** The API's order of related items (see relatedByKeys). */
const relatedOrder = (m: string) =>
  `coalesce(${m}.name, ${m}.title, ${m}.labelEn, ${m}.id), ${m}.id`;

const MISSION = `
query Mission($where: CityWhere!) {
  cities(first: 100, where: $where) {
    nodes {
      key
      name
      orgUnits { node { key name } }
      participations {
        roleTitle
        funding { amount currency per upTo }
        programme {
          key
          ... on Programme {
            shortName
            funders { funder { key ... on Organisation { name } } }
          }
        }
        ${SOURCES}
      }
    }
  }
}`;

function missionCypher(funderField: 'shortName' | 'key'): string {
  const funderProperty = funderField === 'key' ? 'id' : 'shortName';
  return `
MATCH (:Theme:Entity {id: $theme})<-[:BROADER*0..]-(:Theme)<-[:ADDRESSES]-(:OrgUnit)-[:BELONGS_TO]->(c:City)
WITH DISTINCT c
WHERE EXISTS { MATCH (c)-[:PARTICIPATES_IN]->(:Programme)<-[:FUNDS]-(o:Organisation) WHERE o.${funderProperty} = $funder }
WITH c ORDER BY c.id LIMIT 100
RETURN c.id AS key, c.name AS name,
  COLLECT { MATCH (c)<-[:BELONGS_TO]-(u:OrgUnit) WITH u ORDER BY ${relatedOrder('u')}
            RETURN {node: {key: u.id, name: u.name}} } AS orgUnits,
  COLLECT { MATCH (c)-[r:PARTICIPATES_IN]->(p:Programme) WITH r, p ORDER BY ${relatedOrder('p')}
            RETURN {
              roleTitle: r.roleTitle,
              funding: CASE WHEN r.fundingAmount IS NULL AND r.fundingFrom IS NULL THEN null
                       ELSE {amount: r.fundingAmount, currency: r.fundingCurrency, per: r.fundingPer,
                             upTo: coalesce(r.fundingUpTo, false)} END,
              programme: {key: p.id, shortName: p.shortName,
                          funders: COLLECT { MATCH (p)<-[:FUNDS]-(f) WITH f ORDER BY ${relatedOrder('f')}
                                             RETURN {funder: {key: f.id, name: f.name}} }},
              sources: ${citations('r')}
            } } AS participations`;
}

const PROFILE = `
query CityProfile($key: String!) {
  cities(where: { key: { eq: $key } }) {
    nodes {
      key
      name
      ags
      kind
      ${SOURCES}
      orgUnits {
        node {
          key
          name
          kind
          ${SOURCES}
          posts {
            roleTitle
            role
            person { key name ${SOURCES} }
            ${SOURCES}
          }
        }
        ${SOURCES}
      }
    }
  }
}`;

const PROFILE_CYPHER = `
MATCH (c:Entity {id: $key}) WHERE c:City
RETURN c.id AS key, c.name AS name, c.ags AS ags, c.kind AS kind, ${citations('c')} AS sources,
  COLLECT { MATCH (c)<-[b:BELONGS_TO]-(u:OrgUnit) WITH b, u ORDER BY ${relatedOrder('u')}
            RETURN {
              node: {key: u.id, name: u.name, kind: u.kind, sources: ${citations('u')},
                     posts: COLLECT { MATCH (u)<-[h:HOLDS_POST]-(p:Person) WITH h, p ORDER BY ${relatedOrder('p')}
                                      RETURN {roleTitle: h.roleTitle, role: h.role,
                                              person: {key: p.id, name: p.name, sources: ${citations('p')}},
                                              sources: ${citations('h')}} }},
              sources: ${citations('b')}
            } } AS orgUnits`;

const NESTED_FILTER = `
query UnitsOfStateProgrammeCities($level: String!) {
  orgUnits(first: 100, where: { city: { some: { programmes: { some: { level: { eq: $level } } } } } }) {
    nodes { key name kind city { node { key name } } }
  }
}`;

const NESTED_FILTER_CYPHER = `
MATCH (u:OrgUnit:Entity)
WHERE u.id IS NOT NULL
  AND EXISTS { MATCH (u)-[:BELONGS_TO]->(:City)-[:PARTICIPATES_IN]->(p:Programme) WHERE p.level = $level }
WITH u ORDER BY u.id LIMIT 100
RETURN u.id AS key, u.name AS name, u.kind AS kind,
  head(COLLECT { MATCH (u)-[:BELONGS_TO]->(c:City) WITH c ORDER BY ${relatedOrder('c')}
                 RETURN {node: {key: c.id, name: c.name}} }) AS city`;

const WALK = `
query AllUnits($after: String) {
  orgUnits(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { key name kind }
  }
}`;

const WALK_CYPHER = `MATCH (u:OrgUnit) RETURN u.id AS key, u.name AS name, u.kind AS kind ORDER BY u.id`;

// One page of the walk for the floor over HTTP, by key as ours pages: a range on u.id lets the
// planner read the Entity(id) index in key order from `$after` and stop at the limit (the first
// page starts after '', which every key follows; "$after IS NULL OR …" would scan from the start).
const WALK_PAGE_CYPHER = `MATCH (u:OrgUnit:Entity)
WHERE u.id > $after
RETURN u.id AS key, u.name AS name, u.kind AS kind ORDER BY u.id LIMIT $limit`;

const NODE = `
query Lookup($id: ID!) {
  node(id: $id) {
    id
    key
    ${SOURCES}
    ... on City { name ags kind }
  }
}`;

const NODE_CYPHER = `
MATCH (n:Entity {id: $key}) WHERE n:City
RETURN n.id AS key, n.name AS name, n.ags AS ags, n.kind AS kind, ${citations('n')} AS sources`;

const SEARCH = `
query Search($text: String!) {
  search(text: $text, first: 10) { hits { entity { key } score } }
}`;

// The same Lucene query the resolver builds from the text, so both sides ask the index alike.
const SEARCH_CYPHER = `
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
RETURN node.id AS key, score LIMIT 10`;

const PATHS = `
query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4, first: 5) {
    length
    steps { from { key } to { key } relationship sources { quote } }
  }
}`;

const PATHS_CYPHER = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..4]-(b))
WITH p LIMIT 5
RETURN [n IN nodes(p) | n.id] AS keys, [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | r.quotes] AS quotes`;

/** A path as one row: its node keys joined, so both sides compare whole paths. */
function pathRow(keys: string[], types: string[], quotes: string[][]): Row {
  return { key: keys.join(' > '), types, quotes };
}

const AS_OF = `
query UnitsAsOf($day: Date!) {
  orgUnits(first: 100, asOf: $day, asOfMode: POSSIBLE) { nodes { key name kind } }
}`;

// "u.id IS NOT NULL" lets the planner read the Entity(id) index in key order and stop at 100.
const AS_OF_CYPHER = `
MATCH (u:OrgUnit:Entity)
WHERE u.id IS NOT NULL AND coalesce(u.validPossibleFrom, date('0001-01-01')) <= date($day)
  AND date($day) <= coalesce(u.validPossibleTo, date('9999-12-31'))
RETURN u.id AS key, u.name AS name, u.kind AS kind ORDER BY u.id LIMIT 100`;

/** Why the peer has no column for the questions it cannot ask. */
const PEER_CANNOT = {
  paths:
    'no path search: the generated API follows declared relationships one field at a time; only a ' +
    '@cypher field holding the whole path query (the floor) could answer',
  stats:
    'no grouping of a filtered set by several dimensions with sums per basis: the generated ' +
    'aggregates count and sum one connection at a time; only a @cypher field holding the whole ' +
    'query (the floor) could answer',
  compare:
    'no comparison matrix (every way a city reaches a unit, programme, post or event, per theme, ' +
    'with the citations of each step): only a @cypher field holding the whole query could answer',
};

function cases(client: Requester, spec: GraphSpec, peer?: GraphqlClient): Case[] {
  const ask = (side: (p: GraphqlClient) => PeerAnswer) => (peer ? side(peer) : undefined);
  const funderFilter = { [spec.funder.field]: { eq: spec.funder.value } };
  const missionWhere = {
    orgUnits: { some: { themes: { some: { within: spec.theme } } } },
    programmes: { some: { funders: { some: funderFilter } } },
  };
  type Nodes = { nodes: Row[] };
  return [
    {
      name: `1. mission: ${spec.theme} units + programme funded by ${spec.funder.value}`,
      graphql: async () =>
        (await client.request<{ cities: Nodes }>(MISSION, { where: missionWhere })).cities.nodes,
      cypher: missionCypher(spec.funder.field),
      params: { theme: spec.theme, funder: spec.funder.value },
      peer: ask((p) => peerMission(p, spec.theme, spec.funder)),
    },
    {
      name: `2. city profile (${spec.profileCity} → units → posts → person, with sources)`,
      graphql: async () =>
        (await client.request<{ cities: Nodes }>(PROFILE, { key: spec.profileCity })).cities.nodes,
      cypher: PROFILE_CYPHER,
      params: { key: spec.profileCity },
      peer: ask((p) => peerProfile(p, spec.profileCity)),
    },
    ...(spec.typicalCity
      ? [
          {
            name: `2b. city profile (${spec.typicalCity}, a typical city, same question)`,
            graphql: async () =>
              (await client.request<{ cities: Nodes }>(PROFILE, { key: spec.typicalCity })).cities
                .nodes,
            cypher: PROFILE_CYPHER,
            params: { key: spec.typicalCity },
            peer: ask((p) => peerProfile(p, spec.typicalCity!)),
          },
        ]
      : []),
    {
      name: `3. orgUnits whose city takes part in a ${spec.level} programme (first 100)`,
      graphql: async () =>
        (await client.request<{ orgUnits: Nodes }>(NESTED_FILTER, { level: spec.level })).orgUnits
          .nodes,
      cypher: NESTED_FILTER_CYPHER,
      params: { level: spec.level },
      peer: ask((p) => peerNestedFilter(p, spec.level)),
    },
    {
      name: '4. walk all orgUnits, 100 a page (whole walk = 1 op)',
      graphql: async () => {
        const rows: Row[] = [];
        let after: string | null = null;
        for (;;) {
          type Page = {
            orgUnits: Nodes & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          };
          const page: Page = await client.request<Page>(WALK, { after });
          rows.push(...page.orgUnits.nodes);
          if (!page.orgUnits.pageInfo.hasNextPage) return rows;
          after = page.orgUnits.pageInfo.endCursor;
        }
      },
      cypher: WALK_CYPHER,
      params: {},
      floorPages: { cypher: WALK_PAGE_CYPHER, pageSize: 100 },
      peer: ask(peerWalk),
    },
    {
      name: `5. node(id:) lookup of City ${spec.nodeCity}`,
      graphql: async () => [
        (await client.request<{ node: Row }>(NODE, { id: toGlobalId('City', spec.nodeCity) })).node,
      ],
      cypher: NODE_CYPHER,
      params: { key: spec.nodeCity },
      toRows: (rows) => rows.map((r) => ({ id: toGlobalId('City', r.key as string), ...r })),
      peer: ask((p) => peerNode(p, spec.nodeCity, toGlobalId('City', spec.nodeCity))),
    },
    {
      name: `10. search "${spec.searchText}" (first 10 hits)`,
      graphql: async () => {
        type Hits = { search: { hits: { entity: { key: string }; score: number }[] } };
        const data = await client.request<Hits>(SEARCH, { text: spec.searchText });
        return data.search.hits.map((h) => ({ key: h.entity.key, score: h.score }));
      },
      cypher: SEARCH_CYPHER,
      params: { query: toLuceneQuery(spec.searchText)!.lucene },
      peer: ask((p) => peerSearch(p, toLuceneQuery(spec.searchText)!.lucene)),
    },
    {
      name: `11. paths ${spec.pathFrom} → ${spec.pathTo} (≤ 4 hops, 5 paths, with quotes)`,
      graphql: async () => {
        type Step = { from: { key: string }; to: { key: string }; relationship: string };
        type Paths = { paths: { steps: (Step & { sources: { quote: string }[] })[] }[] };
        const data = await client.request<Paths>(PATHS, {
          from: toGlobalId('City', spec.pathFrom),
          to: toGlobalId('City', spec.pathTo),
        });
        return data.paths
          .map((p) =>
            pathRow(
              [p.steps[0]!.from.key, ...p.steps.map((st) => st.to.key)],
              p.steps.map((st) => st.relationship),
              p.steps.map((st) => st.sources.map((x) => x.quote)),
            ),
          )
          .sort((a, b) => String(a.key).localeCompare(String(b.key)));
      },
      cypher: PATHS_CYPHER,
      params: { from: spec.pathFrom, to: spec.pathTo },
      peer: ask(() => ({ cannot: PEER_CANNOT.paths })),
      toRows: (rows) =>
        rows
          .map((r) =>
            pathRow(r.keys as string[], r.types as string[], (r.quotes as string[][]) ?? []),
          )
          .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    },
    {
      name: `12. orgUnits as of ${spec.asOfDay} (POSSIBLE, first 100)`,
      graphql: async () =>
        (await client.request<{ orgUnits: Nodes }>(AS_OF, { day: spec.asOfDay })).orgUnits.nodes,
      cypher: AS_OF_CYPHER,
      params: { day: spec.asOfDay },
      peer: ask((p) => peerAsOf(p, spec.asOfDay)),
    },
    ...aggregateCases(client, spec, peer, PEER_CANNOT),
  ];
}

/** The fixed cost of each path: an HTTP round trip through Apollo, and a driver round trip. */
function calibration(client: Requester, peer?: GraphqlClient): Case {
  return {
    name: '0. calibration: `{ __typename }` vs `RETURN 1` (no data)',
    graphql: async () => [await client.request<Row>('{ __typename }')],
    cypher: 'RETURN "Query" AS __typename',
    params: {},
    peer: peer ? peerCalibration(peer) : undefined,
  };
}

/** The floor's statement through the hand-written HTTP endpoint, shaped as runCypher shapes it. */
async function runEndpoint(endpoint: GraphqlClient, c: Case): Promise<Row[]> {
  if (c.floorPages) {
    return floorPages(c, (cypher, params) => endpoint.request<Row[]>(cypher, encodeParams(params)));
  }
  const rows = await endpoint.request<Row[]>(c.cypher, encodeParams(c.params));
  return c.toRows ? c.toRows(rows) : rows;
}

/**
 * A question ours answers page by page, asked of the floor page by page too (`floorPages`), each
 * page through `page` (the endpoint or this process's connection).
 */
async function floorPages(
  c: Case,
  page: (cypher: string, params: Record<string, unknown>) => Promise<Row[]>,
): Promise<Row[]> {
  const { cypher, pageSize } = c.floorPages!;
  const rows: Row[] = [];
  let after: unknown = '';
  for (;;) {
    const found = await page(cypher, { ...c.params, after, limit: neo4j.int(pageSize + 1) });
    rows.push(...found.slice(0, pageSize));
    if (found.length <= pageSize) return c.toRows ? c.toRows(rows) : rows;
    after = found[pageSize - 1]!.key;
  }
}

async function runCypher(db: Database, c: Case): Promise<Row[]> {
  // One auto-commit statement, as the API runs its own (Database.readStatement).
  const result = await db.readStatement(c.cypher, c.params);
  const rows = result.records.map((r) => r.toObject() as Row);
  return c.toRows ? c.toRows(rows) : rows;
}

/**
 * The floor from this process as ours answers: page by page where ours pages (`floorPages`),
 * else its one statement. Set beside ours in process, which pages too.
 */
async function runCypherAsOurs(db: Database, c: Case): Promise<Row[]> {
  if (!c.floorPages) return runCypher(db, c);
  return floorPages(c, async (cypher, params) =>
    (await db.readStatement(cypher, params)).records.map((r) => r.toObject() as Row),
  );
}

// ---------------------------------------------------------------------------------------------
// Checking that both answers agree: same top-level keys in the same order, and the same data
// once nested lists are put in a canonical order.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => {
      const x = JSON.stringify(a);
      const y = JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Row)[k])]),
    );
  }
  return value;
}

/** Where two canonical values first differ, as a path (`.orgUnits[3].node.name`), or undefined. */
function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const found = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const found = firstDifference((a as Row)[k], (b as Row)[k], `${at}.${k}`);
      if (found) return found;
    }
  }
  const show = (x: unknown) => (x === undefined ? 'absent' : JSON.stringify(x).slice(0, 200));
  return `${at || 'the row'}: ${show(a)} vs ${show(b)}`;
}

/**
 * Stops the bench unless both answers hold the same rows in the same order (root lists are
 * sorted by key, so the order is part of the answer) and the same nested data, lists compared in
 * a canonical order.
 */
function assertSame(question: string, a: [string, Row[]], b: [string, Row[]]): void {
  const [aName, aRows] = a;
  const [bName, bRows] = b;
  const keys = (rows: Row[]) => rows.map((r) => String(r.key ?? r.__typename));
  const ak = keys(aRows);
  const bk = keys(bRows);
  if (ak.join('\n') !== bk.join('\n')) {
    const i = ak.findIndex((k, j) => k !== bk[j]);
    const at = i < 0 ? Math.min(ak.length, bk.length) : i;
    throw new Error(
      `${question}: ${aName} and ${bName} return different rows (${ak.length} vs ${bk.length}); ` +
        `first difference at row ${at}: ${ak[at] ?? '(none)'} vs ${bk[at] ?? '(none)'}`,
    );
  }
  for (let i = 0; i < aRows.length; i += 1) {
    const x = canonical(aRows[i]);
    const y = canonical(bRows[i]);
    const difference = firstDifference(x, y);
    if (difference) {
      throw new Error(
        `${question}: ${aName} and ${bName} disagree on row ${ak[i]} at ${difference}\n` +
          `  ${aName}: ${JSON.stringify(x).slice(0, 600)}\n  ${bName}: ${JSON.stringify(y).slice(0, 600)}`,
      );
    }
  }
  if (aRows.length === 0)
    throw new Error(`${question}: empty answer; the comparison proves nothing`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** Sequential latency: fixed warm-up, then samples until the iterations or the time budget end. */
async function latency(
  run: () => Promise<unknown>,
  spec: GraphSpec,
): Promise<Pick<Stats, 'p50' | 'p95' | 'n'>> {
  for (let i = 0; i < spec.warmup; i += 1) await run();
  const samples: number[] = [];
  const deadline = performance.now() + spec.latencyBudgetMs;
  while (
    samples.length < spec.iterations &&
    (samples.length < (spec.minSamples ?? 10) || performance.now() < deadline)
  ) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), n: samples.length };
}

/** Answers per second of one side in each round, and what failed. */
interface Throughput {
  rps: number;
  rounds: number[];
  failed: number;
  firstFailure?: string;
}

/**
 * Throughput at CONCURRENCY clients of each side, in THROUGHPUT_ROUNDS rounds of
 * THROUGHPUT_ROUND_MS taken in turn (ours, peer, floor, ours, …); a side's figure is the median
 * of its rounds. One window per side, one after the other, let a passing disturbance on this
 * shared machine (a collection in Neo4j, another process) fall on one side only: in two runs of
 * 2026-12-01 ours on the seed nested filter measured 767 and 990 req/s while the peer measured
 * 565 and 559.
 */
async function throughputInTurn(runs: readonly (() => Promise<unknown>)[]): Promise<Throughput[]> {
  const results = runs.map((): Throughput => ({ rps: 0, rounds: [], failed: 0 }));
  for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) {
    for (const [i, run] of runs.entries()) {
      const result = results[i]!;
      // Under concurrency an operation may fail where it succeeds alone (the transaction-memory
      // cap is shared by all transactions): counted and reported, not fatal.
      let done = 0;
      const start = performance.now();
      const end = start + THROUGHPUT_ROUND_MS;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < end) {
            try {
              await run();
              done += 1;
            } catch (error) {
              result.failed += 1;
              result.firstFailure ??= (error instanceof Error ? error.message : String(error))
                .replace(/\s+/g, ' ')
                .slice(0, 240);
            }
          }
        }),
      );
      result.rounds.push(done / ((performance.now() - start) / 1000));
    }
  }
  for (const result of results) result.rps = p50(result.rounds);
  return results;
}

/**
 * Sequential latency (p50) of ours over HTTP, the floor over HTTP and the floor proper, their
 * samples taken in turn, so that all three meet this shared machine in the same state: measured
 * one after the other, a busy moment (or Neo4j still settling after the previous throughput run)
 * would fall on one of them only. The floor over HTTP against the floor proper is what the
 * crossing alone costs: no API behind HTTP can come closer to the floor than that.
 */
async function crossingLatency(
  ours: () => Promise<unknown>,
  floorOverHttp: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  spec: GraphSpec,
): Promise<Measured['overHttp']> {
  const [o, f, d] = await inTurnLatency([ours, floorOverHttp, floor], spec);
  return { ours: o!, floor: f!, direct: d! };
}

/** p50 of each of `runs`, one sample of each in turn (see crossingLatency). */
async function inTurnLatency(
  runs: readonly (() => Promise<unknown>)[],
  spec: GraphSpec,
): Promise<number[]> {
  for (let i = 0; i < spec.warmup; i += 1) {
    for (const run of runs) await run();
  }
  const samples = runs.map((): number[] => []);
  const deadline = performance.now() + spec.latencyBudgetMs;
  while (
    samples[0]!.length < spec.iterations &&
    (samples[0]!.length < (spec.minSamples ?? 10) || performance.now() < deadline)
  ) {
    for (const [i, run] of runs.entries()) {
      const start = performance.now();
      await run();
      samples[i]!.push(performance.now() - start);
    }
  }
  return samples.map(p50);
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const perSecond = (x: number) =>
  Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');

const ratio = (x: number) => (Number.isNaN(x) ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×`);

function table(results: Measured[], withPeer: boolean): string {
  const peerHeads = withPeer ? ['peer p50 ms', 'p95', 'req/s'] : [];
  const ratioHeads = withPeer
    ? ['p50 ours/peer', 'req/s ours/peer', 'p50 ours/floor', 'req/s ours/floor']
    : ['p50 ours/floor', 'req/s ours/floor'];
  const heads = [
    'question',
    'ours p50 ms',
    'p95',
    'req/s',
    ...peerHeads,
    'floor p50 ms',
    'p95',
    'req/s',
    'floor over HTTP p50 ms (in turn with ours and the floor)',
    'floor p50 ms (in turn with both over HTTP)',
    'ours in process p50 ms (in turn with the floor)',
    'its statements alone p50 ms (in turn)',
    'floor p50 ms (in turn with ours in process)',
    ...ratioHeads,
    'p50 ours/floor (in turn)',
    'p50 ours/floor over HTTP (in turn)',
    'p50 floor over HTTP/floor (in turn): the crossing alone',
    'p50 ours in process/floor (in turn)',
    'DB round trips (ours / floor)',
    'rows',
    withPeer ? 'samples (ours / peer / floor)' : 'samples (ours / floor)',
  ];
  const lines = [`| ${heads.join(' | ')} |`, `|${' --- |'.repeat(heads.length)}`];
  const notes: string[] = [];
  for (const r of results) {
    const trips =
      r.httpRequests > 1
        ? `${r.gqlRoundTrips} (${r.httpRequests} HTTP requests) / 1`
        : `${r.gqlRoundTrips} / 1`;
    const peer = typeof r.peer === 'string' ? undefined : r.peer;
    const peerCells = withPeer
      ? peer
        ? [ms(peer.p50), ms(peer.p95), perSecond(peer.rps)]
        : ['—', '—', '—']
      : [];
    const vsPeer = withPeer
      ? peer
        ? [ratio(r.gql.p50 / peer.p50), ratio(r.gql.rps / peer.rps)]
        : ['—', '—']
      : [];
    const cells = [
      r.name,
      ms(r.gql.p50),
      ms(r.gql.p95),
      perSecond(r.gql.rps),
      ...peerCells,
      ms(r.cy.p50),
      ms(r.cy.p95),
      perSecond(r.cy.rps),
      ms(r.overHttp.floor),
      ms(r.overHttp.direct),
      ms(r.inProcess.ours),
      ms(r.inProcess.statements),
      ms(r.inProcess.floor),
      ...vsPeer,
      ratio(r.gql.p50 / r.cy.p50),
      ratio(r.gql.rps / r.cy.rps),
      ratio(r.overHttp.ours / r.overHttp.direct),
      ratio(r.overHttp.ours / r.overHttp.floor),
      ratio(r.overHttp.floor / r.overHttp.direct),
      ratio(r.inProcess.ours / r.inProcess.floor),
      trips,
      String(r.rows),
      withPeer ? `${r.gql.n} / ${peer ? peer.n : '—'} / ${r.cy.n}` : `${r.gql.n} / ${r.cy.n}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
    const number = r.name.split('.')[0];
    if (withPeer && typeof r.peer === 'string')
      notes.push(`- ${number}: the peer cannot ask it: ${r.peer}`);
    else if (withPeer && r.peerNote) notes.push(`- ${number}: peer: ${r.peerNote}`);
    const columns: [string, Stats | undefined][] = [
      ['ours', r.gql],
      ['peer', peer],
      ['floor', r.cy],
    ];
    for (const [column, stats] of columns) {
      if (stats?.failed) {
        notes.push(
          `- ${number}: ${column}: ${stats.failed} operation(s) failed at ${CONCURRENCY} clients ` +
            `(not counted in req/s); first: ${stats.firstFailure}`,
        );
      }
    }
  }
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

function targetInput(r: Measured): TargetInput {
  return {
    name: r.name,
    ours: r.gql,
    floor: r.cy,
    peerRps: typeof r.peer === 'string' ? undefined : r.peer.rps,
    overHttp: r.overHttp,
    inProcess: r.inProcess,
    roundTrips: r.gqlRoundTrips,
    httpRequests: r.httpRequests,
  };
}

/**
 * Ours without HTTP against the floor, both from this process: p50s of three samples taken in
 * turn, ours (in-process-api.ts), the statements ours sent for the question replayed one after
 * the other without GraphQL, and the floor (paged as ours where ours pages). The replay between
 * the two also takes the collection of ours's garbage, which in this process falls on whichever
 * sample comes next: paired directly, the floor's samples after a 75 KB answer of ours paid for
 * it (the 2,000-city mission's floor measured 11–16 ms there against 6–9 ms alone, and ours
 * 0.88–1.13× of it; alone, in turn, ours is 1.6× the floor).
 */
async function apiCost(
  db: Database,
  c: Case,
  local: Case,
  spec: GraphSpec,
): Promise<Omit<ApiCost, 'name'>> {
  const recorder = recordStatements(db);
  try {
    await local.graphql();
  } finally {
    recorder.stop();
  }
  const replay = async () => {
    for (const { text, params } of recorder.statements) await db.readStatement(text, params);
  };
  const [ours, statements, floor] = await inTurnLatency(
    [() => local.graphql(), replay, () => runCypherAsOurs(db, c)],
    spec,
  );
  return { ours: ours!, statements: statements!, floor: floor! };
}

/** `--api-cost`: p50s in process, in turn (ms). */
interface ApiCost {
  name: string;
  /** Ours through `executeOperation`. */
  ours: number;
  /** The statements ours sent for it, replayed one after the other without GraphQL. */
  statements: number;
  /** The hand-written floor (paged as ours where ours pages). */
  floor: number;
}

function costTable(costs: readonly ApiCost[]): string {
  const heads = [
    'question',
    'ours in process p50 ms',
    'its statements alone p50 ms',
    'floor p50 ms',
    'p50 ours/floor',
    'p50 its statements/floor',
    'ours − its statements (Node side), ms',
  ];
  const lines = [`| ${heads.join(' | ')} |`, `|${' --- |'.repeat(heads.length)}`];
  for (const c of costs) {
    const cells = [c.name, ms(c.ours), ms(c.statements), ms(c.floor)];
    cells.push(ratio(c.ours / c.floor), ratio(c.statements / c.floor), ms(c.ours - c.statements));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Profiling: which statements a GraphQL query sends, and what each costs in the database.

interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Records every statement the app runs through `db.readStatement` or inside `db.executeRead`
 * until `stop()`.
 */
function recordStatements(db: Database): { statements: Statement[]; stop(): void } {
  const original = db.executeRead.bind(db);
  const originalStatement = db.readStatement.bind(db);
  const statements: Statement[] = [];
  db.readStatement = (text, params = {}, options) => {
    statements.push({ text, params: params as Record<string, unknown> });
    return originalStatement(text, params, options);
  };
  db.executeRead = <T>(work: Work<T>): Promise<T> =>
    original((tx) =>
      work(
        new Proxy(tx, {
          get(target, property, receiver) {
            if (property === 'run') {
              return (text: string, params: Record<string, unknown> = {}) => {
                statements.push({ text, params });
                return target.run(text, params);
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }) as ManagedTransaction,
      ),
    );
  return {
    statements,
    stop() {
      db.executeRead = original;
      db.readStatement = originalStatement;
    },
  };
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function totalDbHits(plan: PlanNode): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

function planLines(plan: PlanNode, depth = 0): string[] {
  const details = String(plan.arguments.Details ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 140);
  const line = `${'  '.repeat(depth + 2)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits}${details ? ` · ${details}` : ''}`;
  return [line, ...plan.children.flatMap((child) => planLines(child, depth + 1))];
}

async function profileStatement(
  db: Database,
  statement: Statement,
): Promise<{ dbHits: number; rows: number; serverMs: number; plan: PlanNode }> {
  const session = db.driver.session({ database: db.config.database });
  try {
    const plain = await session.run(statement.text, statement.params);
    const serverMs =
      Number(plain.summary.resultAvailableAfter) + Number(plain.summary.resultConsumedAfter);
    const profiled = await session.run(`PROFILE ${statement.text}`, statement.params);
    const plan = profiled.summary.profile as unknown as PlanNode;
    return { dbHits: totalDbHits(plan), rows: plain.records.length, serverMs, plan };
  } finally {
    await session.close();
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Where the time of a GraphQL operation goes: its wall time, the time during which at least one
 * of its database transactions was open (client-side, so it includes the driver's decoding), and
 * the number of waves — groups of transactions that overlap, each wave waiting for the last.
 */
async function timeSplit(db: Database, c: Case, runs: number): Promise<string> {
  const original = db.executeRead.bind(db);
  const originalStatement = db.readStatement.bind(db);
  let intervals: [number, number][] = [];
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      intervals.push([start, performance.now()]);
    }
  };
  db.executeRead = <T>(work: Work<T>): Promise<T> => timed(() => original(work));
  db.readStatement = (text, params, options) =>
    timed(() => originalStatement(text, params, options));
  const total: number[] = [];
  const busy: number[] = [];
  const summed: number[] = [];
  let waves = 0;
  try {
    for (let i = 0; i < runs; i += 1) {
      intervals = [];
      const start = performance.now();
      await c.graphql();
      total.push(performance.now() - start);
      summed.push(intervals.reduce((sum, [a, b]) => sum + b - a, 0));
      // Union of the open intervals: merged in start order.
      let covered = 0;
      let groups = 0;
      let end = -Infinity;
      let from = -Infinity;
      for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
        if (a > end) {
          if (end > from) covered += end - from;
          from = a;
          groups += 1;
        }
        end = Math.max(end, b);
      }
      if (end > from) covered += end - from;
      busy.push(covered);
      waves = groups;
    }
  } finally {
    db.executeRead = original;
    db.readStatement = originalStatement;
  }
  return (
    `median of ${runs}: ${ms(median(total))} ms per operation; a database transaction open ` +
    `during ${ms(median(busy))} ms of it (${ms(median(summed))} ms summed over ` +
    `transactions); ${waves} wave(s) of transactions`
  );
}

async function profileCase(db: Database, c: Case): Promise<void> {
  console.log(`\n### ${c.name}`);
  console.log(`GraphQL timing: ${await timeSplit(db, c, c.name.startsWith('4.') ? 5 : 30)}`);
  const recorder = recordStatements(db);
  try {
    await c.graphql();
  } finally {
    recorder.stop();
  }
  const groups = new Map<string, Statement[]>();
  for (const s of recorder.statements) groups.set(s.text, [...(groups.get(s.text) ?? []), s]);
  let hits = 0;
  let serverMs = 0;
  console.log(
    `GraphQL: ${recorder.statements.length} database round trips, ${groups.size} distinct statements`,
  );
  for (const [text, runs] of groups) {
    const profiles = [];
    for (const run of runs) profiles.push(await profileStatement(db, run));
    const h = profiles.reduce((sum, p) => sum + p.dbHits, 0);
    const t = profiles.reduce((sum, p) => sum + p.serverMs, 0);
    const rows = profiles.reduce((sum, p) => sum + p.rows, 0);
    hits += h;
    serverMs += t;
    console.log(
      `- ×${runs.length}: ${h} db hits, ${rows} rows, ${t} ms in the server · ${oneLine(text).slice(0, 400)}`,
    );
    console.log(`    params ${JSON.stringify(runs[0]!.params).slice(0, 300)}`);
    console.log(planLines(profiles[0]!.plan).join('\n'));
    if (runs.length > 1) {
      const last = profiles[profiles.length - 1]!;
      console.log(`    last run: ${last.dbHits} db hits, ${last.rows} rows`);
    }
  }
  const own = await profileStatement(db, { text: c.cypher, params: c.params });
  console.log(`GraphQL total: ${hits} db hits, ${serverMs} ms in the server`);
  console.log(`Cypher: 1 round trip, ${own.dbHits} db hits, ${own.rows} rows, ${own.serverMs} ms`);
  console.log(planLines(own.plan).join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function benchGraph(
  db: Database,
  /** The database round trips our server has made so far. */
  roundTrips: () => Promise<number>,
  client: GraphqlClient,
  peer: GraphqlClient | undefined,
  endpoint: GraphqlClient,
  /** Ours in this process, without HTTP (in-process-api.ts). */
  local: Requester,
  spec: GraphSpec,
  mode: 'time' | 'profile' | 'api-cost',
  withCalibration: boolean,
): Promise<void> {
  const profile = mode === 'profile';
  const all = [
    ...(withCalibration ? [calibration(client, peer)] : []),
    ...cases(client, spec, peer),
  ];
  // The same questions asked of ours in process, in the same order.
  const locals = [...(withCalibration ? [calibration(local)] : []), ...cases(local, spec)];
  console.log(`\n## ${spec.title}\n`);
  const results: Measured[] = [];
  const costs: ApiCost[] = [];
  for (const [i, c] of all.entries()) {
    const localCase = locals[i]!;
    // One checked run of each: the answers must agree, and the round trips are counted.
    const beforeTx = await roundTrips();
    const beforeHttp = client.requests;
    const graphql = await c.graphql();
    const gqlRoundTrips = (await roundTrips()) - beforeTx;
    const httpRequests = client.requests - beforeHttp;
    const cypher = await runCypher(db, c);
    assertSame(c.name, ['ours', graphql], ['the Cypher floor', cypher]);
    assertSame(
      c.name,
      ['the floor over HTTP', await runEndpoint(endpoint, c)],
      ['the Cypher floor', cypher],
    );
    assertSame(
      c.name,
      ['ours in process', await localCase.graphql()],
      ['the Cypher floor', cypher],
    );
    assertSame(
      c.name,
      ['the floor as ours asks (paged where ours pages)', await runCypherAsOurs(db, c)],
      ['the Cypher floor', cypher],
    );
    const side: PeerSide | undefined = isPeerSide(c.peer) ? c.peer : undefined;
    if (side) {
      const answer = await (side.check ?? side.run)();
      assertSame(c.name, ['the peer', answer], ['the Cypher floor', cypher]);
    }
    if (profile) {
      await profileCase(db, c);
      continue;
    }
    const inProcess = await apiCost(db, c, localCase, spec);
    if (mode === 'api-cost') {
      costs.push({ name: c.name, ...inProcess });
      console.log(
        `[${new Date().toISOString().slice(11, 19)}] ${c.name}: in process, in turn: ours p50 ` +
          `${ms(inProcess.ours)} ms, its statements alone ${ms(inProcess.statements)} ms, floor ` +
          `${ms(inProcess.floor)} ms (ours/floor ${ratio(inProcess.ours / inProcess.floor)}), ` +
          `${gqlRoundTrips} round trips`,
      );
      continue;
    }
    const sides = [() => c.graphql(), ...(side ? [() => side.run()] : []), () => runCypher(db, c)];
    const latencies: Pick<Stats, 'p50' | 'p95' | 'n'>[] = [];
    for (const run of sides) latencies.push(await latency(run, spec));
    // A side too slow to load (the national walk) is timed for latency only.
    const loaded = sides.map(
      (_, i) => spec.throughputBelowMs === undefined || latencies[i]!.p50 < spec.throughputBelowMs,
    );
    const measured = await throughputInTurn(sides.filter((_, i) => loaded[i]));
    const throughputs = loaded.map((load): Throughput =>
      load ? measured.shift()! : { rps: Number.NaN, rounds: [], failed: 0 },
    );
    const stats = latencies.map((l, i): Stats => ({ ...l, ...throughputs[i]! }));
    const gql = stats[0]!;
    const peerStats = side ? stats[1] : undefined;
    const cy = stats[stats.length - 1]!;
    const overHttp = await crossingLatency(
      () => c.graphql(),
      () => runEndpoint(endpoint, c),
      () => runCypher(db, c),
      spec,
    );
    const result: Measured = {
      name: c.name,
      gql,
      peer: peerStats ?? (c.peer && 'cannot' in c.peer ? c.peer.cannot : 'left out'),
      peerNote: side?.note?.(),
      cy,
      overHttp,
      inProcess,
      gqlRoundTrips,
      httpRequests,
      rows: graphql.length,
    };
    results.push(result);
    const rounds = (x: Stats) => x.rounds.map(perSecond).join('/');
    const vsPeer = peerStats
      ? `, peer p50 ${ms(peerStats.p50)} ms, req/s ours/peer ${ratio(gql.rps / peerStats.rps)} ` +
        `(rounds ours ${rounds(gql)}, peer ${rounds(peerStats)})`
      : '';
    // The clock time lets a run be matched with the machine's load at the time.
    console.log(
      `[${new Date().toISOString().slice(11, 19)}] ${c.name}: ours p50 ${ms(gql.p50)} ms${vsPeer}, floor p50 ${ms(cy.p50)} ms ` +
        `(ours/floor ${ratio(gql.p50 / cy.p50)}), floor over HTTP p50 ${ms(overHttp.floor)} ms ` +
        `(ours/that ${ratio(overHttp.ours / overHttp.floor)}, in turn), in process ours/floor ` +
        `${ratio(inProcess.ours / inProcess.floor)} (in turn), ${gqlRoundTrips} round trips, ${graphql.length} rows`,
    );
  }
  if (mode === 'time') {
    console.log(`\n${table(results, peer !== undefined)}`);
    console.log(`\n${targetSummary(results.map(targetInput))}`);
  }
  if (mode === 'api-cost') console.log(`\n${costTable(costs)}`);
}

/**
 * The questions' parameters on the national graph (bench/national.ts), read from the database:
 * the profile of the city with the most units (the worst case) and of a city with the median
 * number, 50 cities spread over the alphabet of their keys for the comparison.
 */
async function nationalSpec(db: Database, dataset: string): Promise<GraphSpec> {
  const cities = await db.executeRead(async (tx) => {
    const result = await tx.run(
      `MATCH (c:City) WHERE c.dataset = $dataset
       RETURN c.id AS key, COUNT { (c)<-[:BELONGS_TO]-(:OrgUnit) } AS units
       ORDER BY key`,
      { dataset },
    );
    return result.records.map((r) => ({
      key: r.get('key') as string,
      units: r.get('units') as number,
    }));
  });
  if (cities.length < 2) throw new Error(`dataset "${dataset}" holds no national graph`);
  // The funder of the most programmes, so that the mission question has answers at any scale.
  const funder = await db.executeRead(async (tx) => {
    const result = await tx.run(
      `MATCH (o:Organisation)-[:FUNDS]->(p:Programme) WHERE o.dataset = $dataset
       RETURN o.id AS key, count(p) AS programmes ORDER BY programmes DESC, key LIMIT 1`,
      { dataset },
    );
    return result.records[0]?.get('key') as string;
  });
  // A unit's name as typed into the search (the generator's names are its vocabulary).
  const unitName = await db.executeRead(async (tx) => {
    const result = await tx.run(
      `MATCH (u:OrgUnit) WHERE u.dataset = $dataset AND u.name IS NOT NULL
       RETURN u.name AS name ORDER BY u.id LIMIT 1`,
      { dataset },
    );
    return result.records[0]?.get('name') as string;
  });
  const byUnits = [...cities].sort((a, b) => b.units - a.units || a.key.localeCompare(b.key));
  const count = Math.min(50, cities.length);
  return {
    title: `National graph (dataset ${dataset}: ${cities.length.toLocaleString('en-US')} cities)`,
    warmup: 3,
    iterations: 30,
    latencyBudgetMs: 5_000,
    minSamples: 5,
    throughputBelowMs: 1_000,
    theme: 'nat-theme-alter',
    funder: { field: 'key', value: funder },
    profileCity: byUnits[0]!.key,
    typicalCity: byUnits[Math.floor(byUnits.length / 2)]!.key,
    nodeCity: cities[cities.length - 1]!.key,
    level: 'STATE',
    searchText: unitName,
    pathFrom: byUnits[0]!.key,
    pathTo: byUnits[1]!.key,
    asOfDay: '2020-12-31',
    unitKind: 'STAFF_UNIT',
    compareCities: Array.from(
      { length: count },
      (_, i) => cities[Math.floor((i * cities.length) / count)]!.key,
    ),
    compareThemes: ['alter', 'familie', 'arbeit', 'vielfalt'].map((t) => `nat-theme-${t}`),
  };
}

async function main(): Promise<void> {
  const graphAt = process.argv.indexOf('--graph');
  const national = graphAt > 0 && process.argv[graphAt + 1] === 'national';
  if (graphAt > 0 && !national) throw new Error('--graph takes "national"');
  const datasetAt = process.argv.indexOf('--dataset');
  const nationalDataset = datasetAt > 0 ? process.argv[datasetAt + 1]! : 'bench-national';
  const argIndex = process.argv.indexOf('--cities');
  const cities = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 2000;
  const profile = process.argv.includes('--profile');
  const apiCost = process.argv.includes('--api-cost');
  const mode = profile ? 'profile' : apiCost ? 'api-cost' : 'time';
  // The peer is timed by default; --profile looks at our statements only, --api-cost at ours
  // in process against the floor only.
  const withPeer = !process.argv.includes('--no-peer') && mode === 'time';
  // Profiling wraps our server's database in this process; timing runs each server on its own.
  const inProcess = profile || process.argv.includes('--in-process');
  const flagsAt = process.argv.indexOf('--node-flags');
  const nodeFlags =
    flagsAt > 0 ? (process.argv[flagsAt + 1] ?? '').split(' ').filter(Boolean) : SERVER_NODE_FLAGS;
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  const started = performance.now();
  try {
    await db.verify();
    // Started first: a database without APOC stops the bench before any import.
    const peerServer = withPeer
      ? inProcess
        ? await startPeer(config.neo4j)
        : await startServerProcess('peer', nodeFlags)
      : undefined;
    const ours = await startOurs(db, inProcess, nodeFlags);
    const local = await startInProcessApi(db);
    const client = new GraphqlClient(ours.port, ours.path, {
      serverKeepAliveMs: ours.keepAliveMs,
      maxSockets: 2 * CONCURRENCY,
    });
    // Placed as our server is: in a process of its own unless the bench runs in process.
    const floorServer = inProcess
      ? await startFloorHere(db)
      : await startServerProcess('floor', nodeFlags);
    const endpoint = new GraphqlClient(floorServer.port, floorServer.path, {
      serverKeepAliveMs: floorServer.keepAliveMs,
      maxSockets: 2,
    });
    const peer = peerServer
      ? new GraphqlClient(peerServer.port, peerServer.path, {
          serverKeepAliveMs: peerServer.keepAliveMs,
          maxSockets: 2 * CONCURRENCY,
        })
      : undefined;
    try {
      console.log(
        `GraphQL at http://127.0.0.1:${client.port}/graphql, Neo4j at ${config.neo4j.uri}; ` +
          (peerServer
            ? `peer: @neo4j/graphql ${peerServer.version} at http://127.0.0.1:${peerServer.port}${peerServer.path}; `
            : 'peer left out; ') +
          (inProcess
            ? 'our server in the bench process; '
            : `each server in a process of its own (node ${nodeFlags.join(' ') || 'with default flags'}); `) +
          `${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; ` +
          `concurrency ${CONCURRENCY}, ${THROUGHPUT_ROUNDS} rounds of ${THROUGHPUT_ROUND_MS / 1000} s in turn; load average ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(' / ')}`,
      );

      if (national) {
        // The graph is bench/national.bench.ts's; nothing is imported or deleted here.
        const spec = await nationalSpec(db, nationalDataset);
        await benchGraph(db, ours.transactions, client, peer, endpoint, local, spec, mode, true);
        return;
      }

      const dataset = `bench-api-synthetic-${cities}`;
      // A run that crashed may have left its synthetic data behind; the seed graph must be alone.
      await deleteDataset(db, dataset);
      await importSeeds(db, { ...config.seed, dataset: 'seed' });
      const others = await db.executeRead((tx) =>
        tx.run(`MATCH (n:Entity) WHERE n.dataset <> 'seed' RETURN count(n) AS count`),
      );
      const otherCount = others.records[0]?.get('count') as number;
      if (otherCount > 0) {
        console.log(
          `note: ${otherCount} entities of other datasets are in the database; the seed-graph numbers include them`,
        );
      }
      await benchGraph(
        db,
        ours.transactions,
        client,
        peer,
        endpoint,
        local,
        {
          title: 'Seed graph (project seeds, 324 elements)',
          warmup: 20,
          iterations: 200,
          latencyBudgetMs: 4_000,
          theme: 'ageing',
          funder: { field: 'shortName', value: 'BMFSFJ' },
          profileCity: 'bochum',
          nodeCity: 'bremerhaven',
          level: 'STATE',
          searchText: 'Senioren',
          pathFrom: 'bochum',
          pathTo: 'bremerhaven',
          asOfDay: '2020-12-31',
          unitKind: 'STAFF_UNIT',
          compareCities: ['bochum', 'bremerhaven', 'castrop-rauxel'],
          compareThemes: ['ageing', 'diversity', 'family', 'labour-market'],
        },
        mode,
        true,
      );

      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-api-bench-'));
      try {
        const seedDir = path.join(root, 'seeds');
        const documentsDir = path.join(root, 'documents');
        const elements = writeSyntheticSeeds(seedDir, documentsDir, { cities });
        const importStart = performance.now();
        await importSeeds(db, { seedDir, documentsDir, dataset });
        console.log(
          `\nimported synthetic graph: ${elements} elements in ${((performance.now() - importStart) / 1000).toFixed(1)} s (beside the seeds)`,
        );
        const n = (i: number) => String(i).padStart(6, '0');
        await benchGraph(
          db,
          ours.transactions,
          client,
          peer,
          endpoint,
          local,
          {
            title: `Synthetic graph (${cities} cities, ${elements.toLocaleString('en-US')} elements, plus the seeds)`,
            warmup: 5,
            iterations: 50,
            latencyBudgetMs: 5_000,
            theme: 'syn-theme-ageing',
            funder: { field: 'key', value: 'syn-ministerium' },
            profileCity: `syn-city-${n(Math.floor(cities / 2))}`,
            nodeCity: `syn-city-${n(cities - 1)}`,
            level: 'STATE',
            searchText: 'Stabsstelle Thema',
            pathFrom: `syn-city-${n(Math.floor(cities / 2))}`,
            pathTo: `syn-city-${n(cities - 1)}`,
            asOfDay: '2020-12-31',
            unitKind: 'STAFF_UNIT',
            // The most the API compares: 50 cities, spread over the graph.
            compareCities: Array.from(
              { length: Math.min(50, cities) },
              (_, i) => `syn-city-${n(Math.floor((i * cities) / Math.min(50, cities)))}`,
            ),
            compareThemes: ['ageing', 'family', 'labour-market', 'diversity'].map(
              (t) => `syn-theme-${t}`,
            ),
          },
          mode,
          false,
        );
      } finally {
        await deleteDataset(db, dataset);
        fs.rmSync(root, { recursive: true, force: true });
      }
    } finally {
      const retries = client.retries + (peer?.retries ?? 0);
      console.log(
        `\nkeep-alive: ${retries} request(s) repeated after a reset on a reused socket ` +
          `(ours ${client.retries} of ${client.requests}` +
          (peer ? `, peer ${peer.retries} of ${peer.requests})` : ')'),
      );
      client.close();
      peer?.close();
      endpoint.close();
      await ours.stop();
      await local.stop();
      await floorServer.stop();
      await peerServer?.stop();
    }
    console.log(`\nAPI bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
  }
}

/**
 * Our server: in a process of its own, or in this process beside the clients (for `--profile`,
 * which wraps its database, and for `--in-process`).
 */
async function startOurs(
  db: Database,
  inProcess: boolean,
  nodeFlags: readonly string[],
): Promise<ServerProcess> {
  return inProcess ? startOursHere(db) : startServerProcess('ours', nodeFlags);
}

main().catch((error: unknown) => {
  if (error instanceof PeerUnavailableError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
