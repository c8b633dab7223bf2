import type { BucketKey, CountBucket, DashboardResult, FundingBucket, NodeRef } from '../api/types';
import { dashboardCharts, fundingBasis } from './dashboard-charts';

const key = (
  dimension: string,
  k: string | null,
  label: string | null,
  node: NodeRef | null = null,
): BucketKey => ({
  dimension,
  key: k,
  label,
  node,
});
const unit = (k: string): NodeRef => ({ __typename: 'OrgUnit', id: k, key: k, name: k });
const bucket = (keys: BucketKey[], members: string[], uncertainCount = 0): CountBucket => ({
  keys,
  count: members.length,
  uncertainCount,
  membersComplete: true,
  members: members.map(unit),
});
const theme: NodeRef = {
  __typename: 'Theme',
  id: 'T',
  key: 'ageing',
  labelDe: 'Leben im Alter',
  labelEn: 'Ageing',
};
const funder: NodeRef = { __typename: 'Organisation', id: 'O', key: 'bmfsfj', name: 'BMFSFJ' };
const funding: FundingBucket = {
  keys: [key('FUNDER', 'bmfsfj', 'BMFSFJ', funder), key('YEAR', '2021', '2021')],
  kind: 'PARTICIPATION',
  currency: 'EUR',
  per: 'P1Y',
  upTo: true,
  count: 1,
  sum: 40000,
  min: 40000,
  max: 40000,
  uncertainCount: 0,
  membersComplete: true,
  statements: [],
};
const result: DashboardResult = {
  stats: {
    byTheme: {
      total: 3,
      buckets: [
        bucket([key('THEME', 'ageing', 'Ageing', theme)], ['a', 'b']),
        bucket([key('THEME', null, null)], ['c']),
      ],
    },
    byStateKind: {
      total: 3,
      buckets: [
        bucket(
          [
            key('STATE', 'nrw', 'Nordrhein-Westfalen'),
            key('ORG_UNIT_KIND', 'STAFF_UNIT', 'STAFF_UNIT'),
          ],
          ['a'],
        ),
        bucket(
          [key('STATE', 'nrw', 'Nordrhein-Westfalen'), key('ORG_UNIT_KIND', 'OFFICE', 'OFFICE')],
          ['b'],
        ),
        bucket([key('STATE', null, null), key('ORG_UNIT_KIND', 'FACILITY', 'FACILITY')], ['c']),
      ],
    },
    byYear: {
      total: 3,
      buckets: [
        bucket([key('YEAR', null, null)], ['c']),
        bucket([key('YEAR', '2020', '2020')], ['a', 'b'], 1),
      ],
    },
    funding: { total: 1, buckets: [funding] },
  },
};
const words = {
  noneStated: 'none stated',
  count: 'Count',
  uncertain: 'Uncertain',
  certain: 'Year certain',
};

describe('dashboard charts', () => {
  const [byTheme, byStateKind, byYear, byFunding] = dashboardCharts(result, 'en', words);

  it('units per theme: a bar per bucket with the theme label in the reader’s language', () => {
    expect(byTheme!.groups).toEqual(['Ageing', 'none stated']);
    expect(byTheme!.segments.map((s) => [s.bucket, s.value, s.label])).toEqual([
      ['ageing', 2, 'Ageing: 2'],
      ['-', 1, 'none stated: 1'],
    ]);
    expect(byTheme!.rows).toEqual([
      ['ageing', 'Ageing', 2, 'a\nb'],
      [null, 'none stated', 1, 'c'],
    ]);
    expect(dashboardCharts(result, 'de', words)[0]!.groups[0]).toBe('Leben im Alter');
  });

  it('units per Land and kind: stacked by kind in words', () => {
    expect(byStateKind!.groups).toEqual(['Nordrhein-Westfalen', 'none stated']);
    expect(byStateKind!.series).toEqual(['facility', 'office', 'staff unit']);
    expect(byStateKind!.segments.map((s) => [s.bucket, s.group, s.series, s.value])).toEqual([
      ['nrw~STAFF_UNIT', 'Nordrhein-Westfalen', 'staff unit', 1],
      ['nrw~OFFICE', 'Nordrhein-Westfalen', 'office', 1],
      ['-~FACILITY', 'none stated', 'facility', 1],
    ]);
    const office = byStateKind!.buckets.get('nrw~OFFICE')!.bucket as CountBucket;
    expect(office.members.map((m) => m.key)).toEqual(['b']);
  });

  it('units per year: years in order, "none stated" last, the uncertain share apart', () => {
    expect(byYear!.groups).toEqual(['2020', 'none stated']);
    expect(byYear!.segments.map((s) => [s.bucket, s.series, s.value])).toEqual([
      ['2020', 'Year certain', 1],
      ['2020', 'Uncertain', 1],
      ['-', 'Year certain', 1],
    ]);
    expect(byYear!.rows).toEqual([
      ['2020', 2, 1, 'a\nb'],
      [null, 1, 0, 'c'],
    ]);
  });

  it('funding: one bar per funder, year and basis, never adding different bases', () => {
    expect(byFunding!.groups).toEqual(['BMFSFJ · 2021']);
    expect(byFunding!.series).toEqual(['received in a programme, EUR per year, up to']);
    expect(byFunding!.segments[0]).toMatchObject({ value: 40000, group: 'BMFSFJ · 2021' });
    expect(byFunding!.rows).toEqual([
      ['bmfsfj', 'BMFSFJ', '2021', 'PARTICIPATION', 'EUR', 'P1Y', true, 1, 40000, 40000, 40000, ''],
    ]);
    expect(fundingBasis(funding, 'de')).toBe('Zuwendung in einem Programm, EUR pro Jahr, bis zu');
  });
});
