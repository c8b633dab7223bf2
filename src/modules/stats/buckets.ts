import { BadUserInputError } from '../../common/graphql-errors';
import { DEFAULT_MEMBERS_PER_BUCKET, MAX_DIMENSIONS, MAX_MEMBERS_PER_BUCKET } from './stats.limits';
import type { StatsDimension } from './stats.dimensions';
import { StatsBucketOrder } from './stats.order';

/** Checks `groupBy` against what the aggregate supports; the dimensions in order. */
export function checkGroupBy(
  groupBy: readonly StatsDimension[] | null | undefined,
  supported: readonly StatsDimension[],
  what: string,
): StatsDimension[] {
  const dimensions = [...(groupBy ?? [])];
  if (dimensions.length > MAX_DIMENSIONS) {
    throw new BadUserInputError(
      `groupBy takes at most ${MAX_DIMENSIONS} dimensions (got ${dimensions.length})`,
      'groupBy',
    );
  }
  if (new Set(dimensions).size !== dimensions.length) {
    throw new BadUserInputError('groupBy names a dimension twice', 'groupBy');
  }
  for (const dimension of dimensions) {
    if (!supported.includes(dimension)) {
      throw new BadUserInputError(
        `${what} cannot be grouped by ${dimension}; supported: ${supported.join(', ') || 'none'}`,
        'groupBy',
      );
    }
  }
  return dimensions;
}

export function checkMembersPerBucket(value: number | null | undefined): number {
  const limit = value ?? DEFAULT_MEMBERS_PER_BUCKET;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MEMBERS_PER_BUCKET) {
    throw new BadUserInputError(
      `membersPerBucket must be between 0 and ${MAX_MEMBERS_PER_BUCKET} (got ${String(value)})`,
      'membersPerBucket',
    );
  }
  return limit;
}

/** A bucket as far as ordering goes: its key values (null = none stated) and its count. */
export interface Sortable {
  keys: { key: string | null }[];
  count: number;
}

/** Key order: keys compared dimension by dimension, numbers as numbers, null last. */
export function compareKeys(a: Sortable, b: Sortable): number {
  for (let i = 0; i < Math.max(a.keys.length, b.keys.length); i += 1) {
    const x = a.keys[i]?.key ?? null;
    const y = b.keys[i]?.key ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const byNumber = /^-?\d+$/.test(x) && /^-?\d+$/.test(y) ? Number(x) - Number(y) : 0;
    if (byNumber !== 0) return byNumber;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function sortBuckets<T extends Sortable>(
  buckets: readonly T[],
  order: StatsBucketOrder | null | undefined,
): T[] {
  const byCount = (order ?? StatsBucketOrder.KEY) === StatsBucketOrder.COUNT;
  return [...buckets].sort(
    (a, b) => (byCount && b.count !== a.count ? b.count - a.count : 0) || compareKeys(a, b),
  );
}
