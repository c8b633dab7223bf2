/**
 * Sorting and keyset positions, shared by root lists and relation fields: one field with the key
 * as tie-breaker, items without a value after all others in either direction (like SQL's NULLS
 * LAST). A cursor's null value stands for "has no value", so paging stays exact across the
 * boundary.
 */

/** A sort order: a field of the label (from the filter spec, never from input text). */
export interface ListOrder {
  field: string;
  kind: 'string' | 'date';
  direction: 'ASC' | 'DESC';
  /** Direction of the key tie-breaker: ASC, except when a backward page reverses the order. */
  tie?: 'ASC' | 'DESC';
  /** Where items without a value go: LAST in both directions, FIRST when a backward page runs. */
  missing?: 'LAST' | 'FIRST';
}

export const KEY_ORDER: ListOrder = { field: 'key', kind: 'string', direction: 'ASC' };

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad Cypher name ${name}`);
  return name;
}

/** The sort value of `v`: the property (dates by their first possible day), null when missing. */
export function sortExpression(order: ListOrder, v: string): string {
  const property = order.field === 'key' ? 'id' : checkedName(order.field);
  return order.kind === 'date'
    ? `${checkedName(v)}.${property}Earliest`
    : `${checkedName(v)}.${property}`;
}

/** True for the plain key order, which an index on the key serves directly. */
export function isKeyOrder(order: ListOrder): boolean {
  return order.field === 'key' && order.direction === 'ASC' && (order.tie ?? 'ASC') === 'ASC';
}

/** ORDER BY (has no value, value, key) for any sort and key expressions. */
function orderBy(order: ListOrder, sort: string, id: string): string {
  const missingLast = (order.missing ?? 'LAST') === 'LAST';
  return `CASE WHEN ${sort} IS NULL THEN 1 ELSE 0 END ${missingLast ? 'ASC' : 'DESC'}, ${sort} ${order.direction}, ${id} ${order.tie ?? 'ASC'}`;
}

/** The items after a (sort value, key) position, for any sort and key expressions. */
function position(
  order: ListOrder,
  after: { value: string | null; key: string },
  sort: string,
  id: string,
  params: { value: string; key: string },
): string {
  const key = `$${checkedName(params.key)}`;
  const missingLast = (order.missing ?? 'LAST') === 'LAST';
  const cmp = order.direction === 'ASC' ? '>' : '<';
  const tieCmp = (order.tie ?? 'ASC') === 'ASC' ? '>' : '<';
  const value =
    order.kind === 'date' ? `date($${checkedName(params.value)})` : `$${checkedName(params.value)}`;
  if (after.value === null) {
    // After an item without a value: the rest of those, then (running backwards) the others.
    return `(${sort} IS NULL AND ${id} ${tieCmp} ${key})${missingLast ? '' : ` OR ${sort} IS NOT NULL`}`;
  }
  return `(${sort} IS NOT NULL AND (${sort} ${cmp} ${value} OR (${sort} = ${value} AND ${id} ${tieCmp} ${key})))${missingLast ? ` OR ${sort} IS NULL` : ''}`;
}

/** The ORDER BY items of a node variable's order. */
export function orderItems(order: ListOrder, v: string): string {
  if (isKeyOrder(order)) return `${checkedName(v)}.id`;
  return orderBy(order, sortExpression(order, v), `${v}.id`);
}

/**
 * The items of a node variable after a (sort value, key) position, with the values in the named
 * parameters; an empty string when there is no position.
 */
export function afterPosition(
  order: ListOrder,
  after: { value: string | null; key: string } | null,
  v: string,
  params: { value: string; key: string },
): string {
  if (!after) return '';
  if (isKeyOrder(order)) return `${checkedName(v)}.id > $${checkedName(params.key)}`;
  return position(order, after, sortExpression(order, v), `${v}.id`, params);
}

/**
 * Keyset paging over any sort and key expressions (a relationship's property, say), with the
 * position in `$afterValue`/`$afterKey`.
 */
export function keysetPage(
  order: ListOrder,
  sort: string,
  id: string,
  after: { value: string | null; key: string } | null,
): { position: string; orderBy: string; params: Record<string, unknown> } {
  return {
    position: after
      ? position(order, after, sort, id, { value: 'afterValue', key: 'afterKey' })
      : '',
    orderBy: orderBy(order, sort, id),
    params: { afterKey: after?.key ?? null, afterValue: after?.value ?? null },
  };
}

/** The sort value as the cursor carries it. */
export function sortValue(order: ListOrder, v: string): string {
  return isKeyOrder(order) ? `${checkedName(v)}.id` : `toString(${sortExpression(order, v)})`;
}
