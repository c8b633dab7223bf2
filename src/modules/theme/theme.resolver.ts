import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { Theme } from './theme.type';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => connectionType(Theme), { description: 'Themes of the taxonomy, in key order.' })
  themes(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.Theme) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'Theme', Theme, args, info);
  }
}
