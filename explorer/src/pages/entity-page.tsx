import { lazy, Suspense, useEffect, useMemo } from 'react';
import { MODEL, QUERIES } from '../api';
import { useQueries, useQuery, type QueryState } from '../api/use-query';
import type { Entity, NodeRef, RelationItem } from '../api/types';
import {
  BasisBadge,
  Citations,
  ErrorMessage,
  Loading,
  Section,
  TypeBadge,
  ValidityText,
} from '../components/common';
import { entityLabel } from '../components/entity-label';
import type { RelationModel } from '../lib/entity-model.types';
import { relationLabel } from '../lib/labels';
import { entityUrl, type Page } from '../lib/route';
import { validOn } from '../lib/validity';
import { useRouter } from '../router';
import { DetailTable } from './entity-properties';
import { FactItem, itemsOf, totalOf } from './entity-facts';
import { ExplainConnection } from './explain-connection';
import { EntityTimeline } from './entity-timeline';

const NeighbourhoodGraph = lazy(() => import('../graph/neighbourhood-graph'));

type EntityRoute = Extract<Page, { page: 'entity' }>;

/** Resolves a URL without a type (`/explore/entity/<id>`) to the typed one. */
function ResolveType({ page }: { page: EntityRoute }) {
  const { route, navigate } = useRouter();
  const result = useQuery<{ node: NodeRef }>(QUERIES.NODE_TYPE, { id: page.id });
  useEffect(() => {
    if (result.data) {
      navigate(entityUrl(result.data.node.__typename, result.data.node.key, route.view), {
        replace: true,
      });
    }
  }, [result.data, navigate, route.view]);
  if (result.error) return <ErrorMessage error={result.error} />;
  return <Loading />;
}

export function EntityPage({ page }: { page: EntityRoute }) {
  if (page.type === null || !MODEL.types[page.type]) return <ResolveType page={page} />;
  return <TypedEntityPage page={page} type={page.type} />;
}

type Node = { node: Entity };

function TypedEntityPage({ page, type }: { page: EntityRoute; type: string }) {
  const { route, navigate, href, t } = useRouter();
  const { view } = route;
  const queries = useMemo(() => QUERIES.entity(type), [type]);
  const own = useQuery<Node>(
    queries.own,
    useMemo(() => ({ id: page.id }), [page.id]),
  );
  const variables = useMemo(
    () => ({ id: page.id, asOf: view.asOf, asOfMode: view.asOf ? view.mode : null }),
    [page.id, view.asOf, view.mode],
  );
  const groups = useQueries<Node>(
    useMemo(() => queries.relations.map((r) => r.query), [queries]),
    variables,
  );
  const entity = own.data?.node;
  // A key of another type in the URL (or a global id or AGS): the page of that type, by key.
  useEffect(() => {
    if (entity && (entity.__typename !== type || entity.key !== page.id)) {
      navigate(href({ ...page, type: entity.__typename, id: entity.key }), { replace: true });
    }
  }, [entity, type, page, navigate, href]);
  useEffect(() => {
    if (entity) document.title = `${entityLabel(entity, view.lang)} · ${t('appTitle')}`;
  }, [entity, view.lang, t]);

  if (own.error) return <ErrorMessage error={own.error} />;
  if (!entity || entity.__typename !== type) return <Loading />;
  const model = MODEL.types[type]!;
  // Each relation with the answer of its group: loading, failed, or its items.
  const groupOf = new Map<string, QueryState<Node>>(
    queries.relations.flatMap((r, i) => r.names.map((name) => [name, groups[i]!] as const)),
  );
  const loaded = Object.assign({}, entity, ...groups.map((g) => g.data?.node ?? {})) as Entity;
  const relations = model.relations
    .filter((relation) => groupOf.get(relation.name)?.data)
    .map((relation) => ({ relation, items: itemsOf(loaded, relation) }))
    .filter(({ items }) => items.length > 0);
  const pending = groups.some((g) => g.loading);
  const failed = groups.find((g) => g.error)?.error;
  const invalid = view.asOf !== null && !validOn(entity.validity, view.asOf, view.mode);
  const mode = t(view.mode === 'CERTAIN' ? 'modeCERTAIN' : 'modePOSSIBLE');

  return (
    <article className="entity-page">
      <header className="entity-header">
        <TypeBadge type={type} />
        <h1>{entityLabel(entity, view.lang)}</h1>
        <p className="muted">
          {t('key')}: <code>{entity.key}</code>{' '}
          <BasisBadge basis={entity.basis} reasoning={entity.reasoning} />{' '}
          <ValidityText validity={entity.validity} />
        </p>
        {view.asOf && (
          <p className={invalid ? 'notice warn' : 'notice'} role="status">
            {invalid
              ? t('notValidOnDay', { day: view.asOf, mode })
              : t('asOfNotice', { day: view.asOf, mode })}
          </p>
        )}
      </header>

      <div className="entity-top">
        <Section id="properties" title={t('properties')}>
          <DetailTable entity={entity} fields={model.fields} labelFields={model.labelFields} />
        </Section>
        <Section id="own-sources" title={t('ownSources')}>
          <Citations sources={entity.sources} />
        </Section>
      </div>

      {type !== 'SourceDocument' && (
        <Section id="graph" title={t('graph')} className="graph-section">
          <Suspense fallback={<Loading />}>
            <NeighbourhoodGraph centre={entity} depth={page.depth} />
          </Suspense>
        </Section>
      )}

      {model.relations.length > 0 && (
        <Section id="facts" title={t('facts')}>
          {failed && <ErrorMessage error={failed} />}
          {!pending && !failed && relations.length === 0 && (
            <p className="muted">{view.asOf ? t('noFacts') : t('noFactsAtAll')}</p>
          )}
          {relations.map(({ relation, items }) => (
            <RelationSection
              key={relation.name}
              type={type}
              self={entity.key}
              relation={relation}
              items={items}
              total={totalOf(loaded, relation)}
            />
          ))}
          {pending && <Loading />}
        </Section>
      )}

      {model.relations.length > 0 && (
        <Section id="timeline" title={t('timeline')}>
          {pending ? (
            <Loading />
          ) : (
            <EntityTimeline entity={loaded} type={type} relations={relations} />
          )}
        </Section>
      )}

      <Section id="explain" title={t('explain')}>
        <ExplainConnection entity={entity} other={page.with} />
      </Section>
    </article>
  );
}

function RelationSection({
  type,
  self,
  relation,
  items,
  total,
}: {
  type: string;
  self: string;
  relation: RelationModel;
  items: RelationItem[];
  total: number;
}) {
  const { route, t } = useRouter();
  return (
    <section className="relation" aria-labelledby={`rel-${relation.name}`}>
      <h3 id={`rel-${relation.name}`} title={relation.description}>
        {relationLabel(route.view.lang, type, relation.name)}{' '}
        <span className="muted">
          ({total > items.length ? t('shownOf', { shown: items.length, total }) : items.length})
        </span>
      </h3>
      <ul className="facts">
        {items.map((item, i) => (
          <FactItem key={i} self={self} item={item} view={relation.view} />
        ))}
      </ul>
    </section>
  );
}
