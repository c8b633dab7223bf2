import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { cypherName, NODE_LABELS, type NodeLabel, type RelationType } from '../../model/model';
import { modelLabel, plain } from '../entity/entity.record';

/**
 * All Cypher of the exports. Values travel as parameters; labels and relationship types come from
 * the model and pass `cypherName` before they are spliced in. Bulk reads are keyset pages over
 * the unique `id` of nodes (the `Entity(id)` index) and of relationships (one index per type),
 * so an export never holds more than one batch and each page starts where the last one ended.
 */

export interface ExportNode {
  key: string;
  label: NodeLabel;
  /** Stored properties; dates as ISO strings. */
  props: Record<string, unknown>;
}

export interface ExportRelation {
  id: string;
  type: RelationType;
  from: string;
  fromLabel: NodeLabel;
  to: string;
  toLabel: NodeLabel;
  props: Record<string, unknown>;
}

export interface FileStats {
  rows: number;
  /** Most citations on one element: the number of source column pairs in the CSV. */
  maxSources: number;
}

/**
 * An element's properties with when it last changed and who changed it: curation's stamp on a
 * curated element, else the last import of its dataset (every import rewrites its elements).
 */
function stamped(v: string): string {
  return `${v} {.*,
       changedAt: toString(coalesce(${v}.changedAt, head(COLLECT { MATCH (d:Dataset {name: ${v}.dataset}) RETURN d.importedAt }))),
       changedBy: coalesce(${v}.changedBy, 'import:' + ${v}.dataset)}`;
}

type RawNode = { key: string; labels: string[]; props: Record<string, unknown> };
type RawRelation = {
  id: string;
  type: RelationType;
  from: string;
  fromLabels: string[];
  to: string;
  toLabels: string[];
  props: Record<string, unknown>;
};

const toNode = (n: RawNode): ExportNode => ({
  key: n.key,
  label: modelLabel(n.labels),
  props: plain(n.props),
});

const toRelation = (r: RawRelation): ExportRelation => ({
  id: r.id,
  type: r.type,
  from: r.from,
  fromLabel: modelLabel(r.fromLabels),
  to: r.to,
  toLabel: modelLabel(r.toLabels),
  props: plain(r.props),
});

/** The next `limit` nodes of a label with a key greater than `afterKey` ('' for the first page). */
export async function nodeBatch(
  db: Database,
  label: NodeLabel,
  afterKey: string,
  limit: number,
): Promise<ExportNode[]> {
  // Matching `:Label:Entity` lets the planner walk the Entity(id) index in order and stop at the
  // limit, instead of scanning and sorting the label on every page.
  const result = await db.readStatement(
    `MATCH (n:${cypherName(label)}:Entity)
       WHERE n.id > $after
       RETURN n.id AS key, labels(n) AS labels, ${stamped('n')} AS props
       ORDER BY n.id
       LIMIT $limit`,
    { after: afterKey, limit: neo4j.int(limit) },
  );
  return result.records.map((r) => toNode(r.toObject() as RawNode));
}

/** The next `limit` relationships of a type with an id greater than `afterId`. */
export async function relationBatch(
  db: Database,
  type: RelationType,
  afterId: string,
  limit: number,
): Promise<ExportRelation[]> {
  const result = await db.readStatement(
    `MATCH (a:Entity)-[r:${cypherName(type)}]->(b:Entity)
       WHERE r.id > $after
       RETURN r.id AS id, type(r) AS type, a.id AS from, labels(a) AS fromLabels,
              b.id AS to, labels(b) AS toLabels, ${stamped('r')} AS props
       ORDER BY r.id
       LIMIT $limit`,
    { after: afterId, limit: neo4j.int(limit) },
  );
  return result.records.map((r) => toRelation(r.toObject() as RawRelation));
}

export async function nodeFileStats(db: Database, label: NodeLabel): Promise<FileStats> {
  const result = await db.readStatement(`MATCH (n:${cypherName(label)}:Entity)
       RETURN count(n) AS rows, coalesce(max(size(n.sourceIds)), 0) AS maxSources`);
  return result.records[0]!.toObject() as FileStats;
}

export async function relationFileStats(db: Database, type: RelationType): Promise<FileStats> {
  const result = await db.readStatement(
    // Between entities, as relationBatch reads them: relationships an import has staged
    // between its not yet live nodes are not the graph's (README "Importing at scale").
    `MATCH (:Entity)-[r:${cypherName(type)}]->(:Entity)
       RETURN count(r) AS rows, coalesce(max(size(r.sourceIds)), 0) AS maxSources`,
  );
  return result.records[0]!.toObject() as FileStats;
}

/**
 * The keys of a city's subgraph. Around the city: the county and state it lies in, its units
 * and districts; the programmes the city or its units take part in, run, coordinate, implement or
 * decided, and those targeting its districts ("local" programmes), plus the programmes these are
 * part of or contribute to; the people in posts or affiliations with the city or its units, to
 * whom units report, who decided, signed or shaped a local programme, or spoke at its events;
 * the events of local programmes and their venues; funders and runners of all its programmes;
 * organisations operating or cooperating with its units; the themes addressed by any of them
 * with their broader themes. Cited documents are added by `citySubgraph`.
 */
async function citySubgraphKeys(tx: ManagedTransaction, cityKey: string): Promise<string[]> {
  const result = await tx.run(
    `MATCH (c:City:Entity {id: $key})
     WITH c,
          COLLECT { MATCH (c)-[:LOCATED_IN*1..3]->(t:Entity) RETURN DISTINCT t } AS territory,
          COLLECT { MATCH (u:OrgUnit)-[:BELONGS_TO]->(c) RETURN DISTINCT u } AS units,
          COLLECT { MATCH (d:District)-[:LOCATED_IN]->(c) RETURN DISTINCT d } AS districts
     WITH c, territory, units, districts, [c] + units AS bodies
     WITH c, territory, units, districts, bodies,
          COLLECT {
            UNWIND bodies AS b
            MATCH (b)-[:PARTICIPATES_IN|RUNS|COORDINATES|IMPLEMENTS|DECIDED]->(g:Programme)
            RETURN g
            UNION
            UNWIND districts AS d
            MATCH (g:Programme)-[:TARGETS]->(d)
            RETURN g
          } AS local
     WITH c, territory, units, districts, bodies, local,
          local + COLLECT {
            UNWIND local AS g
            MATCH (g)-[:PART_OF|CONTRIBUTES_TO]->(p:Programme)
            RETURN DISTINCT p
          } AS programmes
     WITH c, territory, units, districts, bodies, local, programmes,
          COLLECT {
            UNWIND local AS g
            MATCH (e:Event)-[:PART_OF|CONTRIBUTES_TO]->(g)
            RETURN DISTINCT e
          } AS events
     WITH c, territory, units, districts, bodies, local, programmes, events,
          COLLECT { UNWIND events AS e MATCH (e)-[:HELD_AT]->(v:Venue) RETURN DISTINCT v } AS venues,
          COLLECT {
            UNWIND bodies AS b
            MATCH (p:Person)-[:HOLDS_POST|AFFILIATED_WITH]->(b)
            RETURN p
            UNION
            UNWIND units AS u
            MATCH (u)-[:REPORTS_TO]->(p:Person)
            RETURN p
            UNION
            UNWIND bodies + local AS x
            MATCH (p:Person)-[:DECIDED|SIGNED|CONTRIBUTED_TO]->(x)
            RETURN p
            UNION
            UNWIND events AS e
            MATCH (p:Person)-[:SPOKE_AT]->(e)
            RETURN p
          } AS people,
          COLLECT {
            UNWIND programmes AS g
            MATCH (o:Organisation)-[:FUNDS|RUNS]->(g)
            RETURN o
            UNION
            UNWIND units AS u
            MATCH (o:Organisation)-[:OPERATES|COOPERATES_WITH]-(u)
            RETURN o
          } AS organisations
     WITH c, territory, units, districts, programmes, events, venues, people, organisations,
          COLLECT {
            UNWIND units + local + events + organisations AS x
            MATCH (x)-[:ADDRESSES]->(:Theme)-[:BROADER*0..]->(t:Theme)
            RETURN DISTINCT t
          } AS themes
     UNWIND [c] + territory + units + districts + programmes + events + venues + people
            + organisations + themes AS n
     RETURN collect(DISTINCT n.id) AS keys`,
    { key: cityKey },
  );
  return (result.records[0]?.get('keys') as string[] | undefined) ?? [];
}

async function nodesByKeys(tx: ManagedTransaction, keys: string[]): Promise<ExportNode[]> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (n:Entity {id: key})
     RETURN n.id AS key, labels(n) AS labels, ${stamped('n')} AS props`,
    { keys },
  );
  return result.records.map((r) => toNode(r.toObject() as RawNode));
}

async function relationsAmong(tx: ManagedTransaction, keys: string[]): Promise<ExportRelation[]> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (a:Entity {id: key})-[r]->(b:Entity)
     WHERE b.id IN $keys
     RETURN r.id AS id, type(r) AS type, a.id AS from, labels(a) AS fromLabels,
            b.id AS to, labels(b) AS toLabels, ${stamped('r')} AS props`,
    { keys },
  );
  return result.records.map((r) => toRelation(r.toObject() as RawRelation));
}

/**
 * One city's subgraph (see `citySubgraphKeys`) with every relationship among its nodes and the
 * source documents all of them cite, read in one transaction so it is one consistent snapshot.
 * A city's subgraph is small, so it is read at once rather than paged.
 */
export async function citySubgraph(
  db: Database,
  cityKey: string,
): Promise<{ nodes: ExportNode[]; relations: ExportRelation[] }> {
  return db.executeRead(async (tx) => {
    const keys = await citySubgraphKeys(tx, cityKey);
    const nodes = await nodesByKeys(tx, keys);
    const relations = await relationsAmong(tx, keys);
    // Documents cite themselves or the source catalogue, so the closure takes at most two rounds.
    const have = new Set(keys);
    let cited = citedDocuments([...nodes, ...relations], have);
    while (cited.length > 0) {
      const documents = await nodesByKeys(tx, cited);
      for (const d of documents) have.add(d.key);
      nodes.push(...documents);
      cited = citedDocuments(documents, have);
    }
    nodes.sort(byLabelThenKey);
    relations.sort((a, b) => compare(a.type, b.type) || compare(a.id, b.id));
    return { nodes, relations };
  });
}

function citedDocuments(elements: { props: Record<string, unknown> }[], have: Set<string>) {
  const out = new Set<string>();
  for (const e of elements) {
    for (const id of (e.props.sourceIds as string[] | undefined) ?? []) {
      if (!have.has(id)) out.add(id);
    }
  }
  return [...out];
}

const LABEL_ORDER = new Map(NODE_LABELS.map((l, i) => [l, i]));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byLabelThenKey = (a: ExportNode, b: ExportNode) =>
  (LABEL_ORDER.get(a.label) ?? 0) - (LABEL_ORDER.get(b.label) ?? 0) || compare(a.key, b.key);
