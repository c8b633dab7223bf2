import { lazy, Suspense, useMemo } from 'react';
import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { CountBucket, DashboardResult, FundingBucket } from '../api/types';
import { AsOfNotice, Citations, EntityLink, ErrorMessage, Loading } from '../components/common';
import { DownloadCsv } from '../components/download';
import { dashboardCharts, type ChartData } from '../lib/dashboard-charts';
import { formatEdtf, formatFunding, formatNumber } from '../lib/format';
import type { MessageKey } from '../lib/i18n';
import { useRouter } from '../router';

const BarChart = lazy(() => import('../charts/bar-chart'));

const TITLES: Record<string, [MessageKey, MessageKey | null, MessageKey]> = {
  'units-theme': ['chartUnitsPerTheme', 'chartUnitsPerThemeNote', 'chartCount'],
  'units-state-kind': ['chartUnitsPerStateKind', null, 'chartCount'],
  'units-year': ['chartUnitsPerYear', 'chartUnitsPerYearNote', 'chartCount'],
  funding: ['chartFunding', 'chartFundingNote', 'chartSum'],
};

function Members({ title, bucket }: { title: string; bucket: CountBucket | FundingBucket }) {
  const { route, t } = useRouter();
  const { lang } = route.view;
  const heading = <h3>{t('chartMembers', { bar: title })}</h3>;
  if ('statements' in bucket) {
    return (
      <div className="members" aria-live="polite">
        {heading}
        <ul>
          {bucket.statements.map((s) => (
            <li key={s.id}>
              <p>
                <EntityLink node={s.from} showType /> → <EntityLink node={s.programme} showType />:{' '}
                <strong>{formatFunding(s.funding, lang)}</strong>
                {s.period && <> ({formatEdtf(s.period, lang)})</>}
              </p>
              <Citations sources={s.sources} />
            </li>
          ))}
        </ul>
        {!bucket.membersComplete && (
          <p className="muted">
            {t('chartMembersMore', { shown: bucket.statements.length, count: bucket.count })}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="members" aria-live="polite">
      {heading}
      <ul className="member-list">
        {bucket.members.map((m) => (
          <li key={m.id}>
            <EntityLink node={m} showType />
          </li>
        ))}
      </ul>
      {!bucket.membersComplete && (
        <p className="muted">
          {t('chartMembersMore', { shown: bucket.members.length, count: bucket.count })}
        </p>
      )}
    </div>
  );
}

function ChartCard({
  chart,
  total,
  selected,
}: {
  chart: ChartData;
  total: number;
  selected: string | null;
}) {
  const { route, navigate, href, t } = useRouter();
  const { lang, asOf } = route.view;
  const [titleKey, noteKey, valueKey] = TITLES[chart.id]!;
  const title = t(titleKey);
  const select = (bucket: string | null) =>
    navigate(
      href({ page: 'dashboard', selected: bucket === null ? null : `${chart.id}:${bucket}` }),
      { replace: true },
    );
  const open = selected ? chart.buckets.get(selected) : undefined;
  return (
    <section className="chart-card" aria-labelledby={`${chart.id}-title`} id={chart.id}>
      <h2 id={`${chart.id}-title`}>{title}</h2>
      {noteKey && <p className="muted small">{t(noteKey)}</p>}
      <p className="muted small">{t('chartTotal', { total: formatNumber(total, lang) })}</p>
      {chart.segments.length === 0 ? (
        <p className="muted">{t('chartEmpty')}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <BarChart
            title={title}
            segments={chart.segments}
            groups={chart.groups}
            series={chart.series}
            orientation={chart.orientation}
            valueLabel={t(valueKey)}
            selected={selected}
            onSelect={(bucket) => select(bucket === selected ? null : bucket)}
          />
        </Suspense>
      )}
      {open && <Members title={open.title} bucket={open.bucket} />}
      <details className="chart-table">
        <summary>{t('chartTable')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {chart.header.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell === null ? '' : String(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <DownloadCsv
        filename={`${chart.id}${asOf ? `-${asOf}` : ''}.csv`}
        header={chart.header}
        rows={chart.rows}
        label={t('chartCsv')}
      />
    </section>
  );
}

export function DashboardPage({ selected }: { selected: string | null }) {
  const { route, t } = useRouter();
  const { view } = route;
  const variables = useMemo(
    () => ({ asOf: view.asOf, asOfMode: view.asOf ? view.mode : null }),
    [view.asOf, view.mode],
  );
  const result = useQuery<DashboardResult>(QUERIES.DASHBOARD, variables);
  const charts = useMemo(
    () =>
      result.data
        ? dashboardCharts(result.data, view.lang, {
            noneStated: t('noneStated'),
            count: t('chartCount'),
            uncertain: t('chartUncertain'),
            certain: t('chartCertain'),
          })
        : [],
    [result.data, view.lang, t],
  );
  const [selectedChart, selectedBucket] = selected
    ? [selected.slice(0, selected.indexOf(':')), selected.slice(selected.indexOf(':') + 1)]
    : [null, null];
  const totals: Record<string, number> = result.data
    ? {
        'units-theme': result.data.stats.byTheme.total,
        'units-state-kind': result.data.stats.byStateKind.total,
        'units-year': result.data.stats.byYear.total,
        funding: result.data.stats.funding.total,
      }
    : {};
  return (
    <div className="dashboard-page">
      <h1>{t('dashboardTitle')}</h1>
      <p className="muted">{t('dashboardIntro')}</p>
      <AsOfNotice />
      {result.loading && <Loading />}
      {result.error && <ErrorMessage error={result.error} />}
      <div className="charts">
        {charts.map((chart) => (
          <ChartCard
            key={chart.id}
            chart={chart}
            total={totals[chart.id] ?? 0}
            selected={selectedChart === chart.id ? selectedBucket : null}
          />
        ))}
      </div>
    </div>
  );
}
