import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLSchema, ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config';
import { armorProtection } from './armor';
import { queryCostPlugin } from './query-cost';
import { responseSizeLimit } from './response-size';

export { answerHttpError, jsonErrorHandler } from './http-errors';
export { rateLimiter, type NodeMiddleware } from './rate-limit';
export { tokenLimit } from './token-limit';

/**
 * The GraphQL side of the request limits (README "Limits"): Apollo options to spread into its
 * config (with `stringifyResult`, which sends the text the response-size check measured). The
 * response-size plugin comes first so the later plugins see its error.
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
  stringifyResult: (result: FormattedExecutionResult) => string;
} {
  const armor = armorProtection<C>(limits, development);
  const responseSize = responseSizeLimit<C>(limits.maxResponseBytes);
  return {
    plugins: [responseSize.plugin, ...armor.plugins, queryCostPlugin<C>(schema, limits)],
    validationRules: armor.validationRules,
    // A JSON array of operations would multiply every other limit.
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: development,
    stringifyResult: responseSize.stringifyResult,
  };
}
