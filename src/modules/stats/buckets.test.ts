import { GraphQLError } from 'graphql';
import { checkGroupBy, checkMembersPerBucket, compareKeys, sortBuckets } from './buckets';
import { StatsDimension } from './stats.dimensions';
import { StatsBucketOrder } from './stats.order';

const bucket = (keys: (string | null)[], count: number) => ({
  keys: keys.map((key) => ({ key })),
  count,
});

const code = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return undefined;
};

describe('buckets', () => {
  it('order keys dimension by dimension, years as numbers, "none stated" last', () => {
    const sorted = sortBuckets(
      [bucket([null], 9), bucket(['2021'], 1), bucket(['999'], 2), bucket(['2020'], 3)],
      StatsBucketOrder.KEY,
    );
    expect(sorted.map((b) => b.keys[0]!.key)).toEqual(['999', '2020', '2021', null]);
    expect(compareKeys(bucket(['a', 'x'], 0), bucket(['a', null], 0))).toBeLessThan(0);
    expect(compareKeys(bucket(['b', 'x'], 0), bucket(['a', 'y'], 0))).toBeGreaterThan(0);
  });

  it('order by count, largest first, equal counts by key', () => {
    const sorted = sortBuckets(
      [bucket(['family'], 2), bucket(['ageing'], 2), bucket([null], 5), bucket(['care'], 1)],
      StatsBucketOrder.COUNT,
    );
    expect(sorted.map((b) => b.keys[0]!.key)).toEqual([null, 'ageing', 'family', 'care']);
  });

  it('accept up to two distinct supported dimensions', () => {
    const supported = [StatsDimension.THEME, StatsDimension.CITY, StatsDimension.YEAR];
    expect(checkGroupBy(undefined, supported, 'OrgUnit')).toEqual([]);
    expect(checkGroupBy([StatsDimension.CITY, StatsDimension.THEME], supported, 'OrgUnit')).toEqual(
      [StatsDimension.CITY, StatsDimension.THEME],
    );
    expect(code(() => checkGroupBy(supported, supported, 'OrgUnit'))).toBe('BAD_USER_INPUT');
    expect(
      code(() => checkGroupBy([StatsDimension.CITY, StatsDimension.CITY], supported, 'OrgUnit')),
    ).toBe('BAD_USER_INPUT');
    expect(() => checkGroupBy([StatsDimension.FUNDER], supported, 'Theme')).toThrow(
      'Theme cannot be grouped by FUNDER; supported: THEME, CITY, YEAR',
    );
  });

  it('take 0 to 1000 members per bucket, 20 by default', () => {
    expect(checkMembersPerBucket(undefined)).toBe(20);
    expect(checkMembersPerBucket(0)).toBe(0);
    expect(checkMembersPerBucket(1000)).toBe(1000);
    expect(code(() => checkMembersPerBucket(1001))).toBe('BAD_USER_INPUT');
    expect(code(() => checkMembersPerBucket(-1))).toBe('BAD_USER_INPUT');
  });
});
