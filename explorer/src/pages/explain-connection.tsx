import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { Entity, PathsResult } from '../api/types';
import { Citations, EntityLink, ErrorMessage, Loading } from '../components/common';
import { SearchBox } from '../components/search-box';
import { useRouter } from '../router';

/**
 * "Explain the connection": the shortest paths (API `paths`, at most 4 steps, 5 paths) from the
 * page's entity to another one chosen by search; each step in plain words with its quotes. The
 * other entity is in the URL (`with=`).
 */
export function ExplainConnection({ entity, other }: { entity: Entity; other: string | null }) {
  const { route, navigate, href, t } = useRouter();
  const page = route.page;
  const result = useQuery<PathsResult>(other ? QUERIES.PATHS : null, {
    from: entity.key,
    to: other,
  });
  const choose = (key: string | null) => {
    if (page.page === 'entity') navigate(href({ ...page, with: key }), { replace: true });
  };
  return (
    <div className="explain">
      <p className="muted">{t('explainHelp')}</p>
      <SearchBox label={t('explainWith')} onPick={(node) => choose(node.key)} />
      {other && result.loading && <Loading />}
      {other && result.error && <ErrorMessage error={result.error} />}
      {other && result.data && result.data.paths.length === 0 && (
        <p className="muted">{t('explainNone')}</p>
      )}
      {result.data?.paths.map((path, n) => (
        <section key={n} className="path" aria-labelledby={`path-${n}`}>
          <h3 id={`path-${n}`}>{t('explainPath', { n: n + 1, length: path.length })}</h3>
          <ol className="steps">
            {path.steps.map((step, i) => (
              <li key={i}>
                <p className="step">
                  <EntityLink node={step.from} showType /> <span aria-hidden>→</span>{' '}
                  <EntityLink node={step.to} showType />
                </p>
                <p className="step-text">{step.text}</p>
                <Citations sources={step.sources} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
