import { useMemo } from 'react';
import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { SearchResult } from '../api/types';
import { EntityLink, ErrorMessage, Loading } from '../components/common';
import { groupByType, SearchBox } from '../components/search-box';
import { Snippet } from '../components/snippet';
import { TYPE_COLOURS } from '../components/entity-label';
import { typeLabel } from '../lib/i18n';
import { snippetFieldLabel } from '../lib/labels';
import { entityUrl } from '../lib/route';
import { Link, useRouter } from '../router';

const RESULTS = 100;
const TYPES = [
  'City',
  'OrgUnit',
  'Person',
  'Programme',
  'Organisation',
  'Event',
  'Theme',
  'District',
  'Venue',
  'County',
  'State',
  'SourceDocument',
];
const EXAMPLES = ['Seniorenbüro', 'Bremerhaven', 'Familie', 'Quartier', 'Armut'];

export function SearchPage({ q, types }: { q: string; types: string[] }) {
  const { route, navigate, href, t } = useRouter();
  const { lang } = route.view;
  const variables = useMemo(
    () => ({ text: q, types: types.length > 0 ? types : null, first: RESULTS }),
    [q, types],
  );
  const result = useQuery<SearchResult>(q ? QUERIES.SEARCH : null, variables);
  const groups = useMemo(() => groupByType(result.data?.search.hits ?? []), [result.data]);
  const search = (text: string, nextTypes = types) =>
    navigate(href({ page: 'search', q: text, types: nextTypes }));
  const toggleType = (type: string, on: boolean) => {
    const next = on ? [...types, type] : types.filter((x) => x !== type);
    navigate(href({ page: 'search', q, types: TYPES.filter((x) => next.includes(x)) }), {
      replace: true,
    });
  };

  return (
    <div className="search-page">
      <h1>{t('navSearch')}</h1>
      <div role="search">
        <SearchBox
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          initial={q}
          types={types}
          onPick={(entity) => navigate(entityUrl(entity.__typename, entity.key, route.view))}
          onSubmit={(text) => search(text)}
        />
      </div>
      <details className="type-filter" open={types.length > 0}>
        <summary>{types.length > 0 ? t('filterTypes') : t('allTypes')}</summary>
        <fieldset>
          <legend className="sr-only">{t('filterTypes')}</legend>
          {TYPES.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) => toggleType(type, e.target.checked)}
              />
              <span className="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden />
              {typeLabel(lang, type)}
            </label>
          ))}
        </fieldset>
      </details>
      {route.view.asOf && <p className="hint">{t('asOfNotUsed')}</p>}
      {!q && (
        <div className="intro">
          <p>{t('searchIntro')}</p>
          <p>
            {t('searchExamples')}{' '}
            {EXAMPLES.map((example, i) => (
              <span key={example}>
                {i > 0 && ' · '}
                <Link to={href({ page: 'search', q: example, types: [] })}>{example}</Link>
              </span>
            ))}
          </p>
        </div>
      )}
      {q && result.loading && <Loading />}
      {q && result.error && <ErrorMessage error={result.error} />}
      {q && result.data && (
        <div className="results" aria-live="polite">
          <p className="count">
            {result.data.search.hits.length === 0
              ? t('noResults', { q })
              : t(result.data.search.totalCountExact ? 'resultsCount' : 'resultsCountAtLeast', {
                  count: result.data.search.totalCount,
                  q,
                })}
          </p>
          {groups.map(([type, hits]) => (
            <section key={type} className="result-group" aria-labelledby={`group-${type}`}>
              <h2 id={`group-${type}`}>
                <span className="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden />
                {typeLabel(lang, type)} <span className="muted">({hits.length})</span>
              </h2>
              <ul>
                {hits.map((hit) => (
                  <li key={hit.entity.id}>
                    <EntityLink node={hit.entity} />
                    {hit.snippet && (
                      <p className="snippet">
                        <Snippet text={hit.snippet} />
                        {hit.snippetField && (
                          <span className="muted">
                            {' '}
                            ({t('matchedIn', { field: snippetFieldLabel(lang, hit.snippetField) })})
                          </span>
                        )}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
