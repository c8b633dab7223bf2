import type { CsvValue } from '../../../src/modules/export/csv';
import type { BucketKey, CountBucket, DashboardResult, FundingBucket, NodeRef } from '../api/types';
import { formatNumber, periodLabel } from './format';
import { codeLabel } from './labels';
import type { Lang } from './route';
import { bucketId, type Segment } from './buckets';

/** Words the charts need, from the page's translator. */
export interface ChartWords {
  noneStated: string;
  count: string;
  uncertain: string;
  certain: string;
}

export interface ChartData {
  id: string;
  segments: Segment[];
  groups: string[];
  series: string[];
  orientation: 'x' | 'y';
  header: string[];
  rows: CsvValue[][];
  /** Each bucket by id, for its members. */
  buckets: Map<string, { title: string; bucket: CountBucket | FundingBucket }>;
}

function keyLabel(key: BucketKey, lang: Lang, words: ChartWords): string {
  if (key.key === null) return words.noneStated;
  const node = key.node as NodeRef | null;
  if (node?.labelDe && node.labelEn) return lang === 'de' ? node.labelDe : node.labelEn;
  if (key.dimension === 'ORG_UNIT_KIND') return codeLabel(lang, key.key);
  return node?.name ?? key.label ?? key.key;
}

function memberKeys(bucket: CountBucket): string {
  return bucket.members.map((m) => m.key).join('\n');
}

/** Units per theme: one horizontal bar per theme, largest first (as the API orders them). */
function byTheme(result: DashboardResult, lang: Lang, words: ChartWords): ChartData {
  const buckets = result.stats.byTheme.buckets;
  const entries = buckets.map((b) => ({
    id: bucketId(b.keys),
    label: keyLabel(b.keys[0]!, lang, words),
    b,
  }));
  return {
    id: 'units-theme',
    orientation: 'x',
    groups: entries.map((e) => e.label),
    series: [],
    segments: entries.map((e) => ({
      bucket: e.id,
      group: e.label,
      series: null,
      value: e.b.count,
      label: `${e.label}: ${e.b.count}`,
    })),
    header: ['theme', 'theme_label', 'count', 'members'],
    rows: entries.map((e) => [e.b.keys[0]!.key, e.label, e.b.count, memberKeys(e.b)]),
    buckets: new Map(entries.map((e) => [e.id, { title: e.label, bucket: e.b }])),
  };
}

/** Units per Land, stacked by kind. */
function byStateKind(result: DashboardResult, lang: Lang, words: ChartWords): ChartData {
  const entries = result.stats.byStateKind.buckets.map((b) => ({
    id: bucketId(b.keys),
    state: keyLabel(b.keys[0]!, lang, words),
    kind: keyLabel(b.keys[1]!, lang, words),
    b,
  }));
  return {
    id: 'units-state-kind',
    orientation: 'x',
    groups: [...new Set(entries.map((e) => e.state))],
    series: [...new Set(entries.map((e) => e.kind))].sort((a, c) => a.localeCompare(c, lang)),
    segments: entries.map((e) => ({
      bucket: e.id,
      group: e.state,
      series: e.kind,
      value: e.b.count,
      label: `${e.state} · ${e.kind}: ${e.b.count}`,
    })),
    header: ['state', 'state_label', 'kind', 'kind_label', 'count', 'members'],
    rows: entries.map((e) => [
      e.b.keys[0]!.key,
      e.state,
      e.b.keys[1]!.key,
      e.kind,
      e.b.count,
      memberKeys(e.b),
    ]),
    buckets: new Map(entries.map((e) => [e.id, { title: `${e.state} · ${e.kind}`, bucket: e.b }])),
  };
}

/**
 * Units per year set up: one column per year in order, "none stated" last; the share whose date
 * may also fall in a later year is a segment of its own.
 */
function byYear(result: DashboardResult, lang: Lang, words: ChartWords): ChartData {
  const entries = result.stats.byYear.buckets
    .map((b) => ({ id: bucketId(b.keys), label: keyLabel(b.keys[0]!, lang, words), b }))
    .sort((a, c) => (a.b.keys[0]!.key ?? '9999z').localeCompare(c.b.keys[0]!.key ?? '9999z'));
  const segments: Segment[] = entries.flatMap((e) => [
    {
      bucket: e.id,
      group: e.label,
      series: words.certain,
      value: e.b.count - e.b.uncertainCount,
      label: `${e.label}: ${e.b.count}${e.b.uncertainCount ? ` (${words.uncertain}: ${e.b.uncertainCount})` : ''}`,
    },
    ...(e.b.uncertainCount > 0
      ? [
          {
            bucket: e.id,
            group: e.label,
            series: words.uncertain,
            value: e.b.uncertainCount,
            label: `${e.label}, ${words.uncertain}: ${e.b.uncertainCount}`,
          },
        ]
      : []),
  ]);
  return {
    id: 'units-year',
    orientation: 'y',
    groups: entries.map((e) => e.label),
    series: [words.certain, words.uncertain],
    segments,
    header: ['year', 'count', 'uncertain', 'members'],
    rows: entries.map((e) => [e.b.keys[0]!.key, e.b.count, e.b.uncertainCount, memberKeys(e.b)]),
    buckets: new Map(entries.map((e) => [e.id, { title: e.label, bucket: e.b }])),
  };
}

/** The basis of a funding bucket in words: amounts of different bases are never added. */
export function fundingBasis(b: FundingBucket, lang: Lang): string {
  const parts = [
    codeLabel(lang, b.kind),
    [b.currency, b.per ? periodLabel(b.per, lang) : null].filter(Boolean).join(' '),
    b.upTo ? (lang === 'de' ? 'bis zu' : 'up to') : '',
  ];
  return parts.filter((p) => p.length > 0).join(', ');
}

/** Funding per funder and year: one bar per funder, year and basis, coloured by kind. */
function funding(result: DashboardResult, lang: Lang, words: ChartWords): ChartData {
  const entries = result.stats.funding.buckets.map((b) => {
    const funder = keyLabel(b.keys[0]!, lang, words);
    const year = keyLabel(b.keys[1]!, lang, words);
    const basis = fundingBasis(b, lang);
    return {
      id: `${bucketId(b.keys)}~${b.kind}~${b.currency}~${b.per}~${b.upTo}`,
      funder,
      year,
      basis,
      b,
    };
  });
  const group = (e: (typeof entries)[number]) => `${e.funder} · ${e.year}`;
  return {
    id: 'funding',
    orientation: 'x',
    groups: [...new Set(entries.map(group))],
    series: [...new Set(entries.map((e) => e.basis))],
    segments: entries.map((e) => ({
      bucket: e.id,
      group: group(e),
      series: e.basis,
      value: e.b.sum,
      label: `${group(e)} (${e.basis}): ${formatNumber(e.b.sum, lang)}`,
    })),
    header: [
      'funder',
      'funder_label',
      'year',
      'kind',
      'currency',
      'per',
      'up_to',
      'count',
      'sum',
      'min',
      'max',
      'statements',
    ],
    rows: entries.map((e) => [
      e.b.keys[0]!.key,
      e.funder,
      e.b.keys[1]!.key,
      e.b.kind,
      e.b.currency,
      e.b.per,
      e.b.upTo,
      e.b.count,
      e.b.sum,
      e.b.min,
      e.b.max,
      e.b.statements.map((s) => s.id).join('\n'),
    ]),
    buckets: new Map(
      entries.map((e) => [e.id, { title: `${group(e)} (${e.basis})`, bucket: e.b }]),
    ),
  };
}

/** The four charts of the dashboard, each with its table (the CSV is the same table). */
export function dashboardCharts(
  result: DashboardResult,
  lang: Lang,
  words: ChartWords,
): ChartData[] {
  return [
    byTheme(result, lang, words),
    byStateKind(result, lang, words),
    byYear(result, lang, words),
    funding(result, lang, words),
  ];
}
