import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { WHERE_INPUTS } from '../filter/filter.inputs';
import { ORDER_INPUTS } from '../filter/order.inputs';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { SourceDocument } from './source-document.type';

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => connectionType(SourceDocument), {
    description: 'The source documents the graph cites.',
  })
  sources(
    @Ctx() ctx: Context,
    @Arg('where', () => WHERE_INPUTS.SourceDocument, {
      nullable: true,
      description:
        'Conditions the items must meet; relation filters (some/none/all) nest to any depth.',
    })
    where?: object,
    @Arg('orderBy', () => ORDER_INPUTS.SourceDocument, {
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
    return listOf(ctx, 'SourceDocument', SourceDocument, {
      where,
      orderBy,
      first,
      after,
      last,
      before,
    });
  }
}
