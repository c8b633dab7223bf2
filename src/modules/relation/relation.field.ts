import type { ClassType } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RelationField, RelationShape } from '../../model/relations';
import type { Context } from '../../server/context';
import { isDay } from '../../common/day';
import { BadUserInputError } from '../../common/graphql-errors';
import type { RelatedRecord, RelationResult } from '../entity/entity.record';
import { KEY_ORDER, type ListOrder } from '../entity/keyset';
import { orderFields } from '../filter/order.inputs';
import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  makeConnection,
  MAX_PAGE_SIZE,
  type Connection,
} from '../node/connection.type';
import type { EntityObject } from '../node/entity-object';
import { toLink } from '../node/link.type';
import { toPost } from '../person/post.edge';
import { toParticipation, toProgrammeFunding } from '../programme/participation.edge';
import { viewOf, type FactView } from '../time/as-of';
import type { AsOfMode } from '../time/as-of.args';
import type { BasisFilter } from '../basis/basis';
import type { RelationRead } from './relation.cypher';
import { planKey } from '../planner/plan-key';

/** The arguments a relation field takes (which ones depends on its shape). */
export interface RelationArgs {
  where?: Record<string, unknown> | null;
  edge?: Record<string, unknown> | null;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' } | null;
  first?: number | null;
  after?: string | null;
  asOf?: string | null;
  asOfMode?: AsOfMode | null;
  basis?: BasisFilter | null;
}

/** The order a relation field's items come in; lists without `orderBy` come by name. */
function relationOrder(
  field: RelationField,
  shape: RelationShape,
  args: RelationArgs,
): ListOrder | null {
  if (!args.orderBy) return shape === 'connection' ? KEY_ORDER : null;
  const target = field.to[0]!;
  const found =
    field.to.length === 1
      ? orderFields(target).find((f) => f.name === args.orderBy!.field)
      : undefined;
  if (!found)
    throw new BadUserInputError(
      `cannot sort ${field.on}.${field.name} by ${args.orderBy.field}`,
      'orderBy',
    );
  return { field: found.name, kind: found.kind, direction: args.orderBy.direction };
}

/** Cursors name the field and its order, so a cursor of another list or order is refused. */
function orderName(field: RelationField, order: ListOrder): string {
  return `${field.on}.${field.name}:${order.field}:${order.direction}`;
}

/** What a relation field of one parent asks the database for. */
export function relationRead(
  field: RelationField,
  shape: RelationShape,
  args: RelationArgs,
  parentView: FactView | null,
): RelationRead {
  const order = relationOrder(field, shape, args);
  let limit: number | null = null;
  let after: RelationRead['after'] = null;
  if (shape === 'connection') {
    limit = checkPageSize(args.first) + 1;
    if (args.after) {
      const position = decodeCursor(
        args.after,
        'after',
        orderName(field, order!),
        order!.kind === 'date' ? isDay : undefined,
      );
      after = { value: position.value, key: position.key };
    }
  } else if (shape === 'list' && args.first !== undefined && args.first !== null) {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(
        `first must be between 1 and ${MAX_PAGE_SIZE} (got ${args.first})`,
        'first',
      );
    }
    limit = args.first;
  }
  return {
    field,
    view: viewOf(args, parentView),
    where: args.where ?? null,
    edge: args.edge ?? null,
    order,
    limit,
    after,
    count: shape === 'connection',
  };
}

/** One item as the field shows it: a cited link or an edge object naming both ends. */
function present(field: RelationField, item: RelatedRecord, parent: EntityObject): unknown {
  switch (field.view) {
    case 'post':
      return toPost(item, field.direction === 'IN' ? 'holder' : 'person', parent);
    case 'participation':
      return toParticipation(item, field.on === 'City' ? 'city' : 'programme', parent);
    case 'funding':
      return toProgrammeFunding(item, field.on === 'Organisation' ? 'funder' : 'programme', parent);
    default:
      return toLink(item, field.type);
  }
}

/**
 * Resolves a relation field: from what the query planner read with the root field when it did,
 * else through the per-request loader (one query per field and arguments for all parents).
 */
export function resolveRelation(
  ctx: Context,
  parent: EntityObject,
  field: RelationField,
  shape: RelationShape,
  args: RelationArgs,
  info: GraphQLResolveInfo,
  itemClass: ClassType,
): unknown {
  const read = relationRead(field, shape, args, parent.view ?? null);
  const planned = parent.record.planned?.get(planKey(info));
  // Planned: answered at once, so the executor makes no promise per parent and field.
  if (planned) return presentRelation(planned, read, field, shape, parent, itemClass);
  return ctx.loaders
    .relationByKey(read)
    .load(parent.key)
    .then((result) => presentRelation(result, read, field, shape, parent, itemClass));
}

function presentRelation(
  result: RelationResult,
  read: RelationRead,
  field: RelationField,
  shape: RelationShape,
  parent: EntityObject,
  itemClass: ClassType,
): unknown {
  // Far nodes inherit the as-of view; without one there is nothing to copy.
  const items =
    read.view === null
      ? result.items
      : result.items.map((item) => ({ ...item, node: { ...item.node, view: read.view } }));
  if (shape === 'one') return items[0] ? present(field, items[0], parent) : null;
  if (shape === 'list') return items.map((item) => present(field, item, parent));
  const size = read.limit! - 1;
  const name = orderName(field, read.order!);
  const page: Connection<object> = makeConnection(
    itemClass as ClassType<object>,
    items.slice(0, size).map((item) => ({
      node: present(field, item, parent) as object,
      cursor: encodeCursor({ order: name, value: item.sortValue ?? null, key: item.node.key }),
    })),
    items.length > size,
    read.after !== null,
    async () => result.total ?? 0,
  );
  return page;
}
