import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { Theme } from './theme.type';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => connectionType(Theme), { description: 'Themes of the taxonomy, in key order.' })
  themes(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Theme) args: ListArgs) {
    return listOf(ctx, 'Theme', Theme, args);
  }
}
