import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';
import { fromGlobalId } from '../../common/global-id';
import type { Context } from '../../server/context';
import { loadByGlobalId } from './node.lookup';
import { toObject } from './node.registry';
import { Node } from './node.interface';

const MAX_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    description: 'Any entity by its global id. An unknown id is a NOT_FOUND error.',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as returned in `id` fields.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return toObject(await loadByGlobalId(ctx, id));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Several entities by global id, in the order asked (null for unknown ids); at most ${MAX_IDS}.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
    @Ctx() ctx: Context,
  ) {
    if (ids.length > MAX_IDS)
      throw new BadUserInputError(`at most ${MAX_IDS} ids (got ${ids.length})`, 'ids');
    const wanted = ids.map((id) => fromGlobalId(id, 'ids'));
    const records = await ctx.loaders.entityByKey.loadMany(wanted.map((w) => w.key));
    return records.map((record, i) =>
      record && !(record instanceof Error) && record.label === wanted[i]!.type
        ? toObject(record)
        : null,
    );
  }
}
