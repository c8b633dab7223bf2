import { useMemo, useState } from 'react';
import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { CityRef, Comparison, ComparisonCell, Evidence, ThemeOption } from '../api/types';
import {
  AsOfNotice,
  Citations,
  EntityLink,
  ErrorMessage,
  Loading,
  Section,
} from '../components/common';
import { DownloadCsv } from '../components/download';
import { SearchBox } from '../components/search-box';
import { MATRIX_HEADER, matrixRows, RANKING_HEADER, rankingRows } from '../lib/compare-table';
import { codeLabel } from '../lib/labels';
import { entityUrl, type Page } from '../lib/route';
import { Link, useRouter } from '../router';

type CompareRoute = Extract<Page, { page: 'compare' }>;

const MIN_CITIES = 2;
const MAX_CITIES = 50;
const AGS = /^\d{8}$/;

function themeLabel(theme: { labelDe: string; labelEn: string }, lang: 'de' | 'en') {
  return lang === 'de' ? theme.labelDe : theme.labelEn;
}

/** The cities chosen so far, by name, each with a button that removes it. */
function CityPicker({ page }: { page: CompareRoute }) {
  const { route, navigate, href, t } = useRouter();
  const names = useQuery<{ nodes: (CityRef | null)[] }>(
    page.cities.length > 0 ? QUERIES.CITY_NAMES : null,
    { ids: page.cities },
  );
  const set = (cities: string[]) =>
    navigate(href({ ...page, cities, cell: null }), { replace: true });
  const add = (id: string) => {
    if (!page.cities.includes(id) && page.cities.length < MAX_CITIES) set([...page.cities, id]);
  };
  return (
    <fieldset className="city-picker">
      <legend>{t('compareCities')}</legend>
      <ul className="chips">
        {page.cities.map((id, i) => {
          const city = names.data?.nodes[i];
          const name = city ? city.name : id;
          return (
            <li key={id}>
              {city ? <Link to={entityUrl('City', city.key, route.view)}>{name}</Link> : name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('compareRemove', { name })}
                onClick={() => set(page.cities.filter((c) => c !== id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <SearchBox
        label={t('compareAddCity')}
        types={['City']}
        clearOnPick
        onPick={(city) => add(city.key)}
        onSubmit={(text) => {
          if (AGS.test(text)) add(text);
        }}
        submitLabel="+"
      />
      {page.cities.length < MIN_CITIES && <p className="hint">{t('compareNeedCities')}</p>}
      {page.cities.length >= MAX_CITIES && <p className="hint">{t('compareTooMany')}</p>}
    </fieldset>
  );
}

/** Theme checkboxes: the top concepts, then the narrower themes with their broader ones. */
function ThemePicker({ page }: { page: CompareRoute }) {
  const { route, navigate, href, t } = useRouter();
  const { lang } = route.view;
  const result = useQuery<{ themes: { nodes: ThemeOption[] } }>(QUERIES.THEMES, {});
  const themes = result.data?.themes.nodes ?? [];
  const byKey = new Map(themes.map((theme) => [theme.key, theme]));
  const sorted = [...themes].sort((a, b) =>
    themeLabel(a, lang).localeCompare(themeLabel(b, lang), lang),
  );
  const toggle = (key: string, on: boolean) => {
    const chosen = on ? [...page.themes, key] : page.themes.filter((k) => k !== key);
    navigate(href({ ...page, themes: chosen, cell: null }), { replace: true });
  };
  const box = (theme: ThemeOption) => (
    <label key={theme.key} className="check">
      <input
        type="checkbox"
        checked={page.themes.includes(theme.key)}
        onChange={(e) => toggle(theme.key, e.target.checked)}
      />
      {themeLabel(theme, lang)}
      {!theme.topConcept && (
        <span className="muted small">
          {' '}
          ({theme.broader.map((b) => themeLabel(byKey.get(b.node.key) ?? theme, lang)).join(', ')})
        </span>
      )}
    </label>
  );
  return (
    <fieldset className="theme-picker">
      <legend>{t('compareThemes')}</legend>
      {result.error && <ErrorMessage error={result.error} />}
      {page.themes.length === 0 && <p className="hint">{t('compareThemesDefault')}</p>}
      <div className="theme-groups">
        <div>
          <h3>{t('compareTopConcepts')}</h3>
          {sorted.filter((x) => x.topConcept).map(box)}
        </div>
        <details>
          <summary>{t('compareNarrower')}</summary>
          <div className="theme-columns">{sorted.filter((x) => !x.topConcept).map(box)}</div>
        </details>
      </div>
    </fieldset>
  );
}

function EvidenceList({ title, evidence }: { title: string; evidence: Evidence[] }) {
  const { route, t } = useRouter();
  const { lang } = route.view;
  if (evidence.length === 0) return null;
  return (
    <div className="evidence-group">
      <h4>
        {title} ({evidence.length})
      </h4>
      <ul>
        {evidence.map((e, i) => (
          <li key={i}>
            <p>
              <EntityLink node={e.node} showType />
              {e.roleTitle && <> — {e.roleTitle}</>}
              {e.unit && (
                <>
                  {' '}
                  ({t('postIn')}{' '}
                  <Link to={entityUrl('OrgUnit', e.unit.key, route.view)}>{e.unit.name}</Link>)
                </>
              )}
            </p>
            <p className="muted small">
              {t('compareVia')} {e.via.map((v) => themeLabel(v, lang)).join(', ')} ·{' '}
              <code>{e.links.join(' ')}</code> · {codeLabel(lang, e.kind)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CellEvidence({
  cell,
  city,
  theme,
  onClose,
}: {
  cell: ComparisonCell;
  city: CityRef;
  theme: string;
  onClose?: () => void;
}) {
  const { t } = useRouter();
  return (
    <div className="cell-evidence" aria-live="polite">
      <div className="cell-evidence-head">
        <h3>
          {t('compareEvidence')}: {city.name} · {theme}
        </h3>
        {onClose && (
          <button type="button" className="link-button" onClick={onClose}>
            {t('close')}
          </button>
        )}
      </div>
      {!cell.addressed && <p className="muted">{t('compareNoEvidence')}</p>}
      <EvidenceList title={t('compareUnits')} evidence={cell.units} />
      <EvidenceList title={t('comparePrograms')} evidence={cell.programmes} />
      <EvidenceList title={t('comparePosts')} evidence={cell.posts} />
      <EvidenceList title={t('compareEvents')} evidence={cell.events} />
      {cell.sources.length > 0 && (
        <div className="evidence-group">
          <h4>
            {t('compareQuotes')} ({cell.sources.length})
          </h4>
          <Citations sources={cell.sources} />
        </div>
      )}
    </div>
  );
}

function exportUrl(page: CompareRoute, asOf: string | null, mode: string): string {
  const params = new URLSearchParams({ cities: page.cities.join(',') });
  if (page.themes.length > 0) params.set('themes', page.themes.join(','));
  if (asOf) {
    params.set('asOf', asOf);
    params.set('asOfMode', mode);
  }
  return `/export/compare.csv?${params.toString().replace(/%2C/g, ',')}`;
}

function Matrix({ page, comparison }: { page: CompareRoute; comparison: Comparison }) {
  const { route, navigate, href, t } = useRouter();
  const { lang } = route.view;
  const [preview, setPreview] = useState<string | null>(null);
  const pinned = page.cell;
  const shown = preview ?? pinned;
  const themes = new Map(comparison.themes.map((x) => [x.key, x]));
  const cities = new Map(comparison.cities.map((c) => [c.key, c]));
  const pin = (id: string | null) => navigate(href({ ...page, cell: id }), { replace: true });
  let selected: { cell: ComparisonCell; theme: string; city: CityRef } | null = null;
  for (const row of comparison.rows) {
    for (const cell of row.cells) {
      if (`${row.theme.key}~${cell.city.key}` === shown) {
        selected = {
          cell,
          theme: themeLabel(themes.get(row.theme.key)!, lang),
          city: cities.get(cell.city.key)!,
        };
      }
    }
  }
  return (
    <>
      <div className="table-scroll">
        <table className="matrix">
          <caption>{t('compareMatrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compareTheme')}</th>
              {comparison.cities.map((city) => (
                <th scope="col" key={city.key}>
                  <Link to={entityUrl('City', city.key, route.view)}>{city.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => {
              const theme = themes.get(row.theme.key)!;
              return (
                <tr key={row.theme.key}>
                  <th scope="row">
                    <Link to={entityUrl('Theme', theme.key, route.view)}>
                      {themeLabel(theme, lang)}
                    </Link>
                  </th>
                  {row.cells.map((cell) => {
                    const id = `${row.theme.key}~${cell.city.key}`;
                    const city = cities.get(cell.city.key)!;
                    return (
                      <td key={id} className={cell.addressed ? 'yes' : 'no'}>
                        <button
                          type="button"
                          className="cell"
                          data-cell={id}
                          aria-pressed={pinned === id}
                          aria-label={t('compareCell', {
                            city: city.name,
                            theme: themeLabel(theme, lang),
                            state: t(cell.addressed ? 'compareAddressed' : 'compareNotAddressed'),
                            count: cell.evidenceCount,
                          })}
                          onMouseEnter={() => setPreview(id)}
                          onMouseLeave={() => setPreview(null)}
                          onFocus={() => setPreview(id)}
                          onBlur={() => setPreview(null)}
                          onClick={() => pin(pinned === id ? null : id)}
                        >
                          {cell.addressed ? `✓ ${cell.evidenceCount}` : '—'}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {selected && (
        <CellEvidence
          cell={selected.cell}
          city={selected.city}
          theme={selected.theme}
          onClose={pinned ? () => pin(null) : undefined}
        />
      )}
    </>
  );
}

export function ComparePage({ page }: { page: CompareRoute }) {
  const { route, t } = useRouter();
  const { view } = route;
  const ready = page.cities.length >= MIN_CITIES && page.cities.length <= MAX_CITIES;
  const variables = useMemo(
    () => ({
      ids: page.cities,
      themes: page.themes.length > 0 ? page.themes : null,
      asOf: view.asOf,
      asOfMode: view.asOf ? view.mode : null,
    }),
    [page.cities, page.themes, view.asOf, view.mode],
  );
  const result = useQuery<{ compareCities: Comparison }>(ready ? QUERIES.COMPARE : null, variables);
  const comparison = result.data?.compareCities;
  const suffix = view.asOf ? `-${view.asOf}` : '';
  return (
    <div className="compare-page">
      <h1>{t('compareTitle')}</h1>
      <p className="muted">{t('compareIntro')}</p>
      <div className="compare-controls">
        <CityPicker page={page} />
        <ThemePicker page={page} />
      </div>
      <AsOfNotice />
      {ready && result.loading && <Loading />}
      {ready && result.error && <ErrorMessage error={result.error} />}
      {comparison && (
        <>
          <Section id="matrix" title={t('compareMatrix')}>
            <div className="downloads">
              <DownloadCsv
                filename={`comparison${suffix}.csv`}
                header={MATRIX_HEADER}
                rows={matrixRows(comparison, view.lang)}
                label={t('compareCsv')}
              />
              <a href={exportUrl(page, view.asOf, view.mode)} download>
                {t('compareFullExport')}
              </a>
            </div>
            <Matrix page={page} comparison={comparison} />
          </Section>
          <Section id="ranking" title={t('compareRanking')}>
            <p className="muted">
              {t('compareTieBreakers', { list: comparison.tieBreakers.join(' → ') })}
            </p>
            <div className="table-scroll">
              <table className="ranking">
                <thead>
                  <tr>
                    <th scope="col">{t('comparePosition')}</th>
                    <th scope="col">{t('compareCity')}</th>
                    <th scope="col">{t('compareThemesCovered')}</th>
                    <th scope="col">{t('compareEvidenceCount')}</th>
                    <th scope="col">{t('compareDecidedBy')}</th>
                    <th scope="col">{t('compareExplanation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.ranking.map((r) => (
                    <tr key={r.city.key}>
                      <td>
                        {r.position}
                        {r.sharedRank !== r.position && (
                          <span className="muted"> ({r.sharedRank})</span>
                        )}
                      </td>
                      <th scope="row">
                        <Link to={entityUrl('City', r.city.key, view)}>{r.city.name}</Link>
                      </th>
                      <td>
                        {r.themesCovered} / {comparison.themes.length}
                      </td>
                      <td>{r.evidenceCount}</td>
                      <td>{t(`decidedBy${r.decidedBy}` as 'decidedByTHEMES')}</td>
                      <td lang="en">{r.explanation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <DownloadCsv
              filename={`ranking${suffix}.csv`}
              header={RANKING_HEADER}
              rows={rankingRows(comparison)}
              label={t('compareRankingCsv')}
            />
          </Section>
        </>
      )}
    </div>
  );
}
