import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { NodeLabel } from '../../model/model';
import { relationField } from '../../model/relations';
import type { Context } from '../../server/context';
import type { ListOrder } from '../entity/keyset';
import {
  connectionType,
  encodeCursor,
  makeConnection,
  type Connection,
} from '../node/connection.type';
import { pageRequest, reversed } from '../node/list';
import type { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { citedDocumentProps } from '../planner/cited-documents';
import { selectedPropsAt, selects } from '../planner/planner';
import { Post, toPost } from '../person/post.edge';
import { viewOf } from '../time/as-of';
import { PostListArgs, PostOrderField } from './post.input';
import { compilePostFilter, countPosts, pageOfPosts, type PostsRead } from './post.repository';

const DATE_FIELDS: readonly string[] = [
  PostOrderField.since,
  PostOrderField.until,
  PostOrderField.attested,
];

/** The order a `posts` page runs in: the field asked for, else the person's key. */
function postOrder(orderBy: PostListArgs['orderBy']): ListOrder {
  const field = orderBy?.field ?? PostOrderField.person;
  return {
    field,
    kind: DATE_FIELDS.includes(field) ? 'date' : 'string',
    direction: orderBy?.direction ?? 'ASC',
  };
}

/** Where a page holds its posts. */
const POSTS = [['nodes'], ['edges', 'node']];
/** Where it holds citations whose documents its statement reads: the posts' and their ends'. */
const CITING = POSTS.flatMap((post) => [post, [...post, 'person'], [...post, 'holder']]);

/** What the page's statement reads by the selection (see PostsRead), by the planner's rules. */
function postsRead(info: GraphQLResolveInfo): PostsRead {
  const at = (end: string, labels: readonly NodeLabel[]) =>
    selectedPropsAt(
      info,
      POSTS.map((post) => [[...post, end], labels] as const),
    );
  return {
    total: selects(info, 'totalCount'),
    person: at('person', ['Person']),
    holder: at('holder', relationField('Person', 'posts').to),
    documents: citedDocumentProps(info, CITING),
  };
}

/** The root `posts` list: who holds which post where, filtered and paged like every root list. */
@Resolver()
export class PostResolver {
  @Query(() => connectionType(Post), {
    description:
      "Posts (who holds which post where) across the whole graph: each a person's post in a unit, a city or an organisation, with its title in the source's words, normalised role, dates and quotes. Filter by role, title, dates, person, unit, organisation or the post's city; paged with keyset cursors like every root list (default order: by the person's key).",
  })
  async posts(
    @Ctx() ctx: Context,
    @Args(() => PostListArgs) args: PostListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Post>> {
    const order = postOrder(args.orderBy);
    // "Post" in the order's name keeps cursors of other lists out.
    const orderName = `Post:${order.field}:${order.direction}`;
    const { backward, size, position } = pageRequest(args, orderName, order.kind);
    const view = viewOf(args);
    const filter = compilePostFilter(args.where, view);
    const page = await pageOfPosts(
      ctx.db,
      filter,
      backward ? reversed(order) : order,
      size,
      position,
      // The count and the cited documents in the page's statement when the selection asks
      // for them: one round trip.
      postsRead(info),
    );
    const total = page.total;
    const posts = backward ? [...page.posts].reverse() : page.posts;
    return makeConnection(
      Post,
      posts.map((post) => {
        const person = toObject({ ...post.person, view }) as unknown as Node;
        return {
          node: toPost(
            { rel: post.rel, node: { ...post.holder, view }, documents: post.documents },
            'person',
            person,
          ),
          cursor: encodeCursor({ order: orderName, value: post.sortValue, key: post.id }),
        };
      }),
      backward ? position !== null : page.hasNextPage,
      backward ? page.hasNextPage : position !== null,
      () => (total === null ? countPosts(ctx.db, filter) : Promise.resolve(total)),
    );
  }
}
