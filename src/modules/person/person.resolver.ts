import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { listOf } from '../node/list';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => connectionType(Person), {
    description: 'People named by the sources, in key order.',
  })
  people(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.Person) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'Person', Person, args, info);
  }
}
