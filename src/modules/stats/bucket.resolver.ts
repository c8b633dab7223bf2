import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import type { EntityRecord } from '../entity/entity.record';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { isEntityDimension } from './stats.dimensions';
import { BucketKey, StatsBucket } from './stats.type';

/** Loads the records of keys through the request's loader: one query for all buckets. */
async function load(ctx: Context, keys: readonly string[]): Promise<EntityRecord[]> {
  const found = await ctx.loaders.entityByKey.loadMany(keys);
  return found.filter((r): r is EntityRecord => r !== null && !(r instanceof Error));
}

@Resolver(() => StatsBucket)
export class StatsBucketResolver {
  @FieldResolver(() => [Node], {
    description:
      'The first `membersPerBucket` members themselves, in key order (the same as `memberIds`).',
  })
  async members(@Root() bucket: StatsBucket, @Ctx() ctx: Context): Promise<Node[]> {
    const records = await load(ctx, bucket.memberKeys);
    return records.map((r) => toObject({ ...r, view: bucket.view }) as unknown as Node);
  }
}

@Resolver(() => BucketKey)
export class BucketKeyResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      'The entity the key stands for (theme, state, city, programme, funder); null for the other dimensions and for "none stated".',
  })
  async node(@Root() key: BucketKey, @Ctx() ctx: Context): Promise<Node | null> {
    if (key.key === null || !isEntityDimension(key.dimension)) return null;
    const [record] = await load(ctx, [key.key]);
    return record ? (toObject(record) as unknown as Node) : null;
  }
}
