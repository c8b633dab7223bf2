import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config';
import { armorProtection } from './armor';
import { queryCostPlugin } from './query-cost';
import { responseSizePlugin } from './response-size';

export { jsonErrorHandler } from './http-errors';
export { rateLimiter } from './rate-limit';
export { tokenLimit } from './token-limit';

/**
 * The GraphQL side of the request limits (README "Limits"): Apollo options to spread into its
 * config. The response-size plugin comes first so the later plugins see its error.
 */
export function graphqlLimits<C extends BaseContext>(
  schema: GraphQLSchema,
  limits: LimitsConfig,
  development: boolean,
): {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: false;
  includeStacktraceInErrorResponses: boolean;
} {
  const armor = armorProtection<C>(limits, development);
  return {
    plugins: [
      responseSizePlugin<C>(limits.maxResponseBytes),
      ...armor.plugins,
      queryCostPlugin<C>(schema, limits),
    ],
    validationRules: armor.validationRules,
    // A JSON array of operations would multiply every other limit.
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: development,
  };
}
