import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { cypherName, type NodeLabel, type RelationType } from '../../model/model';
import { FilterCompiler } from '../filter/filter.compiler';
import { asOfPredicate, type AsOfView } from '../time/as-of';
import { modelLabel, plain, type EntityRecord, type RelatedRecord } from './entity.record';

/**
 * Generic reads over the model. Values travel as parameters; relationship types and labels come
 * from the model's constants and are checked against it before they enter a query.
 */

export interface RelationPath {
  type: RelationType;
  /** OUT follows the relationship as stored (from → to); IN walks it backwards. */
  direction: 'OUT' | 'IN';
  /** Restricts the other end to one label. */
  label?: NodeLabel;
}

function checked(path: RelationPath): RelationPath {
  cypherName(path.type);
  if (path.label !== undefined) cypherName(path.label);
  return path;
}

/** The as-of test on a relationship `r` and its far node `m`, day in `$asOfDay`. */
function validOnView(view: AsOfView | null): string {
  if (!view) return 'true';
  return `${asOfPredicate('r', 'asOfDay', view.mode)} AND ${asOfPredicate('m', 'asOfDay', view.mode)}`;
}

function toRecord(key: string, labels: string[], props: Record<string, unknown>): EntityRecord {
  return { key, label: modelLabel(labels), props: plain(props) };
}

/** One query for a batch of keys; the caller re-orders to the keys. */
export async function entitiesByKeys(
  db: Database,
  keys: readonly string[],
): Promise<Map<string, EntityRecord>> {
  const result = await db.executeRead((tx) =>
    tx.run(
      `UNWIND $keys AS key
       MATCH (n:Entity {id: key})
       RETURN key, labels(n) AS labels, properties(n) AS props`,
      { keys },
    ),
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

/**
 * For each key, the relationships of one type and the nodes at their other ends; with a view,
 * only relationships valid on its day whose far node is valid too.
 */
export async function relatedByKeys(
  db: Database,
  path: RelationPath,
  keys: readonly string[],
  view: AsOfView | null = null,
): Promise<Map<string, RelatedRecord[]>> {
  const { type, direction, label } = checked(path);
  const pattern =
    direction === 'OUT'
      ? `-[r:${type}]->(m${label ? `:${label}` : ''})`
      : `<-[r:${type}]-(m${label ? `:${label}` : ''})`;
  const result = await db.executeRead((tx) =>
    tx.run(
      `UNWIND $keys AS key
       MATCH (n:Entity {id: key})${pattern}
       WHERE ${validOnView(view)}
       RETURN key, properties(r) AS rel, m.id AS other, labels(m) AS labels, properties(m) AS props
       ORDER BY key, coalesce(m.name, m.title, m.labelEn, m.id), m.id`,
      { keys, asOfDay: view?.day ?? null },
    ),
  );
  const out = new Map<string, RelatedRecord[]>();
  for (const r of result.records) {
    const key = r.get('key') as string;
    const item: RelatedRecord = {
      rel: plain(r.get('rel') as Record<string, unknown>),
      node: toRecord(
        r.get('other') as string,
        r.get('labels') as string[],
        r.get('props') as Record<string, unknown>,
      ),
    };
    out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
}

export interface RelatedPage {
  items: RelatedRecord[];
  hasNextPage: boolean;
  total: number;
}

/**
 * For each key, one page of a relationship's far ends in key order after `afterKey`, with the
 * total count: paged relation fields of many parents in one query.
 */
export async function relatedPageByKeys(
  db: Database,
  path: RelationPath,
  keys: readonly string[],
  first: number,
  afterKey: string | null,
  view: AsOfView | null = null,
): Promise<Map<string, RelatedPage>> {
  const { type, direction, label } = checked(path);
  const other = `(m${label ? `:${label}` : ''})`;
  const pattern = direction === 'OUT' ? `-[r:${type}]->${other}` : `<-[r:${type}]-${other}`;
  const valid = validOnView(view);
  const result = await db.executeRead((tx) =>
    tx.run(
      `UNWIND $keys AS key
       MATCH (n:Entity {id: key})
       CALL (n) {
         MATCH (n)${pattern}
         WHERE ($after IS NULL OR m.id > $after) AND ${valid}
         WITH r, m ORDER BY m.id LIMIT $limit
         RETURN collect({rel: properties(r), other: m.id, labels: labels(m), props: properties(m)}) AS items
       }
       RETURN key, items, COUNT { MATCH (n)${pattern} WHERE ${valid} } AS total`,
      { keys, after: afterKey, limit: neo4j.int(first + 1), asOfDay: view?.day ?? null },
    ),
  );
  const out = new Map<string, RelatedPage>();
  for (const r of result.records) {
    const raw = r.get('items') as {
      rel: Record<string, unknown>;
      other: string;
      labels: string[];
      props: Record<string, unknown>;
    }[];
    out.set(r.get('key') as string, {
      items: raw
        .slice(0, first)
        .map((x) => ({ rel: plain(x.rel), node: toRecord(x.other, x.labels, x.props) })),
      hasNextPage: raw.length > first,
      total: r.get('total') as number,
    });
  }
  return out;
}

export interface Page {
  /** Each item with its sort value, null when the item has none. */
  records: { record: EntityRecord; sortValue: string | null }[];
  hasNextPage: boolean;
}

/** A list's sort order: a field of the label (from the filter spec, never from input text). */
export interface ListOrder {
  field: string;
  kind: 'string' | 'date';
  direction: 'ASC' | 'DESC';
  /** Direction of the key tie-breaker: ASC, except when a backward page reverses the order. */
  tie?: 'ASC' | 'DESC';
  /** Where items without a value go: LAST in both directions, FIRST when a backward page runs. */
  missing?: 'LAST' | 'FIRST';
}

/** The sort value of `n`: the property (dates by their first possible day), null when missing. */
function sortExpression(order: ListOrder): string {
  if (!/^[A-Za-z]+$/.test(order.field)) throw new Error(`bad order field ${order.field}`);
  const property = order.field === 'key' ? 'id' : order.field;
  return order.kind === 'date' ? `n.${property}Earliest` : `n.${property}`;
}

/**
 * The keyset parts of a page in `order`, over the sort expression `sort` and the unique key
 * expression `id`: the condition that starts the page after a (sort value, key) position, the
 * ORDER BY list and their parameters (`$afterKey`, `$afterValue`). Items without a value come
 * after all others in either direction (like SQL's NULLS LAST): the order is (has no value,
 * value, key), and a cursor's null value stands for "has no value", so paging stays exact across
 * the boundary. Shared by the root lists of nodes and of posts.
 */
export function keysetPage(
  order: ListOrder,
  sort: string,
  id: string,
  after: { value: string | null; key: string } | null,
): { position: string; orderBy: string; params: Record<string, unknown> } {
  const tie = order.tie ?? 'ASC';
  const missingLast = (order.missing ?? 'LAST') === 'LAST';
  const cmp = order.direction === 'ASC' ? '>' : '<';
  const tieCmp = tie === 'ASC' ? '>' : '<';
  const afterValue = order.kind === 'date' ? 'date($afterValue)' : '$afterValue';
  let position = '';
  if (after && after.value === null) {
    // After an item without a value: the rest of those, then (running backwards) the others.
    position = `(${sort} IS NULL AND ${id} ${tieCmp} $afterKey)${missingLast ? '' : ` OR ${sort} IS NOT NULL`}`;
  } else if (after) {
    position = `(${sort} IS NOT NULL AND (${sort} ${cmp} ${afterValue} OR (${sort} = ${afterValue} AND ${id} ${tieCmp} $afterKey)))${missingLast ? ` OR ${sort} IS NULL` : ''}`;
  }
  return {
    position,
    orderBy: `CASE WHEN ${sort} IS NULL THEN 1 ELSE 0 END ${missingLast ? 'ASC' : 'DESC'}, ${sort} ${order.direction}, ${id} ${tie}`,
    params: { afterKey: after?.key ?? null, afterValue: after?.value ?? null },
  };
}

/**
 * One page of a label, filtered by a compiled `where` predicate on `n`, sorted by one field with
 * the key as tie-breaker, starting after a (sort value, key) position: keyset paging, no offsets
 * (see keysetPage for items without a value).
 */
export async function pageOfLabel(
  db: Database,
  label: NodeLabel,
  filter: CompiledFilter,
  order: ListOrder,
  first: number,
  after: { value: string | null; key: string } | null,
): Promise<Page> {
  cypherName(label);
  const params = { ...filter.params, limit: neo4j.int(first + 1) };
  let statement: string;
  if (order.field === 'key' && order.direction === 'ASC' && (order.tie ?? 'ASC') === 'ASC') {
    // The default order reads the Entity(id) index in order and stops at the LIMIT; that needs
    // the Entity label in the pattern, a plain n.id sort and no "$after IS NULL OR" disjunction,
    // so the first page and later pages are two statements.
    statement = `MATCH (n:${label}:Entity)
       WHERE (${filter.predicate})${after ? ' AND n.id > $afterKey' : ''}
       RETURN n.id AS key, labels(n) AS labels, properties(n) AS props, n.id AS sortValue
       ORDER BY n.id
       LIMIT $limit`;
    Object.assign(params, { afterKey: after?.key ?? null });
  } else {
    const sort = sortExpression(order);
    const keyset = keysetPage(order, sort, 'n.id', after);
    statement = `MATCH (n:${label}:Entity)
       WHERE (${filter.predicate})${keyset.position ? ` AND (${keyset.position})` : ''}
       RETURN n.id AS key, labels(n) AS labels, properties(n) AS props, toString(${sort}) AS sortValue
       ORDER BY ${keyset.orderBy}
       LIMIT $limit`;
    Object.assign(params, keyset.params);
  }
  // JavaScript numbers travel as floats; LIMIT takes only an integer (see params.limit).
  const result = await db.executeRead((tx) => tx.run(statement, params));
  const records = result.records.map((r) => ({
    record: toRecord(
      r.get('key') as string,
      r.get('labels') as string[],
      r.get('props') as Record<string, unknown>,
    ),
    sortValue: r.get('sortValue') as string | null,
  }));
  return { records: records.slice(0, first), hasNextPage: records.length > first };
}

export async function countLabel(
  db: Database,
  label: NodeLabel,
  filter: CompiledFilter,
): Promise<number> {
  cypherName(label);
  const result = await db.executeRead((tx) =>
    tx.run(
      `MATCH (n:${label}:Entity) WHERE ${filter.predicate} RETURN count(n) AS count`,
      filter.params,
    ),
  );
  return result.records[0]?.get('count') as number;
}

/** A `where` input compiled to a predicate on the variable `n`, with its parameters. */
export interface CompiledFilter {
  predicate: string;
  params: Record<string, unknown>;
}

/** With a view, only nodes valid on its day pass, and relation filters look at that day too. */
export function compileFilter(
  label: NodeLabel,
  where: Record<string, unknown> | null | undefined,
  view: AsOfView | null = null,
): CompiledFilter {
  const compiler = new FilterCompiler('where', view);
  const predicate = [compiler.compile(where, label, 'n'), ...compiler.validity('n')].join(' AND ');
  return { predicate, params: compiler.params };
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
  const result = await db.executeRead((tx) =>
    tx.run(
      `UNWIND $refs AS ref
       OPTIONAL MATCH (n:Entity {id: ref})
       OPTIONAL MATCH (c:City:Entity {ags: CASE WHEN ref =~ '[0-9]{8}' THEN ref END})
       RETURN ref,
              CASE WHEN n IS NULL THEN null ELSE {labels: labels(n), props: properties(n)} END AS byKey,
              CASE WHEN c IS NULL THEN null ELSE {key: c.id, labels: labels(c), props: properties(c)} END AS byAgs`,
      { refs },
    ),
  );
  const out = new Map<string, RefMatch>();
  for (const r of result.records) {
    const ref = r.get('ref') as string;
    const byKey = r.get('byKey') as { labels: string[]; props: Record<string, unknown> } | null;
    const byAgs = r.get('byAgs') as {
      key: string;
      labels: string[];
      props: Record<string, unknown>;
    } | null;
    out.set(ref, {
      byKey: byKey ? toRecord(ref, byKey.labels, byKey.props) : null,
      byAgs: byAgs ? toRecord(byAgs.key, byAgs.labels, byAgs.props) : null,
    });
  }
  return out;
}
