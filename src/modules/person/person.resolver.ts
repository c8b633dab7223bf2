import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { WHERE_INPUTS } from '../filter/filter.inputs';
import { ORDER_INPUTS } from '../filter/order.inputs';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { Post, toPost } from './post.edge';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => connectionType(Person), {
    description: 'People named by the sources, in key order.',
  })
  people(
    @Ctx() ctx: Context,
    @Arg('where', () => WHERE_INPUTS.Person, {
      nullable: true,
      description:
        'Conditions the items must meet; relation filters (some/none/all) nest to any depth.',
    })
    where?: object,
    @Arg('orderBy', () => ORDER_INPUTS.Person, {
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
  ) {
    return listOf(ctx, 'Person', Person, { where, orderBy, first, after });
  }

  @FieldResolver(() => [Post], {
    description: 'Posts the person holds or held, with titles and dates.',
  })
  async posts(@Root() person: Person, @Ctx() ctx: Context) {
    const items = await ctx.loaders
      .related({ type: 'HOLDS_POST', direction: 'OUT' })
      .load(person.key);
    return items.map((item) => toPost(item, 'person', person));
  }
}
