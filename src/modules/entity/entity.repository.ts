import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { cypherName, type NodeLabel } from '../../model/model';
import { FilterCompiler } from '../filter/filter.compiler';
import type { FactView } from '../time/as-of';
import { afterPosition, isKeyOrder, orderItems, sortValue, type ListOrder } from './keyset';
import { modelLabel, NAME_PROPERTIES, plain, type EntityRecord } from './entity.record';

/**
 * Generic reads over the model. Values travel as parameters; relationship types and labels come
 * from the model's constants and are checked against it before they enter a query.
 */

export function toRecord(
  key: string,
  labels: string[],
  props: Record<string, unknown>,
): EntityRecord {
  return { key, label: modelLabel(labels), props: plain(props) };
}

/** One query for a batch of keys; the caller re-orders to the keys. */
export async function entitiesByKeys(
  db: Database,
  keys: readonly string[],
): Promise<Map<string, EntityRecord>> {
  const result = await db.readStatement(
    `UNWIND $keys AS key
       MATCH (n:Entity {id: key})
       RETURN key, labels(n) AS labels, properties(n) AS props`,
    { keys },
  );
  const out = new Map<string, EntityRecord>();
  for (const r of result.records) {
    out.set(
      r.get('key') as string,
      toRecord(
        r.get('key') as string,
        r.get('labels') as string[],
        r.get('props') as Record<string, unknown>,
      ),
    );
  }
  return out;
}

export interface Page {
  /** Each item with its sort value (null when it has none) and what the projection read. */
  records: {
    record: EntityRecord;
    sortValue: string | null;
    planned: unknown;
    documents: unknown;
  }[];
  hasNextPage: boolean;
  /** The number of all matching nodes, when the projection asked for it. */
  total: number | null;
}

/** One node of a page as the statement returns it: key, labels, properties, sort value, planned, documents. */
type PageRow = [string, string[], Record<string, unknown>, string | null, unknown, unknown];

/** What a root list reads besides each node: the planner's subqueries and cited documents. */
export interface Projection {
  /** The node's properties as an expression on `n`. */
  props: string;
  planned: string;
  /** The cited documents read with it, as an expression that may use `planned` (its value). */
  documents: string;
  params: Record<string, unknown>;
  /** Count all matching nodes in the same statement. */
  count?: boolean;
}

export const NO_PROJECTION: Projection = {
  props: 'properties(n)',
  planned: 'null',
  documents: 'null',
  params: {},
};

/**
 * One page of a label, filtered by a compiled `where` predicate on `n`, sorted by one field with
 * the key as tie-breaker, starting after a (sort value, key) position: keyset paging, no offsets
 * (see keyset.ts). The default key order reads the Entity(id) index in order and stops at the
 * LIMIT; that needs the Entity label in the pattern, a plain n.id sort, a predicate on n.id
 * (`IS NOT NULL` on the first page, `> $afterKey` on later ones) and no "$after IS NULL OR"
 * disjunction, so the first page and later pages are two statements. A filter with an anchor
 * starts from its pinned node instead and sorts the candidates that pass.
 */
export async function pageOfLabel(
  db: Database,
  label: NodeLabel,
  filter: CompiledFilter,
  order: ListOrder,
  first: number,
  after: { value: string | null; key: string } | null,
  projection: Projection = NO_PROJECTION,
): Promise<Page> {
  cypherName(label);
  const position = afterPosition(order, after, 'n', { value: 'afterValue', key: 'afterKey' });
  // JavaScript numbers travel as floats; LIMIT takes only an integer.
  const params = {
    ...filter.params,
    ...projection.params,
    limit: neo4j.int(first + 1),
    afterKey: after?.key ?? null,
    afterValue: after?.value ?? null,
  };
  // "n.id IS NOT NULL" lets the planner read the first page of the key order from the Entity(id)
  // index in order and stop at the LIMIT; without it, it scans the label and sorts every match
  // (orgUnits with a nested filter on the national graph: 1 s instead of 16 ms).
  const inKeyOrder = isKeyOrder(order) && !position ? ' AND n.id IS NOT NULL' : '';
  // The page travels as one row holding a list of positional rows: a Bolt record per node costs
  // the driver a Record object, a field lookup per column and its observer calls (on a 100-node
  // page, a third of the Node process's time spent reading the answer).
  const page = `${matchFiltered(label, filter)}${inKeyOrder}${position ? ` AND (${position})` : ''}
       WITH n ORDER BY ${orderItems(order, 'n')} LIMIT $limit
       WITH n, ${projection.planned} AS planned
       RETURN collect([n.id, labels(n), ${projection.props}, ${sortValue(order, 'n')},
                       planned, ${projection.documents}]) AS rows`;
  // An aggregation without grouping keys always gives one row, even of no match. The count and
  // the page are subqueries of their own for that reason: a page past the last match still
  // carries the count (a count carried through the page's rows would group them, and give none).
  const statement = projection.count
    ? `CALL () { ${matchFiltered(label, filter)} RETURN count(n) AS total }
       CALL () { ${page} }
       RETURN rows, total`
    : page;
  const result = await db.readStatement(statement, params);
  const row = result.records[0]!;
  const records = (row.get('rows') as PageRow[]).map(
    ([key, labels, props, sortValue, planned, documents]) => ({
      record: toRecord(key, labels, props),
      sortValue,
      planned,
      documents,
    }),
  );
  const counted = projection.count ? (row.get('total') as number) : null;
  return {
    records: records.slice(0, first),
    hasNextPage: records.length > first,
    total: counted,
  };
}

export async function countLabel(
  db: Database,
  label: NodeLabel,
  filter: CompiledFilter,
): Promise<number> {
  cypherName(label);
  const result = await db.readStatement(
    `${matchFiltered(label, filter)} RETURN count(n) AS count`,
    filter.params,
  );
  return result.records[0]?.get('count') as number;
}

/** A `where` input compiled to a predicate on the variable `n`, with its parameters. */
export interface CompiledFilter {
  predicate: string;
  params: Record<string, unknown>;
  /**
   * Where to start instead of scanning the label, when a condition pins a related node by its
   * key (see FilterCompiler.anchor): MATCH clauses that bind `n` to candidates (a superset of the
   * matches, possibly repeated), and the predicate the candidates must still meet.
   */
  anchor?: { match: string; predicate: string };
}

/** With a view, only nodes valid on its day pass, and relation filters look at that day too. */
export function compileFilter(
  label: NodeLabel,
  where: Record<string, unknown> | null | undefined,
  view: FactView | null = null,
): CompiledFilter {
  const compiler = new FilterCompiler('where', view);
  const validity = compiler.validity('n');
  const predicate = [compiler.compile(where, label, 'n'), ...validity].join(' AND ');
  const anchor = compiler.anchor(where, label, 'n');
  if (!anchor) return { predicate, params: compiler.params };
  // The condition the clauses stand for exactly need not be tested again on each candidate.
  const rest = anchor.exact ? { ...where, [anchor.entry]: undefined } : where;
  const remaining = [compiler.compile(rest, label, 'n'), ...validity].join(' AND ');
  return {
    predicate,
    params: compiler.params,
    anchor: { match: anchor.match, predicate: remaining },
  };
}

/**
 * The start of a statement over the nodes of `label` that meet a filter, binding `n`: a label
 * scan with the predicate, or the filter's anchor and the remaining predicate.
 */
function matchFiltered(label: NodeLabel, filter: CompiledFilter): string {
  if (!filter.anchor) return `MATCH (n:${label}:Entity) WHERE (${filter.predicate})`;
  return `${filter.anchor.match}
       WITH DISTINCT n WHERE n:${label}:Entity AND (${filter.anchor.predicate})`;
}

/** What one typed reference names: the entity with that key, and the city with that AGS. */
export interface RefMatch {
  byKey: EntityRecord | null;
  byAgs: EntityRecord | null;
}

/**
 * For a batch of references (readable keys; eight digits are tried as a city's AGS as well), the
 * entity with that key and the city with that AGS, in one query over the Entity(id) and
 * City(ags) indexes; the caller decides what the pair means (see node.lookup.ts).
 */
export async function entitiesByRefs(
  db: Database,
  refs: readonly string[],
): Promise<Map<string, RefMatch>> {
  const result = await db.readStatement(
    `UNWIND $refs AS ref ${refMatch('ref')} RETURN ref, ${REF_COLUMNS}`,
    { refs },
  );
  const out = new Map<string, RefMatch>();
  for (const r of result.records) {
    const ref = r.get('ref') as string;
    out.set(ref, refMatchOf(ref, r));
  }
  return out;
}

/** The variables and columns of one reference's match in a statement (several may share one). */
export interface RefNames {
  /** The entity with the key. */
  k: string;
  /** The city with the AGS. */
  c: string;
  byKey: string;
  byAgs: string;
}

const REF: RefNames = { k: 'k', c: 'c', byKey: 'byKey', byAgs: 'byAgs' };

/** The entity with the key `ref` as `k`, the city with that AGS (eight digits) as `c`. */
export function refMatch(ref: string, v: RefNames = REF): string {
  return `OPTIONAL MATCH (${v.k}:Entity {id: ${ref}})
       OPTIONAL MATCH (${v.c}:City:Entity {ags: CASE WHEN ${ref} =~ '[0-9]{8}' THEN ${ref} END})`;
}

/**
 * What the id rule and its messages read of a match that only decides what a reference names:
 * the properties that show an entity's name (see node.lookup.ts).
 */
export const namesOf = (n: string) => `${n} {${NAME_PROPERTIES.map((p) => `.${p}`).join(', ')}}`;

/**
 * The columns refMatchOf reads: both matches with their labels and properties (all of them, or
 * what `props` projects of the variable it is given).
 */
export function refColumns(
  v: RefNames = REF,
  props: (n: string) => string = (n) => `properties(${n})`,
): string {
  return `CASE WHEN ${v.k} IS NULL THEN null ELSE {labels: labels(${v.k}), props: ${props(v.k)}} END AS ${v.byKey},
       CASE WHEN ${v.c} IS NULL THEN null ELSE {key: ${v.c}.id, labels: labels(${v.c}), props: ${props(v.c)}} END AS ${v.byAgs}`;
}

const REF_COLUMNS = refColumns();

export function refMatchOf(
  ref: string,
  r: { get(key: string): unknown },
  v: RefNames = REF,
): RefMatch {
  const byKey = r.get(v.byKey) as { labels: string[]; props: Record<string, unknown> } | null;
  const byAgs = r.get(v.byAgs) as {
    key: string;
    labels: string[];
    props: Record<string, unknown>;
  } | null;
  return {
    byKey: byKey ? toRecord(ref, byKey.labels, byKey.props) : null,
    byAgs: byAgs ? toRecord(byAgs.key, byAgs.labels, byAgs.props) : null,
  };
}

/** What each reference of a list matched, by reference, and the key a statement went on with. */
export type RefLookup = ReadonlyMap<string, { match: RefMatch; used: string | null }>;

/**
 * The body of a subquery that looks up the references a list expression holds, for a statement
 * that reads what they name in the same round trip: `lookup` (read with refLookupOf) and `keys`,
 * the key of what each reference names by the statement's rule — the entity with the key, else
 * the city with that AGS, which is the lookup's rule whenever a reference names one entity (the
 * caller checks with keysOfLookup).
 */
export function refLookup(refs: string): string {
  return `UNWIND ${refs} AS ref
       ${refMatch('ref')}
       WITH ref, ${refColumns(REF, namesOf)}, coalesce(k, c).id AS used
       RETURN collect({ref: ref, byKey: byKey, byAgs: byAgs, used: used}) AS lookup,
              collect(used) AS keys`;
}

type LookupRow = { ref: string; byKey: unknown; byAgs: unknown; used: string | null };

export function refLookupOf(raw: unknown): RefLookup {
  const out = new Map<string, { match: RefMatch; used: string | null }>();
  for (const row of raw as LookupRow[]) {
    const get = (key: string) => row[key as 'byKey' | 'byAgs'];
    out.set(row.ref, { match: refMatchOf(row.ref, { get }), used: row.used });
  }
  return out;
}

/** One reference's match, with what a projection read on the entity it most likely names. */
export interface ProjectedMatch {
  match: RefMatch;
  /** Key of the entity the projection ran on: the one with the key, else the city with the AGS. */
  projectedKey: string | null;
  planned: unknown;
  documents: unknown;
}

/**
 * One reference as entitiesByRefs reads it, and in the same statement the planner's projection
 * on the entity it names (`node(id:)` in one round trip); when the key and the AGS name two
 * entities the caller refuses the input and the projection is not used.
 */
export async function entityByRefProjected(
  db: Database,
  ref: string,
  projection: Projection,
): Promise<ProjectedMatch> {
  const result = await db.readStatement(
    `${refMatch('$ref')}
       WITH k, c, coalesce(k, c) AS n
       WITH k, c, n, CASE WHEN n IS NULL THEN null ELSE ${projection.planned} END AS planned
       RETURN ${REF_COLUMNS}, n.id AS projectedKey, planned,
              CASE WHEN n IS NULL THEN null ELSE ${projection.documents} END AS documents`,
    { ...projection.params, ref },
  );
  const r = result.records[0]!;
  return {
    match: refMatchOf(ref, r),
    projectedKey: r.get('projectedKey') as string | null,
    planned: r.get('planned') as unknown,
    documents: r.get('documents') as unknown,
  };
}
