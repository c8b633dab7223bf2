import type { CachePolicyHolder } from './plugins/cache-policy.plugin';

/**
 * Marks a field's answer as never to be cached: one that depends on who asks (`me`, `apiKeys`).
 * The whole response then says `Cache-Control: no-store` and gets no ETag.
 */
export function uncacheable(ctx: CachePolicyHolder): void {
  ctx.cachePolicy?.restrict({ maxAge: 0, scope: 'PRIVATE' });
}
