import DataLoader from 'dataloader';
import { toGlobalId } from '../../common/global-id';
import { citationsOf, type Citation } from '../citation/citation.type';
import type { NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { viewOf } from '../time/as-of';
import type { StatsArgs } from './stats.args';
import { checkGroupBy, checkMembersPerBucket, sortBuckets } from './buckets';
import { dimensionSpecs, dimensionsOf } from './stats.dimensions';
import { citedBehindMembers, countByDimensions, type CitedElement } from './stats.repository';
import { BucketKey, StatsBucket, StatsCount } from './stats.type';

/** A grouped count of one kind of entity, as the `stats.<list>` fields answer it. */
export async function countStats(
  ctx: Context,
  label: NodeLabel,
  args: StatsArgs,
): Promise<StatsCount> {
  const groupBy = checkGroupBy(args.groupBy, dimensionsOf(label), label);
  const limit = checkMembersPerBucket(args.membersPerBucket);
  const specs = dimensionSpecs(label, groupBy, args.yearOf);
  const view = viewOf(args);
  const raw = await countByDimensions(
    ctx.db,
    label,
    args.where as Record<string, unknown> | null | undefined,
    specs,
    view,
    limit,
  );
  // The quotes behind members, asked for by `evidence` on any bucket: one query for all of them.
  const evidence = new DataLoader<string, Citation[]>(
    async (pairs) => {
      const items = pairs.map((p) => JSON.parse(p) as { member: string; keys: (string | null)[] });
      const cited = await citedBehindMembers(ctx.db, label, specs, view, items);
      return cited.map(citations);
    },
    { maxBatchSize: 5000 },
  );
  const buckets = raw.buckets.map((b) =>
    Object.assign(new StatsBucket(), {
      citationsOf: (member: string) =>
        evidence.load(JSON.stringify({ member, keys: b.keys.map((k) => k.key) })),
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

/** Each (document, quote) pair of the cited elements once, by document and quote. */
function citations(elements: CitedElement[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const element of elements) {
    // The basis of the element the quote backs: the same quote may back a stated and an
    // inferred step, and then stands once for each.
    for (const citation of citationsOf({ ...element })) {
      const id = JSON.stringify([citation.documentKey, citation.quote, citation.basis]);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(citation);
    }
  }
  const order = (c: Citation) => JSON.stringify([c.documentKey, c.quote]);
  return out.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}
