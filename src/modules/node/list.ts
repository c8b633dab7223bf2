import type { ClassType } from 'type-graphql';
import type { NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import {
  compileFilter,
  countLabel,
  pageOfLabel,
  type RelationPath,
} from '../entity/entity.repository';
import { checkPageSize, decodeCursor, makeConnection, type Connection } from './connection.type';
import { toLink, type Link } from './link.type';
import { toObject } from './node.registry';
import type { EntityObject } from './entity-object';

/** One page of a root list, filtered, in key order. */
export async function listOf<T extends EntityObject>(
  ctx: Context,
  label: NodeLabel,
  type: ClassType<T>,
  args: { where?: object | null; first?: number; after?: string },
): Promise<Connection<T>> {
  const size = checkPageSize(args.first);
  const afterKey = args.after ? decodeCursor(args.after, 'after') : null;
  const filter = compileFilter(label, args.where as Record<string, unknown> | undefined);
  const page = await pageOfLabel(ctx.db, label, filter, size, afterKey);
  return makeConnection(
    type,
    page.records.map((r) => toObject(r) as T),
    page.hasNextPage,
    afterKey !== null,
    () => countLabel(ctx.db, label, filter),
  );
}

/** The cited links along one relationship path, batched per request. */
export async function linksOf<T>(
  ctx: Context,
  key: string,
  path: RelationPath,
): Promise<Link<T>[]> {
  const items = await ctx.loaders.related(path).load(key);
  return items.map((item) => toLink<T>(item));
}

/** The single node along a path (e.g. a unit's city), or null. */
export async function oneOf<T>(
  ctx: Context,
  key: string,
  path: RelationPath,
): Promise<Link<T> | null> {
  return (await linksOf<T>(ctx, key, path))[0] ?? null;
}
