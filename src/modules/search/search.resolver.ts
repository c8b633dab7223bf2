import { DEFAULT_RESULT_CAPS } from '../../config';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  Field,
  Float,
  Info,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';
import { NODE_LABELS, type NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { checkPageSize, PageInfo } from '../node/connection.type';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { citedDocumentProps } from '../planner/cited-documents';
import { selectedProps, selects, selectsBelow } from '../planner/planner';
import { toLuceneQuery, typedWords } from './lucene';
import {
  checkSearchText,
  isQueryTooLarge,
  MAX_SEARCH_WORD_LENGTH,
  MAX_SEARCH_WORDS,
} from './search.limits';
import { searchEntities } from './search.repository';
import { SNIPPET_FIELDS, snippetOf, type Snippet } from './snippet';

const ENTITY_TYPES = Object.fromEntries(NODE_LABELS.map((l) => [l, l]));
registerEnumType(ENTITY_TYPES, {
  name: 'EntityType',
  description: 'The kinds of entity in the graph.',
});

@ObjectType({
  description: 'A search hit: the entity, how well it matches, and the passage that matched.',
})
export class SearchHit {
  @Field(() => Node, { description: 'The entity found.' }) entity!: Node;
  @Field(() => Float, {
    description: 'Relevance score (higher is better; comparable within one search only).',
  })
  score!: number;

  /** What the snippet is cut from: the hit's properties and the searched words. */
  private readonly source: { props: Record<string, unknown>; words: string[] };
  /** The snippet, found when first asked for: marking every quote of a city is not free. */
  private found: Snippet | null | undefined;

  constructor(entity: Node, score: number, props: Record<string, unknown>, words: string[]) {
    this.entity = entity;
    this.score = score;
    this.source = { props, words };
  }

  private get match(): Snippet | null {
    if (this.found === undefined) this.found = snippetOf(this.source.props, this.source.words);
    return this.found;
  }

  @Field(() => String, {
    nullable: true,
    description:
      'The passage that matched, matches marked «like this»: a name, label, description or source quote.',
  })
  get snippet(): string | null {
    return this.match?.text ?? null;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Which field the snippet comes from (e.g. name, quotes).',
  })
  get snippetField(): string | null {
    return this.match?.field ?? null;
  }
}

@ObjectType({ description: 'A page of search hits, best first.' })
export class SearchConnection {
  @Field(() => [SearchHit], { description: 'The hits of this page.' }) hits!: SearchHit[];
  @Field(() => PageInfo, {
    description: 'Where this page stands; pass `endCursor` as `after` for the next.',
  })
  pageInfo!: PageInfo;
  @Field(() => Int, {
    description: `Number of hits, counted up to the server's cap (SEARCH_MAX_HITS, by default ${DEFAULT_RESULT_CAPS.searchHits}): when there are more, this is the cap and \`totalCountExact\` is false.`,
  })
  totalCount!: number;
  @Field({
    description:
      'False when there are more hits than the cap: `totalCount` is then a lower bound ("at least"), and pages reach only the best hits up to the cap.',
  })
  totalCountExact!: boolean;
}

function decodeOffset(after: string | undefined): number {
  if (!after) return 0;
  const match = /^o:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) {
    const shown = after.length > 60 ? `${after.slice(0, 60)}…` : after;
    throw new BadUserInputError(`"${shown}" is not a valid search cursor`, 'after');
  }
  return Number(match[1]);
}

/**
 * What a page's hits must read: the properties the `entity` selection reads (for any of the
 * labels searched) and, when a snippet is asked for, the texts it is cut from; null for all.
 */
function hitProps(info: GraphQLResolveInfo, labels: readonly NodeLabel[]): string[] | null {
  const entity = selectedProps(info, ['hits', 'entity'], labels);
  if (entity === null) return null;
  const snippet = selectsBelow(info, ['hits'], ['snippet', 'snippetField']) ? SNIPPET_FIELDS : [];
  return [...new Set([...entity, ...snippet])].sort();
}

const encodeOffset = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Full-text search in German over names, labels, descriptions and the source quotes. Case, umlauts (ä/ae, ß/ss) and inflections do not matter; each word also matches as the start of a compound ("Senioren" finds "Seniorenbüro"); all words must match; "quoted phrases" match as phrases. An empty text finds nothing.',
  })
  async search(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('text', {
      description: `What to look for, e.g. "Senioren", "Armut", "Quartier"; at most ${MAX_SEARCH_WORDS} words of at most ${MAX_SEARCH_WORD_LENGTH} characters each.`,
    })
    text: string,
    @Arg('types', () => [ENTITY_TYPES], {
      nullable: true,
      description: 'Only these kinds of entity.',
    })
    types?: string[],
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
  ): Promise<SearchConnection> {
    const size = checkPageSize(first);
    const offset = decodeOffset(after);
    checkSearchText(text);
    const parsed = toLuceneQuery(text);
    const empty = Object.assign(new PageInfo(), {
      hasNextPage: false,
      hasPreviousPage: offset > 0,
      startCursor: null,
      endCursor: null,
    });
    if (!parsed)
      return Object.assign(new SearchConnection(), {
        hits: [],
        pageInfo: empty,
        totalCount: 0,
        totalCountExact: true,
      });
    const { rows, total, exact } = await searchEntities(
      ctx.db,
      parsed.lucene,
      types?.length ? types : null,
      offset,
      size,
      ctx.caps.searchHits,
      // Counting reads up to the cap of hits; only the totals need it (hasNextPage does not).
      selects(info, 'totalCount') || selects(info, 'totalCountExact'),
      hitProps(info, types?.length ? (types as NodeLabel[]) : NODE_LABELS),
      // The documents the hits cite, when their citations show them: in the same statement.
      citedDocumentProps(info, [['hits', 'entity']]),
    ).catch((error: unknown) => {
      // The limits above keep queries within Lucene's; should the index grow past them, the
      // refusal is still about the text, not a server fault.
      if (isQueryTooLarge(error)) {
        throw new BadUserInputError(
          `search text is too large for the index (${typedWords(text).length} words); use fewer or shorter words`,
          'text',
        );
      }
      throw error;
    });
    const hits = rows.map(
      ({ record, score }) =>
        new SearchHit(toObject(record) as unknown as Node, score, record.props, parsed.words),
    );
    const pageInfo = Object.assign(new PageInfo(), {
      hasNextPage: offset + hits.length < total,
      hasPreviousPage: offset > 0,
      startCursor: hits.length ? encodeOffset(offset) : null,
      endCursor: hits.length ? encodeOffset(offset + hits.length) : null,
    });
    return Object.assign(new SearchConnection(), {
      hits,
      pageInfo,
      totalCount: total,
      totalCountExact: exact,
    });
  }
}
