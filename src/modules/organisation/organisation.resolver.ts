import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { listOf } from '../node/list';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { Organisation } from './organisation.type';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => connectionType(Organisation), {
    description: 'Ministries, associations, companies, universities and other organisations.',
  })
  organisations(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.Organisation) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'Organisation', Organisation, args, info);
  }
}
