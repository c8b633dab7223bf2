import { toGlobalId } from '../../common/global-id';
import type { NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { viewOf } from '../time/as-of';
import type { StatsArgs } from './stats.args';
import { checkGroupBy, checkMembersPerBucket, sortBuckets } from './buckets';
import { DIMENSIONS, dimensionsOf } from './stats.dimensions';
import { countByDimensions } from './stats.repository';
import { BucketKey, StatsBucket, StatsCount } from './stats.type';

/** A grouped count of one kind of entity, as the `stats.<list>` fields answer it. */
export async function countStats(
  ctx: Context,
  label: NodeLabel,
  args: StatsArgs,
): Promise<StatsCount> {
  const groupBy = checkGroupBy(args.groupBy, dimensionsOf(label), label);
  const limit = checkMembersPerBucket(args.membersPerBucket);
  const specs = groupBy.map((d) => DIMENSIONS[label][d]!);
  const view = viewOf(args);
  const raw = await countByDimensions(
    ctx.db,
    label,
    args.where as Record<string, unknown> | null | undefined,
    specs,
    view,
    limit,
  );
  const buckets = raw.buckets.map((b) =>
    Object.assign(new StatsBucket(), {
      keys: b.keys.map((k, i) =>
        Object.assign(new BucketKey(), { dimension: groupBy[i]!, key: k.key, label: k.label }),
      ),
      count: b.count,
      uncertainCount: b.uncertain,
      memberKeys: b.members,
      view,
      memberIds: b.members.map((key) => toGlobalId(label, key)),
      membersComplete: b.members.length === b.count,
    }),
  );
  return Object.assign(new StatsCount(), {
    total: raw.total,
    groupBy,
    buckets: sortBuckets(buckets, args.orderBuckets),
  });
}
