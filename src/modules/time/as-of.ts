import { DAY_MAX, DAY_MIN, VALIDITY_PROPERTIES, type AsOfMode as Mode } from '../../edtf/validity';

/** A day and a mode: the point in time a request (or part of it) looks at. */
export interface AsOfView {
  day: string;
  mode: Mode;
}

/** The view an argument pair asks for, or the inherited one when the field sets no day. */
export function viewOf(
  args: { asOf?: string | null; asOfMode?: Mode | null } | undefined,
  inherited?: AsOfView | null,
): AsOfView | null {
  if (args?.asOf) return { day: args.asOf, mode: args.asOfMode ?? 'CERTAIN' };
  if (inherited && args?.asOfMode) return { ...inherited, mode: args.asOfMode };
  return inherited ?? null;
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
