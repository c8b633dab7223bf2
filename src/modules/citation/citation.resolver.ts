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
  async document(@Root() citation: Citation, @Ctx() ctx: Context): Promise<SourceDocument> {
    const record = citation.planned ?? (await ctx.loaders.entityByKey.load(citation.documentKey));
    if (!record) throw new Error(`citation names unknown document ${citation.documentKey}`);
    return toObject(record) as SourceDocument;
  }
}
