import type { EdtfDate } from './format';

/** One dated fact of an entity page: a date, what it dates, the entity at the other end. */
export interface DatedFact<R> {
  date: EdtfDate;
  /** The field that carries the date (`established`, `since`, `period`, …). */
  field: string;
  /** The relation field it comes from; null for the entity's own dates. */
  relation: string | null;
  /** The relation item (or null for own dates), for its far end and quotes. */
  item: R | null;
}

function isEdtf(value: unknown): value is EdtfDate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EdtfDate).edtf === 'string' &&
    'earliest' in value
  );
}

/** The EDTF dates among an object's fields, and among its `details`. */
function datesOf(object: Record<string, unknown>): [string, EdtfDate][] {
  const own = Object.entries(object).filter((e): e is [string, EdtfDate] => isEdtf(e[1]));
  const details = object.details;
  const nested =
    typeof details === 'object' && details !== null
      ? datesOf(details as Record<string, unknown>)
      : [];
  return [...own, ...nested];
}

/**
 * The dated facts of an entity for types the API's `timeline` does not cover (it is built per
 * city or theme): the entity's own dates and the dates of its relations as the page shows them,
 * in order of the first day each can mean (the more precise date first among equals, as the API
 * orders its timeline); `upTo` keeps dates that may fall on or before that day.
 */
export function datedFacts<R extends Record<string, unknown>>(
  own: Record<string, unknown>,
  relations: [string, R[]][],
  upTo: string | null,
): DatedFact<R>[] {
  const facts: DatedFact<R>[] = [
    ...datesOf(own).map(([field, date]) => ({ date, field, relation: null, item: null })),
    ...relations.flatMap(([relation, items]) =>
      items.flatMap((item) =>
        datesOf(item).map(([field, date]) => ({ date, field, relation, item })),
      ),
    ),
  ];
  const first = (f: DatedFact<R>) => f.date.earliest ?? '0000-00-00';
  const last = (f: DatedFact<R>) => f.date.latest ?? '9999-99-99';
  return facts
    .filter((f) => upTo === null || f.date.earliest === null || f.date.earliest <= upTo)
    .sort(
      (a, b) =>
        first(a).localeCompare(first(b)) ||
        last(a).localeCompare(last(b)) ||
        a.field.localeCompare(b.field),
    );
}
