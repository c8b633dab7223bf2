import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../common/graphql-errors';
import { DateScalar } from '../../common/scalars';
import { ID_PATTERN } from '../../seed/validate';
import type { Context } from '../../server/context';
import {
  checkPageSize,
  connectionType,
  decodeCursor,
  encodeCursor,
  makeConnection,
  type Connection,
} from '../node/connection.type';
import type { Node } from '../node/node.interface';
import { findByIds } from '../node/node.lookup';
import { toObject } from '../node/node.registry';
import { SourceDocument } from '../source-document/source-document.type';
import {
  changesOfFact,
  countChanges,
  recentChanges,
  type ChangeRecord,
} from './change-log.repository';
import { Change, CitedQuote, FactKind, factState, toChange } from './change.type';
import { readRelations } from './curation.repository';
import { nodeFact, snapshotOf, type FactState } from './fact';
import { History, HistoryState } from './history.type';

const FEED_ORDER = 'Change:seq';
// Made now, not in the thunk: type-graphql must see every object type before it builds.
const ChangeConnection = connectionType(Change);

/** The versions a fact went through, from its recorded changes (and its state now). */
export function statesOf(changes: ChangeRecord[], current: FactState | null): HistoryState[] {
  const state = (
    from: string | null,
    until: string | null,
    version: number,
    snapshot: ReturnType<typeof snapshotOf>,
  ) => Object.assign(new HistoryState(), { from, until, version, state: factState(snapshot)! });
  if (changes.length === 0) {
    return current ? [state(null, null, current.version, snapshotOf(current))] : [];
  }
  const states: HistoryState[] = [];
  const first = changes[0]!;
  if (first.before) states.push(state(null, first.at, first.versionBefore ?? 1, first.before));
  changes.forEach((change, i) => {
    if (change.after) {
      states.push(state(change.at, changes[i + 1]?.at ?? null, change.version!, change.after));
    }
  });
  return states;
}

/** A time as milliseconds; Neo4j writes nanoseconds, JavaScript reads milliseconds. */
function millis(time: string, argument: string): number {
  const ms = Date.parse(time.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) {
    throw new BadUserInputError(`"${time}" is not an ISO 8601 date or date-time`, argument);
  }
  return ms;
}

@Resolver(() => History)
export class HistoryResolver {
  @Query(() => History, {
    description:
      'The history of an entity (global id or key) or a relationship (its `relationId`): every recorded change with who, when, before and after, the quotes and the review, and the versions the graph held with their times — what the graph said when, also for a withdrawn fact. (`asOf` asks what held in the world on a day; this asks what the graph stated.)',
  })
  async history(
    @Ctx() ctx: Context,
    @Arg('id', { description: "An entity's global id or key, or a relationship's id." }) id: string,
  ): Promise<History> {
    let current: FactState | null = null;
    let node: Node | null = null;
    const asEntity = ID_PATTERN.test(id) || /^[A-Z]/.test(id);
    if (asEntity) {
      const [record] = await findByIds(ctx, [id], { argument: 'id' });
      if (record) {
        node = toObject(record) as unknown as Node;
        current = nodeFact(record.key, ['Entity', record.label], record.props);
      }
    }
    if (!current)
      current = (await ctx.db.executeRead((tx) => readRelations(tx, [id]))).get(id) ?? null;
    const key = current?.key ?? id;
    const changes = await changesOfFact(ctx.db, key, current?.kind);
    if (!current && changes.length === 0) {
      throw new NotFoundError(
        `no entity or relationship with id "${id}", now or in the change log`,
      );
    }
    const last = changes[changes.length - 1];
    return Object.assign(new History(), {
      kind: (current?.kind ?? last!.kind) as FactKind,
      type: current?.type ?? last!.type,
      key,
      exists: current !== null,
      version: current?.version ?? null,
      node,
      changes: changes.map(toChange),
      states: statesOf(changes, current),
    });
  }

  @FieldResolver(() => HistoryState, {
    nullable: true,
    description:
      'What the graph said at a time (ISO 8601 date or date-time): the version it held then; null when the fact was not in the graph then.',
  })
  stateAt(
    @Root() history: History,
    @Arg('time', { description: 'A time, e.g. "2025-03-01" or "2025-03-01T12:00:00Z".' })
    time: string,
  ): HistoryState | null {
    const t = millis(time, 'time');
    return (
      history.states.find(
        (s) =>
          (s.from === null || millis(s.from, 'from') <= t) &&
          (s.until === null || t < millis(s.until, 'until')),
      ) ?? null
    );
  }

  @Query(() => ChangeConnection, {
    description:
      'Recent changes to the whole graph, newest first: every applied change, filtered by who made or reviewed it, by label or relationship type, and by day.',
  })
  async recentChanges(
    @Ctx() ctx: Context,
    @Arg('by', () => String, {
      nullable: true,
      description: 'Made or reviewed by this credential id.',
    })
    by: string | null,
    @Arg('types', () => [String], {
      nullable: true,
      description:
        'Only facts of these labels or relationship types (e.g. ["OrgUnit", "HOLDS_POST"]).',
    })
    types: string[] | null,
    @Arg('since', () => DateScalar, {
      nullable: true,
      description: 'From this day on (UTC, inclusive).',
    })
    since: string | null,
    @Arg('until', () => DateScalar, {
      nullable: true,
      description: 'Up to this day (UTC, inclusive).',
    })
    until: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
  ): Promise<Connection<Change>> {
    const size = checkPageSize(first);
    const position = after
      ? decodeCursor(after, 'after', FEED_ORDER, (v) => /^\d+$/.test(v))
      : null;
    // Arguments not given arrive as undefined, which the driver would drop.
    const filter = {
      by: by ?? null,
      types: types ?? null,
      since: since ?? null,
      until: until ?? null,
    };
    const page = await recentChanges(
      ctx.db,
      filter,
      size,
      position ? Number(position.value) : null,
    );
    return makeConnection(
      Change,
      page.changes.map((c) => ({
        node: toChange(c),
        cursor: encodeCursor({ order: FEED_ORDER, value: String(c.seq), key: c.id }),
      })),
      page.hasNextPage,
      position !== null,
      () => countChanges(ctx.db, filter),
    );
  }
}

@Resolver(() => CitedQuote)
export class CitedQuoteResolver {
  @FieldResolver(() => SourceDocument, {
    nullable: true,
    description:
      'The document, while it is in the graph (null once withdrawn, or before a proposal is accepted).',
  })
  async document(@Root() quote: CitedQuote, @Ctx() ctx: Context): Promise<SourceDocument | null> {
    const record = await ctx.loaders.entityByKey.load(quote.documentKey);
    return record && record.label === 'SourceDocument'
      ? (toObject(record) as SourceDocument)
      : null;
  }
}
