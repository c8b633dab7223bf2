import type { GraphQLResolveInfo } from 'graphql';

/** What Apollo's cache control plugin adds to the resolve info (@apollo/cache-control-types). */
interface CacheControlInfo {
  cacheControl?: { setCacheHint(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void };
}

/**
 * Marks a field's answer as never to be cached: one that depends on who asks (`me`, `apiKeys`).
 * The whole response then says `Cache-Control: no-store` and gets no ETag.
 */
export function uncacheable(info: GraphQLResolveInfo): void {
  (info as GraphQLResolveInfo & CacheControlInfo).cacheControl?.setCacheHint({
    maxAge: 0,
    scope: 'PRIVATE',
  });
}
