import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS } from '../../model/model';
import { attachPlanned, planRootEntity } from '../planner/planner';
import { BadUserInputError } from '../../common/graphql-errors';
import type { Context } from '../../server/context';
import { findByIds, idDescription, loadById, loadByIdProjected } from './node.lookup';
import { toObject } from './node.registry';
import { Node } from './node.interface';

const MAX_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    description:
      'Any entity by its global id, its readable key or (for a city) its AGS. An id that names nothing is a NOT_FOUND error; one that is malformed or ambiguous BAD_USER_INPUT.',
  })
  async node(
    @Arg('id', () => ID, { description: idDescription('The entity') }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // With the planner, the lookup and everything selected below it are one statement.
    const planned = ctx.planner ? planRootEntity(info, NODE_LABELS) : null;
    if (!planned) return toObject(await loadById(ctx, id));
    const found = await loadByIdProjected(ctx.db, id, planned.projection);
    ctx.loaders.entityByKey.prime(found.record.key, found.record);
    return toObject(attachPlanned(found.record, planned.plan, found.planned, found.documents));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Several entities by global id, key or AGS, in the order asked (null for ids that name nothing), in one lookup; at most ${MAX_IDS}.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: idDescription('The entities') }) ids: string[],
    @Ctx() ctx: Context,
  ) {
    if (ids.length > MAX_IDS)
      throw new BadUserInputError(`at most ${MAX_IDS} ids (got ${ids.length})`, 'ids');
    const records = await findByIds(ctx, ids, { argument: 'ids' });
    return records.map((record) => (record ? toObject(record) : null));
  }
}
