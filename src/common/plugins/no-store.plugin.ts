import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Answers no cache may keep: a mutation's (cache-policy.plugin would give a write's answer the
 * default max age of reads), and any answer to a request that carries a credential, which may
 * depend on who sent it. Their cache policy becomes uncacheable before execution, so they say
 * `Cache-Control: no-store` and get no ETag.
 */
export function noStorePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const credential = request.http?.headers.get('authorization') !== undefined;
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation !== 'query' || credential) {
            overallCachePolicy.restrict({ maxAge: 0, scope: 'PRIVATE' });
          }
        },
      };
    },
  };
}
