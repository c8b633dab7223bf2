import type { ClassType } from 'type-graphql';
import type { NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { isDay } from '../../common/day';
import { BadUserInputError } from '../../common/graphql-errors';
import {
  compileFilter,
  countLabel,
  pageOfLabel,
  type ListOrder,
  type RelationPath,
} from '../entity/entity.repository';
import type { ListArgs } from '../filter/list-args';
import { orderFields } from '../filter/order.inputs';
import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  makeConnection,
  type Connection,
  type CursorPosition,
} from './connection.type';
import { toLink, type Link } from './link.type';
import type { RelatedRecord } from '../entity/entity.record';
import { viewOf, type AsOfView } from '../time/as-of';
import type { AsOfArgs } from '../time/as-of.args';
import { toObject } from './node.registry';
import type { EntityObject } from './entity-object';

/** Where a page of a root list starts and how long it is, from its Relay arguments. */
export interface PageRequest {
  /** `last`/`before`: the page runs the order reversed and is flipped back. */
  backward: boolean;
  size: number;
  position: CursorPosition | null;
}

/**
 * Checks the Relay arguments of a root list (first/after forward, last/before backward, not
 * mixed) and decodes the cursor against the list's order name; BAD_USER_INPUT naming the argument
 * otherwise. Shared by every root list.
 */
export function pageRequest(
  args: Pick<ListArgs, 'first' | 'after' | 'last' | 'before'>,
  orderName: string,
  kind: 'string' | 'date',
): PageRequest {
  const backward = args.last !== undefined && args.last !== null;
  if (backward && args.first !== undefined && args.first !== null) {
    throw new BadUserInputError('give either first or last, not both', 'last');
  }
  if (!backward && args.before) throw new BadUserInputError('before goes with last', 'before');
  if (backward && args.after) throw new BadUserInputError('after goes with first', 'after');
  const size = backward ? checkPageSize(args.last, 'last') : checkPageSize(args.first);
  const cursorArg = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  const position = cursor
    ? decodeCursor(cursor, cursorArg, orderName, kind === 'date' ? isDay : undefined)
    : null;
  return { backward, size, position };
}

/** The order a backward page runs in: reversed, ties and missing values too. */
export function reversed(order: ListOrder): ListOrder {
  return {
    ...order,
    direction: order.direction === 'ASC' ? 'DESC' : 'ASC',
    tie: 'DESC',
    missing: 'FIRST',
  };
}

/**
 * One page of a root list: filtered, sorted, after a cursor (`first`/`after`) or before one
 * (`last`/`before`). A backward page runs the order reversed and is flipped back, so its cursors
 * are those of the forward order and work with `after` as well.
 */
export async function listOf<T extends EntityObject>(
  ctx: Context,
  label: NodeLabel,
  type: ClassType<T>,
  args: ListArgs,
): Promise<Connection<T>> {
  const order = listOrder(
    label,
    args.orderBy as { field: string; direction: 'ASC' | 'DESC' } | undefined,
  );
  // The label is part of the order's name, so a cursor of another list is refused, not misread.
  const orderName = `${label}:${order.field}:${order.direction}`;
  const { backward, size, position } = pageRequest(args, orderName, order.kind);
  const view = viewOf(args);
  const filter = compileFilter(label, args.where as Record<string, unknown> | undefined, view);
  const runOrder: ListOrder = backward ? reversed(order) : order;
  const page = await pageOfLabel(ctx.db, label, filter, runOrder, size, position);
  const records = backward ? [...page.records].reverse() : page.records;
  return makeConnection(
    type,
    records.map(({ record, sortValue }) => ({
      node: toObject({ ...record, view }) as T,
      cursor: encodeCursor({ order: orderName, value: sortValue, key: record.key }),
    })),
    backward ? position !== null : page.hasNextPage,
    backward ? page.hasNextPage : position !== null,
    () => countLabel(ctx.db, label, filter),
  );
}

function listOrder(
  label: NodeLabel,
  orderBy: { field: string; direction: 'ASC' | 'DESC' } | undefined,
): ListOrder {
  if (!orderBy) return { field: 'key', kind: 'string', direction: 'ASC' };
  const field = orderFields(label).find((f) => f.name === orderBy.field);
  if (!field) throw new BadUserInputError(`cannot sort ${label} by ${orderBy.field}`, 'orderBy');
  return { field: field.name, kind: field.kind, direction: orderBy.direction };
}

/** Where a relation field starts: the parent's key and the as-of view that applies. */
export interface Scope {
  key: string;
  view: AsOfView | null;
}

/** The scope of a relation field: its own `asOf` if set, else the one its parent was read under. */
export function at(parent: { key: string; view?: AsOfView | null }, time?: AsOfArgs): Scope {
  return { key: parent.key, view: viewOf(time, parent.view ?? null) };
}

/**
 * The relationships along one path, batched per request; under a view only those valid on its
 * day whose far node is valid too, each far node carrying the view on to its own relations.
 */
export async function relatedOf(
  ctx: Context,
  scope: Scope,
  path: RelationPath,
): Promise<RelatedRecord[]> {
  const { view } = scope;
  const items = await ctx.loaders.related(path, view).load(scope.key);
  return view ? items.map((item) => ({ ...item, node: { ...item.node, view } })) : items;
}

/** The cited links along one relationship path. */
export async function linksOf<T>(
  ctx: Context,
  scope: Scope,
  path: RelationPath,
): Promise<Link<T>[]> {
  const items = await relatedOf(ctx, scope, path);
  return items.map((item) => toLink<T>(item, path.type));
}

/** The single node along a path (e.g. a unit's city), or null. */
export async function oneOf<T>(
  ctx: Context,
  scope: Scope,
  path: RelationPath,
): Promise<Link<T> | null> {
  return (await linksOf<T>(ctx, scope, path))[0] ?? null;
}

/**
 * A relation field that can grow long (thousands at national scale) as a connection of links,
 * paged in key order of the far end; the as-of test runs in the database so pages stay full.
 */
export async function linkPageOf<T extends object>(
  ctx: Context,
  scope: Scope,
  path: RelationPath,
  linkClass: ClassType<Link<T>>,
  args: { first?: number; after?: string },
): Promise<Connection<Link<T>>> {
  const size = checkPageSize(args.first);
  const orderName = `${path.type}:${path.direction}:key:ASC`;
  const after = args.after ? decodeCursor(args.after, 'after', orderName) : null;
  const { view } = scope;
  const page = await ctx.loaders.relatedPage(path, size, after?.key ?? null, view).load(scope.key);
  return makeConnection(
    linkClass,
    page.items.map((item) => ({
      node: toLink<T>({ ...item, node: { ...item.node, view } }, path.type),
      cursor: encodeCursor({ order: orderName, value: item.node.key, key: item.node.key }),
    })),
    page.hasNextPage,
    after !== null,
    async () => page.total,
  );
}
