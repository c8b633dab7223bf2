import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config';
import { ErrorCode } from '../../common/errors';
import { LimitExceededError } from '../../common/graphql-errors';

/**
 * Turns graphql-armor's refusal ("Syntax Error: Query depth limit of 12 exceeded, found 23.") into
 * a QUERY_TOO_COMPLEX error naming the limit and what the request came to.
 */
function refuse(limit: string, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    const found = /found (\d+)/.exec(message);
    const refusal = new LimitExceededError(ErrorCode.QUERY_TOO_COMPLEX, message, {
      limit,
      max,
      ...(found ? { actual: Number(found[1]) } : {}),
    });
    context?.reportError(refusal);
  };
}

/**
 * graphql-armor's depth, alias and directive limits, and its hiding of field suggestions
 * ("Did you mean …?", which would map a schema for a caller) outside development. Its cost limit
 * stays off: it does not multiply by page sizes (see query-cost.ts).
 */
export function armorProtection<C extends BaseContext>(
  limits: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives'>,
  development: boolean,
): { plugins: ApolloServerPlugin<C>[]; validationRules: ValidationRule[] } {
  const options = (limit: string, n: number) => ({
    n,
    onReject: [refuse(limit, n)],
    propagateOnRejection: false,
  });
  const { plugins, validationRules } = new ApolloArmor({
    // Fragments are not nesting. `__schema` is left out: tools' introspection queries nest
    // `ofType` deeper than any data query needs, and the cost limit bounds nested introspection.
    maxDepth: { ...options('depth', limits.maxDepth), flattenFragments: true },
    maxAliases: options('aliases', limits.maxAliases),
    maxDirectives: options('directives', limits.maxDirectives),
    // The token limit runs before Apollo (token-limit.ts): armor's plugin answers it with a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !development },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin<C>[], validationRules };
}
