import type { ValidityRule } from '../model/model';
import { parseEdtf, type EdtfBounds } from './edtf';

/**
 * When a fact holds, as four day bounds derived from its EDTF fields by its model rule. A fact is
 * CERTAINLY valid on every day in [certainFrom, certainTo] and POSSIBLY valid on every day in
 * [possibleFrom, possibleTo]. Unbounded ends are the sentinels below, so that a query compares
 * plain dates and can use an index; `certainFrom` is null when no day is certain.
 *
 * The semantics, documented in the README ("Time"):
 * - a date stands for every day it can mean: "2020-21" (spring 2020) has certainly begun by
 *   2020-05-31 and has possibly begun from 2020-03-01;
 * - an end that is open (`..`) or not stated counts as ongoing, unless a source states an end;
 * - an unknown start (`/2024-12`, `../2020-11`, or no date at all) is possible from any day but
 *   certain on none, unless a source shows the fact on a day (`attested`): from then on it is
 *   certain;
 * - a one-off fact (an event, a decision, a signature, a publication) holds from its date on;
 * - facts without a rule are timeless, and so are undated facts of a TIMELESS rule.
 */
export interface Validity {
  possibleFrom: string;
  certainFrom: string | null;
  certainTo: string;
  possibleTo: string;
}

export const DAY_MIN = '0001-01-01';
export const DAY_MAX = '9999-12-31';

const TIMELESS: Validity = {
  possibleFrom: DAY_MIN,
  certainFrom: DAY_MIN,
  certainTo: DAY_MAX,
  possibleTo: DAY_MAX,
};

function bounds(fields: Record<string, unknown>, name: string | undefined): EdtfBounds | null {
  if (name === undefined) return null;
  const value = fields[name];
  if (value === undefined || value === null) return null;
  return parseEdtf(String(value));
}

const earlier = (a: string | null, b: string | null) =>
  a === null ? b : b === null || a <= b ? a : b;

/**
 * The validity of one node or relationship from its (raw, as in the seeds) fields. `shownOn` is
 * the first day a dated relationship shows the node to exist (see attestations); from then on
 * the node certainly exists, as an open end counts as ongoing.
 */
export function validityOf(
  rule: ValidityRule | undefined,
  fields: Record<string, unknown>,
  shownOn: string | null = null,
): Validity {
  if (!rule) return TIMELESS;
  const v = ownValidity(rule, fields);
  if (shownOn === null || shownOn < v.possibleFrom || shownOn > v.certainTo) return v;
  return { ...v, certainFrom: earlier(v.certainFrom, shownOn) };
}

/**
 * For each node, the first day a dated relationship certainly holds on at one of its ends: a
 * council deciding in spring 2020 existed by 2020-05-31, a unit someone heads since 2020-11-01
 * existed on that day.
 */
export function attestations(relations: Iterable<AttestingRelation>): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of relations) addAttestation(out, rel);
  return out;
}

/** A relationship as attestations read it. */
export interface AttestingRelation {
  rule: ValidityRule | undefined;
  fields: Record<string, unknown>;
  from: string;
  to: string;
}

/** Adds what one relationship attests to `out` (node id → first day), one at a time. */
export function addAttestation(out: Map<string, string>, rel: AttestingRelation): void {
  if (!rel.rule) return;
  const day = ownValidity(rel.rule, rel.fields).certainFrom;
  if (day === null || day === DAY_MIN) return;
  const note = (id: string) => out.set(id, earlier(out.get(id) ?? null, day)!);
  note(rel.from);
  if ((rel.rule.attestsEnds ?? 'BOTH') === 'BOTH') note(rel.to);
}

function ownValidity(rule: ValidityRule, fields: Record<string, unknown>): Validity {
  const start = bounds(fields, rule.start);
  const end = bounds(fields, rule.end);
  const notBefore = bounds(fields, rule.notBefore);
  const attested = bounds(fields, rule.attested);
  const interval = bounds(fields, rule.interval);
  const point = bounds(fields, rule.point);
  if (!start && !end && !attested && !interval && !point) {
    if (rule.undated === 'TIMELESS') return TIMELESS;
    return {
      possibleFrom: notBefore?.earliest ?? DAY_MIN,
      certainFrom: null,
      certainTo: DAY_MAX,
      possibleTo: DAY_MAX,
    };
  }
  if (point) {
    return {
      possibleFrom: point.earliest ?? DAY_MIN,
      certainFrom: point.latest,
      certainTo: DAY_MAX,
      possibleTo: DAY_MAX,
    };
  }
  if (interval) {
    return {
      possibleFrom: interval.earliest ?? DAY_MIN,
      certainFrom: earlier(interval.startLatest, attested?.latest ?? null),
      // An open ("2021/..") or unstated ("2021/") end: no source says it ended.
      certainTo: interval.endEarliest ?? DAY_MAX,
      possibleTo: interval.latest ?? DAY_MAX,
    };
  }
  return {
    possibleFrom: start?.earliest ?? notBefore?.earliest ?? DAY_MIN,
    certainFrom: earlier(start ? start.latest : null, attested?.latest ?? null),
    certainTo: end ? (end.earliest ?? DAY_MIN) : DAY_MAX,
    possibleTo: end ? (end.latest ?? DAY_MAX) : DAY_MAX,
  };
}

export type AsOfMode = 'CERTAIN' | 'POSSIBLE';

/** Stored property names of the four bounds. */
export const VALIDITY_PROPERTIES = {
  possibleFrom: 'validPossibleFrom',
  certainFrom: 'validCertainFrom',
  certainTo: 'validCertainTo',
  possibleTo: 'validPossibleTo',
} as const;

/**
 * What is stored: only bounds that bound something. An unbounded start or end is left out (most
 * elements are timeless and carry none, which keeps a large import's transaction small), and
 * "no day is certain" is stored as DAY_MAX, so that a missing property always means unbounded.
 */
export function validityToStore(v: Validity): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.possibleFrom !== DAY_MIN) out[VALIDITY_PROPERTIES.possibleFrom] = v.possibleFrom;
  if (v.certainFrom !== DAY_MIN) out[VALIDITY_PROPERTIES.certainFrom] = v.certainFrom ?? DAY_MAX;
  if (v.certainTo !== DAY_MAX) out[VALIDITY_PROPERTIES.certainTo] = v.certainTo;
  if (v.possibleTo !== DAY_MAX) out[VALIDITY_PROPERTIES.possibleTo] = v.possibleTo;
  return out;
}

/** The bounds of an element read back from its (plain, ISO string) properties. */
export function storedValidity(props: Record<string, unknown>): Validity {
  const read = (name: string, absent: string) =>
    typeof props[name] === 'string' ? (props[name] as string) : absent;
  const certainFrom = read(VALIDITY_PROPERTIES.certainFrom, DAY_MIN);
  return {
    possibleFrom: read(VALIDITY_PROPERTIES.possibleFrom, DAY_MIN),
    certainFrom: certainFrom === DAY_MAX ? null : certainFrom,
    certainTo: read(VALIDITY_PROPERTIES.certainTo, DAY_MAX),
    possibleTo: read(VALIDITY_PROPERTIES.possibleTo, DAY_MAX),
  };
}

/**
 * The as-of test in one function: the reference the Cypher predicate (asOfPredicate) is checked
 * against in test/time.int.test.ts, and the semantics the unit tests spell out.
 */
export function isValidOn(v: Partial<Validity> | undefined, day: string, mode: AsOfMode): boolean {
  if (!v) return false;
  if (mode === 'CERTAIN') {
    return (
      v.certainFrom != null && v.certainFrom <= day && v.certainTo != null && day <= v.certainTo
    );
  }
  return (
    v.possibleFrom != null && v.possibleFrom <= day && v.possibleTo != null && day <= v.possibleTo
  );
}
