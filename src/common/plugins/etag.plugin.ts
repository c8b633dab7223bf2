import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Puts an ETag on successful, cacheable answers to GraphQL GET requests. `etagFor` gives the
 * current ETag (from the data version); it is asked at the start of the request, so the tag
 * describes data no newer than the answer. A request whose `If-None-Match` names it gets 304;
 * `graphqlNotModified` answers most of those before the query runs.
 */
export function etagPlugin<C extends BaseContext>(
  etagFor: () => Promise<string>,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== 'GET') return;
      // Read alongside parsing and execution; a database that cannot answer just means no ETag.
      const etag = etagFor().catch(() => undefined);
      return {
        async willSendResponse({ response, overallCachePolicy }) {
          const tag = await etag;
          if (
            tag !== undefined &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors &&
            overallCachePolicy.policyIfCacheable() !== null
          ) {
            response.http.headers.set('etag', tag);
            // A conditional GET that `graphqlNotModified` let run (`If-None-Match: *` becomes the
            // current ETag there) is answered 304 once the answer proves to be a current one.
            if (request.http?.headers.get('if-none-match') === tag) response.http.status = 304;
          }
        },
      };
    },
  };
}
