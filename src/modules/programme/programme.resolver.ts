import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => connectionType(Programme), {
    description: 'Programmes, projects, audits, strategies, charters and laws, in key order.',
  })
  programmes(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.Programme) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'Programme', Programme, args, info);
  }
}
