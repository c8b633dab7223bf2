import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../errors';

/**
 * When every error of an answer is DATABASE_UNAVAILABLE, the request may simply be repeated
 * later: the answer says when, as a `Retry-After` header and as `extensions.retryAfter`
 * (seconds) on each error, for clients that only see the body.
 */
export function retryAfterPlugin<C extends BaseContext>(
  retryAfterSeconds: () => number,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (
            !errors ||
            errors.length === 0 ||
            !errors.every((e) => e.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)
          ) {
            return;
          }
          const seconds = retryAfterSeconds();
          response.http.headers.set('retry-after', String(seconds));
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, retryAfter: seconds },
          }));
        },
      };
    },
  };
}
