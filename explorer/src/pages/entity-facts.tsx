import type {
  Details,
  Entity,
  FundingItem,
  LinkItem,
  NodeRef,
  ParticipationItem,
  PostItem,
  RelationItem,
} from '../api/types';
import { BasisBadge, Citations, EntityLink, ValidityText } from '../components/common';
import type { RelationModel } from '../lib/entity-model.types';
import { formatEdtf, formatFunding, type EdtfDate, type Funding } from '../lib/format';
import { codeLabel, fieldLabel } from '../lib/labels';
import { useRouter } from '../router';

/** The items of a relation field as the entity query returned them (one, list or connection). */
export function itemsOf(entity: Entity, relation: RelationModel): RelationItem[] {
  const value = entity[relation.name];
  if (value === null || value === undefined) return [];
  if (relation.shape === 'connection') return (value as { nodes: RelationItem[] }).nodes;
  return Array.isArray(value) ? (value as RelationItem[]) : [value as RelationItem];
}

export function totalOf(entity: Entity, relation: RelationModel): number {
  const value = entity[relation.name] as { totalCount?: number } | null;
  return relation.shape === 'connection' && value ? (value.totalCount ?? 0) : -1;
}

/** Fields shown in a fact's line; type, validity and basis are shown elsewhere. */
const HIDDEN_DETAILS = new Set(['type', 'validity', 'basis', 'reasoning']);
const CODES = new Set(['role', 'status', 'kind', 'level']);

/** One field value in words: a code's label, a date as stated with its span, an amount. */
export function FieldValue({ name, value }: { name: string; value: unknown }) {
  const { route } = useRouter();
  const { lang } = route.view;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return <>{value.join('; ')}</>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '—'}</>;
  if (typeof value === 'number') return <>{new Intl.NumberFormat(lang).format(value)}</>;
  if (typeof value === 'object' && 'edtf' in value)
    return <>{formatEdtf(value as EdtfDate, lang)}</>;
  if (typeof value === 'object' && 'upTo' in value) {
    const funding = value as Funding;
    return (
      <>
        {formatFunding(funding, lang)}
        {funding.from && <> ({funding.from})</>}
        {funding.purpose && <> — {funding.purpose}</>}
      </>
    );
  }
  if (name === 'url' && typeof value === 'string') {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value} ↗
      </a>
    );
  }
  if (CODES.has(name) && typeof value === 'string') {
    // The label in words, the API's code on hover (it is what filters take).
    return <span title={value}>{codeLabel(lang, value)}</span>;
  }
  return <>{String(value)}</>;
}

function DetailList({ values }: { values: [string, unknown][] }) {
  const { route } = useRouter();
  const shown = values.filter(
    ([name, v]) =>
      !HIDDEN_DETAILS.has(name) &&
      v !== null &&
      v !== undefined &&
      !(Array.isArray(v) && v.length === 0),
  );
  if (shown.length === 0) return null;
  return (
    <dl className="details">
      {shown.map(([name, value]) => (
        <div key={name}>
          <dt>{fieldLabel(route.view.lang, name)}</dt>
          <dd>
            <FieldValue name={name} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The end of an edge object that is not the page's entity. */
function otherEnd(self: string, a: NodeRef, b: NodeRef): NodeRef {
  return a.key === self ? b : a;
}

/** One fact: the entity at the other end, what the relationship says, its dates, basis, quotes. */
export function FactItem({
  self,
  item,
  view,
}: {
  self: string;
  item: RelationItem;
  view: RelationModel['view'];
}) {
  let far: NodeRef;
  let values: [string, unknown][];
  let validity;
  switch (view) {
    case 'link': {
      const link = item as LinkItem;
      far = link.node;
      values = Object.entries(link.details as Details);
      validity = link.details.validity;
      break;
    }
    case 'post': {
      const post = item as PostItem;
      far = otherEnd(self, post.person, post.holder);
      values = [
        ['roleTitle', post.roleTitle],
        ['role', post.role],
        ['since', post.since],
        ['until', post.until],
        ['attested', post.attested],
      ];
      validity = post.validity;
      break;
    }
    case 'participation': {
      const p = item as ParticipationItem;
      far = otherEnd(self, p.city, p.programme);
      values = [
        ['roleTitle', p.roleTitle],
        ['role', p.role],
        ['status', p.status],
        ['period', p.period],
        ['funding', p.funding],
        ['reasons', p.reasons],
      ];
      validity = p.validity;
      break;
    }
    case 'funding': {
      const f = item as FundingItem;
      far = otherEnd(self, f.funder, f.programme);
      values = [
        ['period', f.period],
        ['funding', f.funding],
      ];
      validity = f.validity;
      break;
    }
  }
  const basis = 'basis' in item ? item.basis : 'STATED';
  const reasoning = 'reasoning' in item ? item.reasoning : null;
  return (
    <li className="fact">
      <div className="fact-head">
        <EntityLink node={far} showType />
        <BasisBadge basis={basis} reasoning={reasoning} />
      </div>
      <DetailList values={values} />
      <ValidityText validity={validity} />
      <Citations sources={item.sources} />
    </li>
  );
}
