import { parseEdtf } from '../../edtf/edtf';
import {
  isNodeLabel,
  NODE_TYPES,
  RELATION_TYPES,
  type NodeSpec,
  type RelationSpec,
  type ValidityRule,
} from '../../model/model';

/** What happened on a timeline date. */
export type TimelineKind =
  'DECIDED' | 'STARTED' | 'ENDED' | 'ATTESTED' | 'TOOK_PLACE' | 'SIGNED' | 'PUBLISHED';

/** A dated fact as the repository reads it: a node, or a relationship with both its ends. */
export interface TimelineFact {
  /** A node label or a relationship type. */
  kind: string;
  props: Record<string, unknown>;
  /** Names of the ends, for relationships: the subject (start) and the object (end). */
  subjectName: string;
  objectName?: string;
}

export interface DatedEntry {
  kind: TimelineKind;
  /** The EDTF of this date (one end of an interval for STARTED/ENDED). */
  edtf: string;
  earliest: string | null;
  latest: string | null;
  text: string;
}

function ruleOf(kind: string): ValidityRule | undefined {
  if (isNodeLabel(kind)) return (NODE_TYPES[kind] as NodeSpec).validity;
  const spec = (RELATION_TYPES as Record<string, RelationSpec>)[kind];
  return spec?.validity;
}

function dated(kind: TimelineKind, edtf: string, text: string): DatedEntry | null {
  if (edtf === '' || edtf === '..') return null;
  const bounds = parseEdtf(edtf);
  return { kind, edtf, earliest: bounds.earliest, latest: bounds.latest, text };
}

/** The plain-words sentence of an entry; names come from the graph, never from a user. */
function sentence(fact: TimelineFact, kind: TimelineKind): string {
  const s = fact.subjectName;
  const o = fact.objectName ?? '';
  const p = fact.props;
  const title = typeof p.roleTitle === 'string' ? p.roleTitle : 'a post';
  switch (fact.kind) {
    case 'OrgUnit':
      return kind === 'DECIDED'
        ? `Creation of ${s} decided`
        : kind === 'ENDED'
          ? `${s} dissolved`
          : `${s} set up`;
    case 'Programme':
      return kind === 'ENDED' ? `${s} ends` : `${s} starts`;
    case 'Event':
      return `${s} takes place`;
    case 'SourceDocument':
      return `${s} published`;
    case 'HOLDS_POST':
      return kind === 'ENDED'
        ? `${s} leaves the post ${title} (${o})`
        : kind === 'ATTESTED'
          ? `${s} attested as ${title} (${o})`
          : `${s} takes up the post ${title} (${o})`;
    case 'PARTICIPATES_IN':
      return kind === 'ENDED'
        ? `${s}'s participation in ${o} ends`
        : `${s} takes part in ${o}${typeof p.roleTitle === 'string' ? ` as ${p.roleTitle}` : ''}`;
    case 'FUNDS':
      return kind === 'ENDED' ? `${s}'s funding of ${o} ends` : `${s} funds ${o}`;
    case 'AFFILIATED_WITH':
      return kind === 'ENDED' ? `${s}'s work with ${o} ends` : `${s} works with ${o}`;
    case 'CONTRIBUTED_TO':
      return kind === 'ENDED' ? `${s}'s work on ${o} ends` : `${s} works on ${o}`;
    case 'DECIDED':
      return `${s} decides: ${typeof p.decision === 'string' ? p.decision : o}`;
    case 'SIGNED':
      return `${s} signs ${o}`;
    case 'PART_OF':
      return `${s} becomes part of ${o}`;
    default:
      return `${s} ${kind.toLowerCase().replace('_', ' ')} ${o}`.trim();
  }
}

/**
 * The dated entries of one fact, one per stated date: a unit's decision, set-up and
 * dissolution; the two ends of a period; an event's day. Unknown or open ends give no entry.
 */
export function entriesOf(fact: TimelineFact): DatedEntry[] {
  const rule = ruleOf(fact.kind);
  if (!rule) return [];
  const value = (field: string | undefined) =>
    field !== undefined && typeof fact.props[field] === 'string'
      ? (fact.props[field] as string)
      : null;
  const out: (DatedEntry | null)[] = [];
  const add = (kind: TimelineKind, edtf: string | null) => {
    if (edtf !== null) out.push(dated(kind, edtf, sentence(fact, kind)));
  };
  add('DECIDED', value(rule.notBefore));
  add('STARTED', value(rule.start));
  add('ENDED', value(rule.end));
  add('ATTESTED', value(rule.attested));
  const interval = value(rule.interval);
  if (interval !== null) {
    const [start = '', end = ''] = interval.includes('/') ? interval.split('/') : [interval, ''];
    add('STARTED', start);
    add('ENDED', end);
  }
  const point = value(rule.point);
  if (point !== null) {
    const kind: TimelineKind =
      fact.kind === 'Event'
        ? 'TOOK_PLACE'
        : fact.kind === 'SIGNED'
          ? 'SIGNED'
          : fact.kind === 'SourceDocument'
            ? 'PUBLISHED'
            : 'DECIDED';
    add(kind, point);
  }
  return out.filter((e): e is DatedEntry => e !== null);
}

/** True when the entry's date may fall within [from, to] (both inclusive, either open). */
export function overlaps(entry: Bounds, from: string | null, to: string | null): boolean {
  if (to !== null && entry.earliest !== null && entry.earliest > to) return false;
  if (from !== null && entry.latest !== null && entry.latest < from) return false;
  return true;
}

interface Bounds {
  earliest: string | null;
  latest: string | null;
}

/** Earliest first; among equals the more precise (earlier last day) first, then by text. */
export function compareEntries(a: Bounds, aText: string, b: Bounds, bText: string): number {
  const x = [a.earliest ?? '', a.latest ?? '9999-12-31', aText];
  const y = [b.earliest ?? '', b.latest ?? '9999-12-31', bText];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}
