import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
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

/**
 * Refuses an operation whose estimated cost is over the limit before it runs. A plugin rather
 * than a validation rule, because page sizes often come from variables, which validation rules
 * do not see.
 */
export function queryCostPlugin<C extends BaseContext>(
  schema: GraphQLSchema,
  options: QueryCostOptions,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = queryCost(schema, options, {
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
