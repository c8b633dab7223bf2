import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import type { EntityRecord } from '../entity/entity.record';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { isEntityDimension } from './stats.dimensions';
import { BucketKey, BucketMemberEvidence, StatsBucket } from './stats.type';

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

  @FieldResolver(() => [BucketMemberEvidence], {
    description:
      "On request, the quotes behind the bucket: for each listed member (the first `membersPerBucket`, as in `memberIds`) the documents and quotes that place it under this bucket's keys. Each (document, quote) once, by document. One extra database query for the listed members of all buckets of the count (up to 5,000 of them; more take one query per 5,000).",
  })
  async evidence(
    @Root() bucket: StatsBucket,
    @Ctx() ctx: Context,
  ): Promise<BucketMemberEvidence[]> {
    const [records, sources] = await Promise.all([
      load(ctx, bucket.memberKeys),
      Promise.all(bucket.memberKeys.map((key) => bucket.citationsOf(key))),
    ]);
    const byKey = new Map(records.map((r) => [r.key, r]));
    return bucket.memberKeys.flatMap((key, i) => {
      const record = byKey.get(key);
      if (!record) return [];
      return [
        Object.assign(new BucketMemberEvidence(), {
          member: toObject({ ...record, view: bucket.view }) as unknown as Node,
          sources: sources[i]!,
        }),
      ];
    });
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
