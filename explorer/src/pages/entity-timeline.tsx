import { QUERIES } from '../api';
import { useQuery } from '../api/use-query';
import type { Entity, RelationItem, TimelineEntry } from '../api/types';
import { Citations, EntityLink, ErrorMessage, Loading } from '../components/common';
import { datedFacts } from '../lib/derived-timeline';
import type { RelationModel } from '../lib/entity-model.types';
import { formatDay, formatEdtf, type EdtfDate } from '../lib/format';
import { codeLabel, fieldLabel, relationLabel } from '../lib/labels';
import { useRouter } from '../router';
import type { ReactNode } from 'react';

interface Row {
  date: EdtfDate;
  body: ReactNode;
  sources: TimelineEntry['sources'];
}

function TimelineList({ rows }: { rows: Row[] }) {
  const { route, t } = useRouter();
  const { lang } = route.view;
  if (rows.length === 0) return <p className="muted">{t('timelineEmpty')}</p>;
  let year: string | undefined;
  return (
    <ol className="timeline">
      {rows.map((row, i) => {
        const rowYear = row.date.earliest?.slice(0, 4) ?? '…';
        const newYear = rowYear !== year;
        year = rowYear;
        return (
          <li key={i} className={newYear ? 'new-year' : undefined}>
            {newYear && (
              <span className="year" aria-hidden>
                {rowYear}
              </span>
            )}
            <time dateTime={row.date.earliest ?? undefined}>{formatEdtf(row.date, lang)}</time>
            <div className="timeline-body">
              {row.body}
              {row.sources.length > 0 && (
                <details>
                  <summary>
                    {t('quote')} ({row.sources.length})
                  </summary>
                  <Citations sources={row.sources} />
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** A city's or theme's timeline from the API's `timeline` (up to the page's day). */
function ApiTimeline({ query, variables }: { query: string; variables: Record<string, unknown> }) {
  const { route } = useRouter();
  const result = useQuery<{ timeline: TimelineEntry[] }>(query, variables);
  if (result.error) return <ErrorMessage error={result.error} />;
  if (!result.data) return <Loading />;
  const rows: Row[] = result.data.timeline.map((entry) => ({
    date: entry.date,
    sources: entry.sources,
    body: (
      <p>
        <span className="kind">{codeLabel(route.view.lang, entry.kind)}</span> {entry.text}{' '}
        <span className="involved">
          (<EntityLink node={entry.subject} />
          {entry.object && (
            <>
              {', '}
              <EntityLink node={entry.object} />
            </>
          )}
          )
        </span>
      </p>
    ),
  }));
  return <TimelineList rows={rows} />;
}

/**
 * The timeline of dated facts: for a city or a theme the API's own `timeline` (their units,
 * posts, programmes, events); for other types the dates of the entity and of the facts on its
 * page. Either stops at the page's day.
 */
export function EntityTimeline({
  entity,
  type,
  relations,
}: {
  entity: Entity;
  type: string;
  relations: { relation: RelationModel; items: RelationItem[] }[];
}) {
  const { route, t } = useRouter();
  const { lang, asOf } = route.view;
  const note = (
    <p className="muted">
      {t('timelineNote')} {asOf && t('timelineUpTo', { day: formatDay(asOf, lang) })}
    </p>
  );
  if (type === 'City' || type === 'Theme') {
    return (
      <>
        {note}
        <ApiTimeline
          query={type === 'City' ? QUERIES.CITY_TIMELINE : QUERIES.THEME_TIMELINE}
          variables={
            type === 'City' ? { city: entity.key, to: asOf } : { theme: entity.key, to: asOf }
          }
        />
      </>
    );
  }
  const facts = datedFacts(
    entity,
    relations.map(({ relation, items }) => [
      relation.name,
      items as unknown as Record<string, unknown>[],
    ]),
    asOf,
  );
  const rows: Row[] = facts.map((fact) => {
    const item = fact.item as unknown as RelationItem | null;
    const far = item && farEndOf(item, entity.key);
    return {
      date: fact.date,
      sources: item ? item.sources : entity.sources,
      body: (
        <p>
          <span className="kind">{fieldLabel(lang, fact.field)}</span>
          {fact.relation && <> · {relationLabel(lang, type, fact.relation)}</>}
          {far && (
            <>
              {': '}
              <EntityLink node={far} />
            </>
          )}
        </p>
      ),
    };
  });
  return (
    <>
      {note}
      <TimelineList rows={rows} />
    </>
  );
}

function farEndOf(item: RelationItem, self: string) {
  if ('node' in item) return item.node;
  if ('person' in item) return item.person.key === self ? item.holder : item.person;
  if ('city' in item) return item.city.key === self ? item.programme : item.city;
  return item.funder.key === self ? item.programme : item.funder;
}
