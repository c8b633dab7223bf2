import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
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
    @Args(() => LIST_ARGS.SourceDocument) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'SourceDocument', SourceDocument, args, info);
  }
}
