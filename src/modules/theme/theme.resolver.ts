import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { WHERE_INPUTS } from '../filter/filter.inputs';
import { ORDER_INPUTS } from '../filter/order.inputs';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { linkPageOf, linksOf, listOf } from '../node/list';
import { Node } from '../node/node.interface';
import { Theme } from './theme.type';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => connectionType(Theme), { description: 'Themes of the taxonomy, in key order.' })
  themes(
    @Ctx() ctx: Context,
    @Arg('where', () => WHERE_INPUTS.Theme, {
      nullable: true,
      description:
        'Conditions the items must meet; relation filters (some/none/all) nest to any depth.',
    })
    where?: object,
    @Arg('orderBy', () => ORDER_INPUTS.Theme, {
      nullable: true,
      description: 'Sort order (default: by key); ties are broken by key.',
    })
    orderBy?: object,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first?: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after?: string,
    @Arg('last', () => Int, {
      nullable: true,
      description: 'Page size counted back from `before` (at most 100).',
    })
    last?: number,
    @Arg('before', () => String, {
      nullable: true,
      description: 'Cursor before which a backward page ends (`pageInfo.startCursor`).',
    })
    before?: string,
  ) {
    return listOf(ctx, 'Theme', Theme, { where, orderBy, first, after, last, before });
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Broader themes (skos:broader).' })
  broader(@Root() theme: Theme, @Ctx() ctx: Context) {
    return linksOf(ctx, theme.key, { type: 'BROADER', direction: 'OUT', label: 'Theme' });
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Narrower themes (skos:narrower).' })
  narrower(@Root() theme: Theme, @Ctx() ctx: Context) {
    return linksOf(ctx, theme.key, { type: 'BROADER', direction: 'IN', label: 'Theme' });
  }

  @FieldResolver(() => connectionType(linkType(Node)), {
    description:
      'Units, programmes, events and organisations that address exactly this theme, paged.',
  })
  addressedBy(
    @Root() theme: Theme,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first?: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after?: string,
  ) {
    return linkPageOf(ctx, theme.key, { type: 'ADDRESSES', direction: 'IN' }, linkType(Node), {
      first,
      after,
    });
  }
}
