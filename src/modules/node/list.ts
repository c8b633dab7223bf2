import type { ClassType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { isDay } from '../../common/day';
import { BadUserInputError } from '../../common/graphql-errors';
import { compileFilter, countLabel, NO_PROJECTION, pageOfLabel } from '../entity/entity.repository';
import { attachPlanned, planRootList, selects } from '../planner/planner';
import type { ListOrder } from '../entity/keyset';
import type { ListArgs } from '../filter/list-args';
import { orderFields } from '../filter/order.inputs';
import {
  checkPageSize,
  decodeCursor,
  PageItem,
  makeConnection,
  type Connection,
  type CursorPosition,
} from './connection.type';
import { viewOf } from '../time/as-of';
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
  info?: GraphQLResolveInfo,
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
  // With the planner, the page, every relation below it and the total are one statement.
  const planned = ctx.planner && info ? planRootList(info, label, view) : null;
  const plan = planned?.plan ?? null;
  const count = ctx.planner && info ? selects(info, 'totalCount') : false;
  const page = await pageOfLabel(ctx.db, label, filter, runOrder, size, position, {
    ...(planned?.projection ?? NO_PROJECTION),
    count,
  });
  const records = backward ? [...page.records].reverse() : page.records;
  return makeConnection(
    type,
    records.map(
      ({ record, sortValue, planned, documents }) =>
        new PageItem(
          toObject({
            ...(plan ? attachPlanned(record, plan, planned, documents) : record),
            view,
          }) as T,
          { order: orderName, value: sortValue, key: record.key },
        ),
    ),
    backward ? position !== null : page.hasNextPage,
    backward ? page.hasNextPage : position !== null,
    async () => page.total ?? countLabel(ctx.db, label, filter),
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
