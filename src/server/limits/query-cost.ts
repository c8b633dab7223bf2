import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { BoundedCache } from '../../common/bounded-cache';
import { ErrorCode } from '../../common/errors';
import { LimitExceededError } from '../../common/graphql-errors';
import { DEFAULT_PAGE_SIZE } from '../../modules/node/connection.type';

/**
 * Every field costs 1 plus its selection's cost times the number of items it can return: a
 * connection's `first`/`last` (default page size when absent), a list's `first` (e.g.
 * `timeline`), or `assumedListLength` for relation lists, which have no page size. A connection's
 * own `nodes` and `edges` are already counted by its page size.
 */
export function pageSizeEstimator(assumedListLength: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const returns = getNullableType(field.type);
    const pageSize = (args.first ?? args.last) as number | undefined;
    let length = 1;
    if (isListType(returns)) {
      if (!type.name.endsWith('Connection')) length = pageSize ?? assumedListLength;
    } else if ('name' in returns && returns.name.endsWith('Connection')) {
      length = pageSize ?? DEFAULT_PAGE_SIZE;
    }
    return 1 + length * childComplexity;
  };
}

export interface QueryCostOptions {
  maxCost: number;
  assumedListLength: number;
}

/** The estimated cost of an operation with its variables (see `pageSizeEstimator`). */
export function queryCost(
  schema: GraphQLSchema,
  options: QueryCostOptions,
  request: { query: DocumentNode; variables?: Record<string, unknown>; operationName?: string },
): number {
  return getComplexity({
    schema,
    ...request,
    estimators: [pageSizeEstimator(options.assumedListLength)],
  });
}

/** Costs remembered per document: for this many operation names and variable sets each. */
const COSTS_PER_DOCUMENT = 64;
/** Longer variable sets are costed afresh each time, so the cache stays small. */
const MAX_CACHED_VARIABLES_LENGTH = 4_096;

/**
 * The cost of an operation, remembered per parsed document and (operation name, variables): the
 * estimate walks the whole document with type information on every request, although clients
 * send the same few documents with the same few variables. Apollo hands over the same document
 * object for the same query text (its document cache), so a WeakMap lets a document's costs go
 * when Apollo drops the document.
 */
export function cachedQueryCost(schema: GraphQLSchema, options: QueryCostOptions) {
  const byDocument = new WeakMap<DocumentNode, BoundedCache<string, number>>();
  return (request: {
    query: DocumentNode;
    variables: Record<string, unknown>;
    operationName?: string;
  }): number => {
    const key = `${request.operationName ?? ''}\0${JSON.stringify(request.variables)}`;
    const cacheable = key.length <= MAX_CACHED_VARIABLES_LENGTH;
    let costs = byDocument.get(request.query);
    const known = cacheable ? costs?.get(key) : undefined;
    if (known !== undefined) return known;
    const cost = queryCost(schema, options, request);
    if (cacheable) {
      if (!costs) {
        costs = new BoundedCache<string, number>(COSTS_PER_DOCUMENT);
        byDocument.set(request.query, costs);
      }
      costs.set(key, cost);
    }
    return cost;
  };
}

/**
 * Refuses an operation whose estimated cost is over the limit before it runs. A plugin rather
 * than a validation rule, because page sizes often come from variables, which validation rules
 * do not see.
 */
export function queryCostPlugin<C extends BaseContext>(
  schema: GraphQLSchema,
  options: QueryCostOptions,
): ApolloServerPlugin<C> {
  const costOf = cachedQueryCost(schema, options);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = costOf({
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
            });
          } catch {
            // Variables that do not fit the operation: execution refuses them with its own error.
            return;
          }
          if (cost > options.maxCost) {
            throw new LimitExceededError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `Query cost limit of ${options.maxCost} exceeded, found ${cost}: ask for smaller pages (first/last) or fewer nested lists.`,
              { limit: 'cost', max: options.maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}
