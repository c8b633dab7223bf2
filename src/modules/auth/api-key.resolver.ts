import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { uncacheable } from '../../common/cache-hint';
import type { Context } from '../../server/context';
import { ApiKeysArgs, CreateApiKeyArgs, RevokeApiKeyArgs } from './api-key.input';
import { listApiKeys } from './api-key.repository';
import { createApiKey, revokeApiKey } from './api-key.service';
import { ApiKey, CreatedApiKey, toApiKey } from './api-key.type';
import { requireRole } from './require-role';

/** Key management for admins; the same operations as `npm run keys`. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], {
    description:
      'The API keys of this server, oldest first, without secrets or hashes. Admins only (UNAUTHENTICATED without a credential, FORBIDDEN for other roles). Never cached.',
  })
  async apiKeys(
    @Ctx() ctx: Context,
    @Args(() => ApiKeysArgs) args: ApiKeysArgs,
  ): Promise<ApiKey[]> {
    uncacheable(ctx);
    requireRole(ctx, 'ADMIN');
    const keys = await listApiKeys(ctx.db, { includeRevoked: args.includeRevoked });
    return keys.map(toApiKey);
  }

  @Mutation(() => CreatedApiKey, {
    description:
      'Creates an API key with a role and returns it with its secret, which is shown only here. Admins only.',
  })
  async createApiKey(
    @Ctx() ctx: Context,
    @Args(() => CreateApiKeyArgs) args: CreateApiKeyArgs,
  ): Promise<CreatedApiKey> {
    const admin = requireRole(ctx, 'ADMIN');
    const { key, secret } = await createApiKey(ctx.db, {
      name: args.name,
      role: args.role,
      createdBy: admin.id,
    });
    return Object.assign(new CreatedApiKey(), { key: toApiKey(key), secret });
  }

  @Mutation(() => ApiKey, {
    description:
      'Revokes an API key: this server refuses it at once; other server processes within KG_API_KEY_CACHE_SECONDS (default 30). Revoking a revoked key changes nothing; an unknown id is NOT_FOUND. Admins only.',
  })
  async revokeApiKey(
    @Ctx() ctx: Context,
    @Args(() => RevokeApiKeyArgs) args: RevokeApiKeyArgs,
  ): Promise<ApiKey> {
    const admin = requireRole(ctx, 'ADMIN');
    const { key } = await revokeApiKey(ctx.db, args.id, admin.id);
    ctx.forgetApiKey(key.id);
    return toApiKey(key);
  }
}
