import neo4j from 'neo4j-driver';
import { BadUserInputError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import type { CompiledFilter } from '../entity/entity.repository';
import { keysetPage, type ListOrder } from '../entity/keyset';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import { FilterCompiler } from '../filter/filter.compiler';
import { citedDocumentsRead } from '../planner/cited-documents';
import { mapProjection } from '../planner/planner';
import { documentMap } from '../relation/relation.repository';
import type { FactView } from '../time/as-of';
import type { PostWhere } from './post.input';

/**
 * The Cypher of the root `posts` list: HOLDS_POST relationships `r` from a person `p` to the
 * unit, city or organisation `h` the post is in. Filters compile through the same FilterCompiler
 * as every other list (the post's own fields as in RelationWhere, its ends as `<Label>Where`);
 * values are parameters, and only generated variable names are spliced in.
 */

const PATTERN = '(p:Person:Entity)-[r:HOLDS_POST]->(h:Entity)';

/** The post's own fields, filtered like a RelationWhere on `r`. */
const OWN_FIELDS = ['role', 'roleTitle', 'since', 'until', 'attested'] as const;

const MAX_DEPTH = 12;

class PostFilterCompiler {
  readonly compiler: FilterCompiler;
  private counter = 0;

  constructor(view: FactView | null) {
    this.compiler = new FilterCompiler('where', view);
  }

  compile(where: PostWhere | null | undefined, depth = 0): string {
    if (!where) return 'true';
    if (depth > MAX_DEPTH) {
      throw new BadUserInputError(`the filter nests deeper than ${MAX_DEPTH} levels`, 'where');
    }
    const parts: string[] = [];
    const own: Record<string, unknown> = {};
    for (const name of OWN_FIELDS) {
      if (where[name] !== undefined && where[name] !== null) own[name] = where[name];
    }
    if (Object.keys(own).length > 0) parts.push(this.compiler.edge(own, 'r', ''));
    const nested = (
      value: object | undefined,
      label: 'Person' | 'OrgUnit' | 'Organisation',
      v: string,
    ) => this.compiler.compile(value as Record<string, unknown>, label, v, depth + 1);
    if (where.person) parts.push(nested(where.person, 'Person', 'p'));
    if (where.unit) parts.push(`(h:OrgUnit AND ${nested(where.unit, 'OrgUnit', 'h')})`);
    if (where.organisation) {
      parts.push(`(h:Organisation AND ${nested(where.organisation, 'Organisation', 'h')})`);
    }
    if (where.city) {
      // The city itself (zero steps) or the unit's city (one BELONGS_TO step); an organisation
      // has neither. BELONGS_TO is undated, so only the city is tested against the view.
      const c = `pc${this.counter++}`;
      const predicate = [
        this.compiler.inSubquery(() =>
          this.compiler.compile(where.city as Record<string, unknown>, 'City', c, depth + 1),
        ),
        ...this.compiler.validity(c),
      ].join(' AND ');
      parts.push(`EXISTS { MATCH (h)-[:BELONGS_TO*0..1]->(${c}:City) WHERE ${predicate} }`);
    }
    for (const op of ['AND', 'OR'] as const) {
      const items = where[op];
      if (!items) continue;
      const compiled = items.map((w) => this.compile(w, depth + 1));
      if (compiled.length === 0) parts.push(op === 'AND' ? 'true' : 'false');
      else parts.push(`(${compiled.join(op === 'AND' ? ' AND ' : ' OR ')})`);
    }
    if (where.NOT) {
      const negated = this.compiler.negated(() => this.compile(where.NOT, depth + 1));
      parts.push(`NOT (${negated})`);
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }
}

/**
 * A PostWhere compiled to one predicate over `p`, `r` and `h`; with a view only posts valid on
 * its day, held by a person and in a unit, city or organisation valid on it.
 */
export function compilePostFilter(
  where: PostWhere | null | undefined,
  view: FactView | null,
): CompiledFilter {
  const posts = new PostFilterCompiler(view);
  const predicate = [
    posts.compile(where),
    ...posts.compiler.validity('r'),
    ...posts.compiler.validity('p'),
    ...posts.compiler.validity('h'),
  ].join(' AND ');
  return { predicate, params: posts.compiler.params };
}

/** A post as read: the relationship's properties and the records of both ends. */
export interface PostRecord {
  id: string;
  rel: Record<string, unknown>;
  person: EntityRecord;
  holder: EntityRecord;
  sortValue: string | null;
  /** The documents the post and its ends cite, when they were asked for. */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/** The sort value of a post in an order (dates by their first possible day). */
function sortExpression(order: ListOrder): string {
  if (order.field === 'person') return 'p.id';
  if (!(['role', 'roleTitle', 'since', 'until', 'attested'] as string[]).includes(order.field)) {
    throw new Error(`bad post order field ${order.field}`);
  }
  return order.kind === 'date' ? `r.${order.field}Earliest` : `r.${order.field}`;
}

type RawEnd = { key: string; labels: string[]; props: Record<string, unknown> };
const end = (v: string, props: readonly string[] | null) =>
  `{key: ${v}.id, labels: labels(${v}), props: ${mapProjection(props, v)}}`;

/**
 * What a page of posts reads besides the posts themselves: the count (`total`), of the people
 * and the holders the listed properties or all (null), and the documents the posts and their
 * ends cite with the listed properties, or all (null), or none (false).
 */
export interface PostsRead {
  total: boolean;
  person: readonly string[] | null;
  holder: readonly string[] | null;
  documents: readonly string[] | null | false;
}

/** Everything of the ends, no count, no documents. */
export const READ_POSTS_WHOLE: PostsRead = {
  total: false,
  person: null,
  holder: null,
  documents: false,
};
const toRecord = (raw: RawEnd): EntityRecord => ({
  key: raw.key,
  label: modelLabel(raw.labels),
  props: plain(raw.props),
});

/**
 * One keyset page of posts in `order`, after a (sort value, post id) position, with what `read`
 * asks in the same statement: `total` is the number of posts the filter matches (null when not
 * asked).
 */
export async function pageOfPosts(
  db: Database,
  filter: CompiledFilter,
  order: ListOrder,
  first: number,
  after: { value: string | null; key: string } | null,
  read: PostsRead = READ_POSTS_WHOLE,
): Promise<{ posts: PostRecord[]; hasNextPage: boolean; total: number | null }> {
  const { total } = read;
  const sort = sortExpression(order);
  const keyset = keysetPage(order, sort, 'r.id', after);
  // The documents a post and its two ends cite, per post (a page holds at most a few hundred).
  const cited = citedDocumentsRead(
    '(coalesce(r.sourceIds, []) + coalesce(p.sourceIds, []) + coalesce(h.sourceIds, []))',
    read.documents,
  );
  const page = `MATCH ${PATTERN}
WHERE (${filter.predicate})${keyset.position ? ` AND (${keyset.position})` : ''}
WITH r, p, h, toString(${sort}) AS sortValue
ORDER BY ${keyset.orderBy}
LIMIT $limit
RETURN r.id AS id, properties(r) AS rel, ${end('p', read.person)} AS person, ${end('h', read.holder)} AS holder, sortValue, ${cited} AS documents`;
  // The count first, then the page as an optional subquery: a page past the end is no rows,
  // and the count must still come back (as one row with an empty page).
  const statement = total
    ? `CALL () { MATCH ${PATTERN} WHERE ${filter.predicate} RETURN count(r) AS total }
OPTIONAL CALL () {
${page}
}
RETURN total, id, rel, person, holder, sortValue, documents`
    : page;
  const params = { ...filter.params, ...keyset.params, limit: neo4j.int(first + 1) };
  const result = await db.readStatement(statement, params);
  const records = result.records.filter((r) => r.get('id') !== null);
  const posts = records.map((r): PostRecord => {
    const cited = documentMap(r.get('documents'));
    // The documents read here go to the ends' own citations too.
    const withCited = (raw: RawEnd) =>
      cited ? { ...toRecord(raw), documents: cited } : toRecord(raw);
    return {
      id: r.get('id') as string,
      rel: plain(r.get('rel') as Record<string, unknown>),
      person: withCited(r.get('person') as RawEnd),
      holder: withCited(r.get('holder') as RawEnd),
      sortValue: r.get('sortValue') as string | null,
      ...(cited ? { documents: cited } : {}),
    };
  });
  return {
    posts: posts.slice(0, first),
    hasNextPage: posts.length > first,
    total: total ? ((result.records[0]?.get('total') as number | undefined) ?? 0) : null,
  };
}

export async function countPosts(db: Database, filter: CompiledFilter): Promise<number> {
  const result = await db.readStatement(
    `MATCH ${PATTERN} WHERE ${filter.predicate} RETURN count(r) AS count`,
    filter.params,
  );
  return result.records[0]?.get('count') as number;
}
