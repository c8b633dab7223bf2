import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { Event } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => connectionType(Event), {
    description: 'Conferences and other events, in key order.',
  })
  events(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.Event) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'Event', Event, args, info);
  }
}
