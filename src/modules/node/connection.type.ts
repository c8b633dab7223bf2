import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';

export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a client may ask for; larger requests are refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last one.' }) hasNextPage!: boolean;
  @Field({ description: 'True when items precede the first one.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item.' }) startCursor!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Computed only when the client asks for `totalCount`. */
  count: () => Promise<number>;
}

const made = new Map<ClassType, ClassType>();

export function connectionType<T extends object>(target: ClassType<T>): ClassType<Connection<T>> {
  const existing = made.get(target);
  if (existing) return existing as ClassType<Connection<T>>;
  @ObjectType(`${target.name}Edge`, { description: `A ${target.name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' }) cursor!: string;
    @Field(() => target, { description: `The ${target.name}.` }) node!: T;
  }
  @ObjectType(`${target.name}Connection`, {
    description: `A page of ${target.name} items (Relay connection).`,
  })
  class TypedConnection {
    @Field(() => [Edge], { description: 'The items with their cursors.' }) edges!: Edge[];
    @Field(() => [target], { description: 'The items without cursors.' }) nodes!: T[];
    @Field(() => PageInfo, { description: 'Where this page stands.' }) pageInfo!: PageInfo;
    @Field(() => Int, {
      description:
        'Number of items in the whole list; costs one extra query, so ask only when needed.',
    })
    totalCount(): Promise<number> {
      return (this as unknown as Connection<T>).count();
    }
  }
  made.set(target, TypedConnection);
  return TypedConnection as unknown as ClassType<Connection<T>>;
}

/** Where a page starts: the sort value and key of the item before it, in one ordering. */
export interface CursorPosition {
  order: string;
  /** The item's sort value; null when it has none (missing values sort last). */
  value: string | null;
  key: string;
}

/** Opaque cursor: the ordering it belongs to, the item's sort value and its key. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(
    JSON.stringify([position.order, position.value, position.key]),
    'utf8',
  ).toString('base64url');
}

/**
 * The position a cursor stands for, checked before it reaches a query: a cursor is client input,
 * so anything that is not one of ours, or is one of another list or order, is BAD_USER_INPUT
 * naming the argument. `checkValue` tells whether a sort value fits the order (a date order
 * holds days).
 */
export function decodeCursor(
  cursor: string,
  argument: string,
  order: string,
  checkValue: (value: string) => boolean = () => true,
): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const shown = cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor;
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || parsed[1] === null) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new BadUserInputError(`"${shown}" is not a valid cursor`, argument);
  }
  const [cursorOrder, value, key] = parsed as [string, string | null, string];
  if (cursorOrder !== order) {
    throw new BadUserInputError(
      `the cursor belongs to another sort order or list (${cursorOrder.slice(0, 60)}, not ${order})`,
      argument,
    );
  }
  if (value !== null && !checkValue(value)) {
    throw new BadUserInputError(`"${shown}" is not a valid cursor of this order`, argument);
  }
  return { order, value, key };
}

export function checkPageSize(requested: number | undefined | null, argument = 'first'): number {
  const size = requested ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `${argument} must be between 1 and ${MAX_PAGE_SIZE} (got ${String(requested)})`,
      argument,
    );
  }
  return size;
}

/**
 * An item of a page whose cursor is written when first read: most selections ask for `nodes`
 * and at most the page's end cursor, not for a cursor per item.
 */
export class PageItem<T> {
  declare private written?: string;

  constructor(
    readonly node: T,
    private readonly position: CursorPosition,
  ) {}

  get cursor(): string {
    return (this.written ??= encodeCursor(this.position));
  }
}

/** Builds a connection object of the given type from one page of items. */
export function makeConnection<T extends object>(
  target: ClassType<T>,
  items: { node: T; cursor: string }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  count: () => Promise<number>,
): Connection<T> {
  const ConnectionClass = connectionType(target);
  const edges = items;
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return Object.assign(new ConnectionClass(), {
    edges,
    nodes: items.map((i) => i.node),
    pageInfo,
    count,
  });
}
