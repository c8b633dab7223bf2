import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type CachePolicy = GraphQLRequestContext<BaseContext>['overallCachePolicy'];

/** True when a root selection set names a field other than introspection's, through fragments. */
function selectsData(
  set: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return !selection.name.value.startsWith('__');
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return selectsData(selection.selectionSet, document, seen);
    }
    if (seen.has(selection.name.value)) return false;
    seen.add(selection.name.value);
    const fragment = document.definitions.find(
      (d): d is FragmentDefinitionNode =>
        d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return fragment ? selectsData(fragment.selectionSet, document, seen) : false;
  });
}

/** A request's context that resolvers can mark uncacheable through (see `uncacheable`). */
export interface CachePolicyHolder {
  /** The request's overall cache policy, set when the request starts. */
  cachePolicy?: Pick<CachePolicy, 'restrict'>;
}

/**
 * The `Cache-Control` header of every GraphQL answer: `max-age=<defaultMaxAge>, public` for an
 * executed read without errors (the graph changes only on import), `no-store` for everything
 * else — errors, writes and credentialed requests (no-store.plugin), and answers a field marked
 * with `uncacheable` (`me`, `apiKeys`).
 *
 * This is what Apollo's cache-control plugin computes for a schema without `@cacheControl`
 * hints, and sets the same overall cache policy the ETag plugin reads; but Apollo's plugin hooks
 * every field's resolver (`willResolveField`), which wraps each of the thousands of fields of a
 * large answer in its instrumentation, and this plugin decides once per request.
 */
export function cachePolicyPlugin<C extends BaseContext & CachePolicyHolder>(
  defaultMaxAge: number,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue, overallCachePolicy }) {
      contextValue.cachePolicy = overallCachePolicy;
      return {
        async executionDidStart({ operation, document }) {
          // Every field's default age; a field's `uncacheable` lowers it to 0 as it runs. As in
          // Apollo's plugin, introspection alone (`__schema`, `__type`, `__typename`) sets none.
          if (selectsData(operation.selectionSet, document)) {
            overallCachePolicy.restrict({ maxAge: defaultMaxAge });
          }
        },
        async willSendResponse({ response }) {
          // Apollo's own answers may carry their header (an unknown persisted query's).
          if (response.http.headers.has('cache-control')) return;
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable =
            policy !== null &&
            response.body.kind === 'single' &&
            response.body.singleResult.errors === undefined;
          response.http.headers.set(
            'cache-control',
            cacheable ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}
