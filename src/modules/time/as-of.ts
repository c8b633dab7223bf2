import { DAY_MAX, DAY_MIN, VALIDITY_PROPERTIES, type AsOfMode as Mode } from '../../edtf/validity';
import { statedPredicate } from '../basis/basis';

/** A day and a mode: the point in time a request (or part of it) looks at. */
export interface AsOfView {
  day: string;
  mode: Mode;
}

/**
 * Which facts a request (or part of it) sees: those valid on a day (`asOf`), and with
 * `statedOnly` (`basis: STATED`) not those the sources only imply. One channel for both, from
 * the root field's arguments down to every relation field, filter and walk; null sees everything.
 */
export interface FactView {
  /** The as-of day and mode, or null: any time. */
  asOf: AsOfView | null;
  /** Leave out INFERRED nodes and relationships (EDITORIAL and STATED stay). */
  statedOnly: boolean;
}

/** The arguments a view is made from (`basis` is the BasisFilter enum's value). */
export interface ViewArgs {
  asOf?: string | null;
  asOfMode?: Mode | null;
  basis?: 'ALL' | 'STATED' | null;
}

/**
 * The view an argument set asks for, or the inherited one where the field sets nothing: a
 * field's own `asOf` replaces the inherited day, its own `asOfMode` the inherited mode, its own
 * `basis` the inherited basis setting. Null when nothing restricts.
 */
export function viewOf(args: ViewArgs | undefined, inherited?: FactView | null): FactView | null {
  let asOf: AsOfView | null = inherited?.asOf ?? null;
  if (args?.asOf) asOf = { day: args.asOf, mode: args.asOfMode ?? 'CERTAIN' };
  else if (asOf && args?.asOfMode) asOf = { ...asOf, mode: args.asOfMode };
  const statedOnly =
    args?.basis !== undefined && args.basis !== null
      ? args.basis === 'STATED'
      : (inherited?.statedOnly ?? false);
  return asOf || statedOnly ? { asOf, statedOnly } : null;
}

/**
 * The tests that `variable` (a node or relationship) is seen under the view: valid on its day
 * (parameter `$dayParam`), and not INFERRED when only stated facts count. None without a view.
 */
export function viewPredicates(
  variable: string,
  view: FactView | null,
  dayParam = 'asOfDay',
): string[] {
  if (!view) return [];
  return [
    ...(view.asOf ? [asOfPredicate(variable, dayParam, view.asOf.mode)] : []),
    ...(view.statedOnly ? [statedPredicate(variable)] : []),
  ];
}

/** The same tests as one predicate, `true` when there are none. */
export function viewPredicate(
  variable: string,
  view: FactView | null,
  dayParam = 'asOfDay',
): string {
  const all = viewPredicates(variable, view, dayParam);
  return all.length > 0 ? all.join(' AND ') : 'true';
}

/** The parameters viewPredicates uses: the day, when there is one. */
export function viewParams(view: FactView | null, dayParam = 'asOfDay'): Record<string, unknown> {
  return view?.asOf ? { [dayParam]: view.asOf.day } : {};
}

/**
 * The Cypher test that `variable` (a node or relationship) was valid on the day in parameter
 * `$dayParam`; the property names come from VALIDITY_PROPERTIES, never from input.
 */
export function asOfPredicate(variable: string, dayParam: string, mode: Mode): string {
  if (!/^[a-z][A-Za-z0-9]*$/.test(variable) || !/^[a-z][A-Za-z0-9]*$/.test(dayParam)) {
    throw new Error(`bad Cypher name ${variable} / ${dayParam}`);
  }
  const [from, to] =
    mode === 'CERTAIN'
      ? [VALIDITY_PROPERTIES.certainFrom, VALIDITY_PROPERTIES.certainTo]
      : [VALIDITY_PROPERTIES.possibleFrom, VALIDITY_PROPERTIES.possibleTo];
  // A missing bound is an unbounded one (see validityToStore).
  const day = `date($${dayParam})`;
  return `(coalesce(${variable}.${from}, date('${DAY_MIN}')) <= ${day} AND ${day} <= coalesce(${variable}.${to}, date('${DAY_MAX}')))`;
}
