import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { toObject } from '../node/node.registry';
import { SourceDocument } from '../source-document/source-document.type';
import { Citation } from './citation.type';

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => SourceDocument, {
    description: 'The document the quote is from: title, publisher, date, URL.',
  })
  document(
    @Root() citation: Citation,
    @Ctx() ctx: Context,
  ): SourceDocument | Promise<SourceDocument> {
    // Read by the planner: answered at once, so the executor makes no promise for it.
    if (citation.planned) return toObject(citation.planned) as SourceDocument;
    return ctx.loaders.entityByKey.load(citation.documentKey).then((record) => {
      if (!record) throw new Error(`citation names unknown document ${citation.documentKey}`);
      return toObject(record) as SourceDocument;
    });
  }
}
