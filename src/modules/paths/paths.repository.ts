import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { citedDocumentsRead } from '../planner/cited-documents';
import { mapProjection } from '../planner/planner';
import {
  namesOf,
  refColumns,
  refLookup,
  refLookupOf,
  refMatch,
  refMatchOf,
  type RefLookup,
  type RefMatch,
  type RefNames,
} from '../entity/entity.repository';
import { documentMap } from '../relation/relation.repository';
import { READ_ALL_OF_GRAPH, type GraphRead, type NeighbourhoodRead } from './paths.selection';

export interface PathRecord {
  nodes: EntityRecord[];
  relationships: { type: string; startKey: string; props: Record<string, unknown> }[];
}

export const MAX_HOPS = 6;
/** Server-side limit for path and neighbourhood queries. */
export const PATH_TIMEOUT_MS = 5_000;

type RawNode = { key: string; labels: string[]; props: Record<string, unknown> };

const toEntity = (n: RawNode): EntityRecord => ({
  key: n.key,
  label: modelLabel(n.labels),
  props: plain(n.props),
});

const FROM: RefNames = { k: 'fk', c: 'fc', byKey: 'fromByKey', byAgs: 'fromByAgs' };
const TO: RefNames = { k: 'tk', c: 'tc', byKey: 'toByKey', byAgs: 'toByAgs' };

/** What one statement read for `paths`: both ends' matches, and the paths between them. */
export interface PathsAnswer {
  from: RefMatch;
  to: RefMatch;
  /** The keys of the entities the paths were looked for between (see shortestPathsByRefs). */
  searched: { from: string | null; to: string | null };
  paths: PathRecord[];
  /** The documents the paths' steps cite, when asked for. */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/**
 * The shortest paths between the entities two references name, over any relationship in either
 * direction, in one statement with the references' lookup (see node.lookup.ts): the paths run
 * between the entity with each key or else the city with that AGS, which is what the lookup
 * decides whenever it names one entity; the caller decides and reports errors from the matches.
 * No paths when an end is missing or both are one entity. The hop bound must be a literal in
 * Cypher; it is an integer checked to lie in 1…MAX_HOPS. Of the paths it reads what `read` says.
 */
export async function shortestPathsByRefs(
  db: Database,
  refs: { from: string; to: string },
  maxHops: number,
  first: number,
  read: GraphRead = READ_ALL_OF_GRAPH,
): Promise<PathsAnswer> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS)
    throw new Error(`bad maxHops ${maxHops}`);
  const cited = `reduce(acc = [], p IN paths | acc + reduce(own = [], r IN p.rels | own + coalesce(r.props.sourceIds, [])))`;
  const result = await db.readStatement(
    `${refMatch('$from', FROM)}
         ${refMatch('$to', TO)}
         WITH fk, fc, tk, tc, coalesce(fk, fc) AS a, coalesce(tk, tc) AS b
         WITH fk, fc, tk, tc, a, b, CASE WHEN a IS NULL OR b IS NULL OR a = b THEN [] ELSE COLLECT {
           MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
           WITH p LIMIT $first
           RETURN {
             nodes: [n IN nodes(p) | {key: n.id, labels: labels(n), props: ${mapProjection(read.nodes, 'n')}}],
             rels: [r IN relationships(p) | {type: type(r), startKey: startNode(r).id, props: ${mapProjection(read.relationships, 'r')}}]
           }
         } END AS paths
         RETURN ${refColumns(FROM, namesOf)}, ${refColumns(TO, namesOf)}, a.id AS fromKey, b.id AS toKey, paths,
                ${citedDocumentsRead(cited, read.documents)} AS documents`,
    { from: refs.from, to: refs.to, first: neo4j.int(first) },
    { timeoutMs: PATH_TIMEOUT_MS },
  );
  const r = result.records[0]!;
  const found = documentMap(r.get('documents'));
  return {
    from: refMatchOf(refs.from, r, FROM),
    to: refMatchOf(refs.to, r, TO),
    searched: { from: r.get('fromKey') as string | null, to: r.get('toKey') as string | null },
    paths: (r.get('paths') as { nodes: RawNode[]; rels: PathRecord['relationships'] }[]).map(
      (p) => ({
        nodes: p.nodes.map(toEntity),
        relationships: p.rels.map((x) => ({ ...x, props: plain(x.props) })),
      }),
    ),
    ...(found ? { documents: found } : {}),
  };
}

/** What one statement read for `neighbourhood`: the centre's lookup and the graph around it. */
export interface NeighbourhoodAnswer {
  /** What the reference matched (check with keysOfLookup). */
  lookup: RefLookup;
  nodes: EntityRecord[];
  relationships: (PathRecord['relationships'][number] & { endKey: string })[];
  truncated: boolean;
  /** The documents the nodes and relationships cite, when asked for. */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/**
 * The entities within `depth` hops of the entity a reference names and the relationships between
 * them, for a graph view, in one statement with the reference's lookup (refLookup; the caller
 * decides and reports errors with keysOfLookup). Bounded in Cypher: the nodes nearest first (by
 * hops, then key) up to `maxNodes`, then the relationships among them that lie on a walk of at
 * most `depth` hops from the centre (at least one end nearer than `depth`), nearest first (then
 * by type and id) up to `maxEdges`. Shortest paths give each node its distance without enumerating every path;
 * `truncated` says a cap cut something off. Of nodes, relationships and the documents their
 * citations name it reads what `read` says (see neighbourhoodRead), in the same statement.
 */
export async function neighbourhoodByRef(
  db: Database,
  ref: string,
  depth: number,
  caps: { maxNodes: number; maxEdges: number },
  read: NeighbourhoodRead = { ...READ_ALL_OF_GRAPH, citedByNodes: false, citedByEdges: false },
): Promise<NeighbourhoodAnswer> {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`bad depth ${depth}`);
  const citedBy = (list: string, asked: boolean) =>
    asked ? [`reduce(acc = [], x IN ${list} | acc + coalesce(x.sourceIds, []))`] : [];
  const cited = [...citedBy('nodes', read.citedByNodes), ...citedBy('rels', read.citedByEdges)];
  const result = await db.readStatement(
    `CALL () {
           ${refLookup('[$ref]')}
         }
         OPTIONAL MATCH (a:Entity) WHERE a.id IN keys
         WITH lookup, a, CASE WHEN a IS NULL THEN [] ELSE COLLECT {
           MATCH p = ANY SHORTEST (a)-[]-{0,${depth}}(n:Entity)
           WITH n, length(p) AS d
           ORDER BY d, n.id
           LIMIT $maxNodes + 1
           RETURN [n, d]
         } END AS found
         WITH lookup, [f IN found[..$maxNodes] | f[0]] AS nodes,
              [f IN found[..$maxNodes] | f[1]] AS distances, size(found) > $maxNodes AS nodesCut
         WITH lookup, nodes, nodesCut, COLLECT {
           UNWIND range(0, size(nodes) - 1) AS i
           WITH nodes, nodes[i] AS u, distances[i] AS du
           WHERE du < ${depth}
           MATCH (u)-[r]-(v)
           WHERE v IN nodes
           WITH r, min(du) AS dr
           ORDER BY dr, type(r), r.id
           LIMIT $maxEdges + 1
           RETURN r
         } AS found
         WITH lookup, nodes, found[..$maxEdges] AS rels, nodesCut OR size(found) > $maxEdges AS truncated
         RETURN lookup, truncated,
                [n IN nodes | {key: n.id, labels: labels(n), props: ${mapProjection(read.nodes, 'n')}}] AS nodes,
                [r IN rels | {type: type(r), startKey: startNode(r).id, endKey: endNode(r).id, props: ${mapProjection(read.relationships, 'r')}}] AS rels,
                ${citedDocumentsRead(`(${cited.join(' + ')})`, cited.length > 0 && read.documents)} AS documents`,
    { ref, maxNodes: neo4j.int(caps.maxNodes), maxEdges: neo4j.int(caps.maxEdges) },
    { timeoutMs: PATH_TIMEOUT_MS },
  );
  const record = result.records[0]!;
  const found = documentMap(record.get('documents'));
  return {
    lookup: refLookupOf(record.get('lookup')),
    truncated: record.get('truncated') as boolean,
    nodes: (record.get('nodes') as RawNode[]).map(toEntity),
    relationships: (
      record.get('rels') as (PathRecord['relationships'][number] & { endKey: string })[]
    ).map((x) => ({
      ...x,
      props: plain(x.props),
    })),
    ...(found ? { documents: found } : {}),
  };
}
