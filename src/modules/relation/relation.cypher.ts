import neo4j from 'neo4j-driver';
import type { RelationField } from '../../model/relations';
import { FilterCompiler } from '../filter/filter.compiler';
import { afterPosition, orderItems, sortValue, type ListOrder } from '../entity/keyset';
import type { FactView } from '../time/as-of';

/** What one relation field asks for: its far ends, filtered, sorted, limited, after a cursor. */
export interface RelationRead {
  field: RelationField;
  view: FactView | null;
  /** Conditions on the far end (`<Label>Where` or per label). */
  where: Record<string, unknown> | null;
  /** Conditions on the relationship itself (RelationWhere). */
  edge: Record<string, unknown> | null;
  /** null: by name (lists) — connections always have an order, by key unless asked. */
  order: ListOrder | null;
  /** How many items to read at most (a connection reads one more to know about a next page). */
  limit: number | null;
  after: { value: string | null; key: string } | null;
  /** Read the number of all matching items too (a connection's totalCount). */
  count: boolean;
}

/** Cypher for the nested parts of each far node (the planner's subqueries), or none. */
export interface Nested {
  /** What the planner reads below the far node, over its and the relationship variables (e.g. `[[COLLECT {…}, null]]`). */
  planned(far: string): string;
  /** The far node's properties the selection needs, as an expression. */
  props(far: string): string;
  /** The relationship's properties the selection needs (default: all of them; 'null': none). */
  rel?: (relationship: string) => string;
  /**
   * Also list the keys of the documents cited by the relationship (the link's `sources`), by the
   * far node. The documents themselves are read once per row (`documentsByKeys`), not per item.
   */
  documents: { relationship: boolean; node: boolean };
}

/** The relation as Cypher expressions on a bound parent variable, with their parameters. */
export interface RelationCypher {
  /**
   * A list of `[key, labels, props, rel, sortValue, planned, documentKeys]` tuples (read with
   * `itemOf`): lists, not maps, because a national answer holds thousands of items and every map
   * key is one more string for the driver to decode. `labels` is null when the relation reaches
   * one label only.
   */
  items: string;
  /** The number of matching far ends, or `null` when not asked. */
  total: string;
  params: Record<string, unknown>;
}

/** Name order for lists without `orderBy`: what a researcher reads first, key as tie-breaker. */
const BY_NAME = (m: string) => `coalesce(${m}.name, ${m}.title, ${m}.labelEn, ${m}.id), ${m}.id`;

/** The keys of the documents the given nodes and relationships cite, as one list expression. */
export function citedKeys(...holders: string[]): string {
  return holders.map((h) => `coalesce(${h}.sourceIds, [])`).join(' + ');
}

/**
 * The documents whose keys a list expression holds, each once, as `[key, properties]` pairs
 * (`toDocumentRecord`), with the properties `props` projects: every one is a SourceDocument, so
 * no labels travel.
 */
export function documentsByKeys(keys: string, props: (d: string) => string): string {
  return `COLLECT { MATCH (d:SourceDocument:Entity) WHERE d.id IN ${keys} RETURN [d.id, ${props('d')}] }`;
}

/**
 * The relation from `parent` as expressions. Every name the statement uses starts with `prefix`,
 * so relation reads nest inside each other and inside a root list without clashes; every value
 * is a parameter, and labels and types come from the table through the filter compiler.
 */
export function relationCypher(
  read: RelationRead,
  parent: string,
  prefix: string,
  nested: Nested | null = null,
): RelationCypher {
  const { field } = read;
  const compiler = new FilterCompiler('where', read.view, prefix, `${prefix}day`);
  const m = `${prefix}m`;
  const r = `${prefix}r`;
  const spec = { ...field, types: [field.type], targets: field.to, perLabel: field.to.length > 1 };
  const { pattern, scope, rel, steps } = compiler.relationScope(spec, read.edge, parent, m);
  const conditions = [...scope, compiler.farEnd(spec, read.where, m, 0)].filter(
    (c) => c !== 'true',
  );
  const params: Record<string, unknown> = {};
  const position = read.order
    ? afterPosition(read.order, read.after, m, { value: `${prefix}av`, key: `${prefix}ak` })
    : '';
  if (read.after)
    Object.assign(params, { [`${prefix}av`]: read.after.value, [`${prefix}ak`]: read.after.key });
  const where = (extra: string) => {
    const all = [...conditions, ...(extra ? [`(${extra})`] : [])];
    return all.length > 0 ? ` WHERE ${all.join(' AND ')}` : '';
  };
  let limit = '';
  if (read.limit !== null) {
    params[`${prefix}lim`] = neo4j.int(read.limit);
    limit = ` LIMIT $${prefix}lim`;
  }
  const order = read.order ? orderItems(read.order, m) : BY_NAME(m);
  const value = read.order ? sortValue(read.order, m) : 'null';
  const planned = nested ? nested.planned(m) : 'null';
  const props = nested ? nested.props(m) : `properties(${m})`;
  // Only the citations asked for, and only their keys: a document cited by a hundred items of
  // one row travels once, in the row's own list (see the planner's documents).
  const citing = [nested?.documents.relationship && r, nested?.documents.node && m].filter(
    (holder): holder is string => typeof holder === 'string',
  );
  const documents = citing.length > 0 ? citedKeys(...citing) : 'null';
  const relProps = nested?.rel ? nested.rel(r) : `properties(${r})`;
  const labels = field.to.length > 1 ? `labels(${m})` : 'null';
  // A hop over several steps can reach one far end by several paths (a kreisfreie Stadt lies in
  // its Land directly and, once the reference data links it, through the Kreis it forms too): the
  // far end is one item, carrying the relationship of its shortest path (the direct statement).
  // Kept without aggregation (Cypher refuses one inside this subquery): the paths come sorted so
  // that a far end's shortest path is its first, and later ones are dropped before the limit.
  const tieBreak = steps ? `, length(${steps}), ${r}.id` : '';
  const inner = `COLLECT { MATCH ${pattern}${where(position)} WITH ${rel} AS ${r}, ${m}${steps ? `, ${steps}` : ''} ORDER BY ${order}${tieBreak}${steps ? '' : limit} RETURN [${m}.id, ${labels}, ${props}, ${relProps}, ${value}, ${planned}, ${documents}] }`;
  const items = steps
    ? `reduce(${prefix}acc = [], ${prefix}x IN ${inner} | CASE WHEN ${prefix}x[0] IN [${prefix}y IN ${prefix}acc | ${prefix}y[0]] THEN ${prefix}acc ELSE ${prefix}acc + [${prefix}x] END)${read.limit !== null ? `[..$${prefix}lim]` : ''}`
    : inner;
  const counted = steps ? ` WITH DISTINCT ${m} RETURN ${m}` : '';
  const total = read.count ? `COUNT { MATCH ${pattern}${where('')}${counted} }` : 'null';
  return { items, total, params: { ...compiler.params, ...params } };
}
