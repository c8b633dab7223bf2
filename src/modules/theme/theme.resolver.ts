import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, PageArgs, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { at, linkPageOf, linksOf, listOf } from '../node/list';
import { Node } from '../node/node.interface';
import { Theme } from './theme.type';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => connectionType(Theme), { description: 'Themes of the taxonomy, in key order.' })
  themes(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Theme) args: ListArgs) {
    return listOf(ctx, 'Theme', Theme, args);
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Broader themes (skos:broader).' })
  broader(@Root() theme: Theme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(theme, time), { type: 'BROADER', direction: 'OUT', label: 'Theme' });
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Narrower themes (skos:narrower).' })
  narrower(@Root() theme: Theme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(theme, time), { type: 'BROADER', direction: 'IN', label: 'Theme' });
  }

  @FieldResolver(() => connectionType(linkType(Node)), {
    description:
      'Units, programmes, events and organisations that address exactly this theme, paged.',
  })
  addressedBy(
    @Root() theme: Theme,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linkPageOf(
      ctx,
      at(theme, time),
      { type: 'ADDRESSES', direction: 'IN' },
      linkType(Node),
      page,
    );
  }
}
