import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * `Cache-Control: no-store` for every mutation and for every request that carries credentials.
 * Read fields have a default max age (the cache-control plugin would give a mutation's answer
 * `max-age=…, public` too), and an answer to a request with `Authorization` must never be kept by
 * a shared cache. Set before execution, so the cache-control plugin keeps it.
 */
export function noStorePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      const credentialed = Boolean(request.http?.headers.get('authorization'));
      return {
        async didResolveOperation({ operation, response }) {
          if (operation?.operation === 'mutation' || credentialed) {
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}
