import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Basis, Citation, NodeRef } from '../api/types';
import { formatDay, formatEdtf } from '../lib/format';
import { typeLabel } from '../lib/i18n';
import { entityUrl } from '../lib/route';
import type { Validity } from '../lib/validity';
import { Link, useRouter } from '../router';
import { entityLabel, TYPE_COLOURS } from './entity-label';

/** A link to an entity's page, under the current view. */
export function EntityLink({ node, showType = false }: { node: NodeRef; showType?: boolean }) {
  const { route } = useRouter();
  const { lang } = route.view;
  return (
    <span className="entity-link">
      {showType && <TypeBadge type={node.__typename} />}
      <Link to={entityUrl(node.__typename, node.key, route.view)}>{entityLabel(node, lang)}</Link>
    </span>
  );
}

export function TypeBadge({ type }: { type: string }) {
  const { route } = useRouter();
  return (
    <span className="type-badge" style={{ borderColor: TYPE_COLOURS[type] ?? '#666' }}>
      <span className="swatch" style={{ background: TYPE_COLOURS[type] ?? '#666' }} aria-hidden />
      {typeLabel(route.view.lang, type)}
    </span>
  );
}

/** STATED facts need no mark; INFERRED ones carry their reasoning, EDITORIAL ones say so. */
export function BasisBadge({ basis, reasoning }: { basis: Basis; reasoning: string | null }) {
  const { t } = useRouter();
  if (basis === 'STATED') return null;
  return (
    <>
      <span className={`basis basis-${basis.toLowerCase()}`}>{t(`basis${basis}`)}</span>
      {reasoning && (
        <span className="reasoning">
          {t('reasoning')}: {reasoning}
        </span>
      )}
    </>
  );
}

/** Quotes with their documents: title, publisher, date and a link to the source. */
export function Citations({ sources }: { sources: Citation[] }) {
  const { route, t } = useRouter();
  const { lang } = route.view;
  if (sources.length === 0) return null;
  return (
    <ul className="citations">
      {sources.map((c, i) => (
        <li key={`${c.document.id}-${i}`}>
          <blockquote>„{c.quote}“</blockquote>
          <p className="cite">
            —{' '}
            <Link to={entityUrl('SourceDocument', c.document.key, route.view)}>
              {c.document.title}
            </Link>
            {c.document.publisher && <>, {c.document.publisher}</>}
            {c.document.published && <>, {formatEdtf(c.document.published, lang)}</>}
            {c.document.url && (
              <>
                {' · '}
                <a href={c.document.url} target="_blank" rel="noopener noreferrer">
                  {t('openSource')}
                  <span className="sr-only"> ({c.document.title})</span> ↗
                </a>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** When a fact holds by its stated dates; nothing for timeless facts. */
export function ValidityText({ validity }: { validity: Validity }) {
  const { route, t } = useRouter();
  if (validity.timeless) return null;
  const day = (d: string | null, open: string) =>
    d === null
      ? open
      : d <= '0001-01-01' || d >= '9999-12-31'
        ? '…'
        : formatDay(d, route.view.lang);
  const certain =
    validity.certainFrom === null
      ? t('validityNoProof')
      : t('validityCertain', {
          from: day(validity.certainFrom, '…'),
          to: day(validity.certainUntil, t('validityOpen')),
        });
  const possible = t('validityPossible', {
    from: day(validity.possibleFrom, '…'),
    to: day(validity.possibleUntil, t('validityOpen')),
  });
  return (
    <span className="validity">
      {t('validity')}: {certain}; {possible}
    </span>
  );
}

export function Loading() {
  const { t } = useRouter();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }) {
  const { t } = useRouter();
  return (
    <p className="error" role="alert">
      {t('error', { message: error.message })}
    </p>
  );
}

export function Section({
  id,
  title,
  children,
  className,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={className}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Says which day the page describes, when the view has one (compare and dashboard pages). */
export function AsOfNotice() {
  const { route, t } = useRouter();
  const { asOf, mode } = route.view;
  if (!asOf) return null;
  return (
    <p className="notice">
      {t('asOfNotice', {
        day: asOf,
        mode: t(mode === 'CERTAIN' ? 'modeCERTAIN' : 'modePOSSIBLE'),
      })}
    </p>
  );
}
