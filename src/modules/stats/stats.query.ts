import { cypherName, type NodeLabel } from '../../model/model';
import type { AsOfView } from '../time/as-of';
import { chainPattern, pathValidity, type Chain } from './chain';
import type { DimensionKey, DimensionSpec } from './stats.dimensions';

/**
 * Cypher text of the aggregates, built only from the dimension table, the model's names (through
 * `cypherName` in chainPattern) and generated variable names; every value from a request is a
 * parameter. Kept free of I/O so that the shape of the statements can be unit-tested.
 */

const NAME = /^[a-z][A-Za-z0-9]*$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad Cypher name ${name}`);
  return name;
}

/**
 * The bucket key a node `d` gives, as a map {key, label, uncertain}, and the condition under
 * which it gives one at all.
 */
export function keyOf(key: DimensionKey, d: string): { condition: string; map: string } {
  checkName(d);
  if (key.kind === 'entity') {
    return {
      condition: key.topConcepts ? `${d}.topConcept = true` : 'true',
      map: `{key: ${d}.id, label: coalesce(${d}.name, ${d}.labelEn, ${d}.title, ${d}.id), uncertain: false}`,
    };
  }
  if (key.kind === 'property') {
    const p = checkName(key.property);
    return {
      condition: `${d}.${p} IS NOT NULL`,
      map: `{key: ${d}.${p}, label: ${d}.${p}, uncertain: false}`,
    };
  }
  return yearKey(key.field, d);
}

/**
 * A date's year bucket: the earliest year it can mean. It is uncertain when its start may lie in
 * a later year: winter 2024 (Dec 2024–Feb 2025), "one of autumn or winter 2024", "2021 or later".
 * For an interval the start is what counts (`fStartLatest`, the latest day it can have begun);
 * for a single date that is its last day. A date with no known start gives no year.
 */
export function yearKey(field: string, d: string): { condition: string; map: string } {
  const f = checkName(field);
  checkName(d);
  const earliest = `${d}.${f}Earliest`;
  const startLatest = `${d}.${f}StartLatest`;
  return {
    condition: `${earliest} IS NOT NULL`,
    map: `{key: toString(${earliest}.year), label: toString(${earliest}.year), uncertain: ${startLatest} IS NULL OR ${startLatest}.year <> ${earliest}.year}`,
  };
}

/**
 * A COLLECT subquery giving the distinct bucket keys of the member `start` along one dimension:
 * one UNION branch per chain, each walking a named path that must be valid on the as-of day.
 * `tag` keeps the variables of different dimensions apart.
 */
export function dimensionKeys(
  start: string,
  spec: DimensionSpec,
  view: AsOfView | null,
  tag: string,
): string {
  checkName(start);
  checkName(tag);
  const d = `${tag}d`;
  const path = `${tag}p`;
  const { condition, map } = keyOf(spec.key, d);
  const branches = spec.chains.map((chain: Chain) => {
    if (chain.length === 0) {
      // The start itself may be null (a funding statement names no city).
      const own = [`${d} IS NOT NULL`, condition].filter((c) => c !== 'true').join(' AND ');
      return `UNWIND [${start}] AS ${d} WITH ${d} WHERE ${own} RETURN ${map} AS k`;
    }
    const where = [pathValidity(path, view), condition].filter((c) => c !== 'true');
    return `MATCH ${path} = ${chainPattern(start, chain, d)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} RETURN ${map} AS k`;
  });
  return `COLLECT { ${branches.join(' UNION ')} }`;
}

/** A list of keys, or the one "none stated" entry (null) when the member has none. */
export const orNone = (list: string) => `CASE size(${list}) WHEN 0 THEN [null] ELSE ${list} END`;

export interface CountStatement {
  text: string;
  /** Parameters the statement adds to the filter's (member limit, as-of day). */
  params: Record<string, unknown>;
}

/**
 * The Cypher pieces that turn the key lists `k0`, `k1` of each member into buckets: unwind each
 * (a member without a value gets the null bucket), group by the keys and labels, and flag a
 * bucket member as uncertain when any of its keys is. Shared by counts and funding sums.
 */
export function grouping(dimensionCount: number) {
  const indices = Array.from({ length: dimensionCount }, (_, i) => i);
  return {
    unwinds: indices.map((i) => `UNWIND ${orNone(`k${i}`)} AS b${i}`),
    groups: indices.map((i) => `b${i}.key AS key${i}, b${i}.label AS label${i}`),
    groupNames: indices.flatMap((i) => [`key${i}`, `label${i}`]),
    uncertain: dimensionCount
      ? indices.map((i) => `coalesce(b${i}.uncertain, false)`).join(' OR ')
      : 'false',
    bucketKeys: `[${indices.map((i) => `{key: key${i}, label: label${i}}`).join(', ')}]`,
  };
}

/**
 * One statement for a grouped count: the members matching the filter, their keys along each
 * dimension, one row per combination with its distinct members counted. Returns the total and
 * the buckets in one row, so an empty result still gives a total of 0.
 */
export function countStatement(
  label: NodeLabel,
  predicate: string,
  dimensions: readonly DimensionSpec[],
  view: AsOfView | null,
  memberLimit: number,
): CountStatement {
  const keys = dimensions.map((spec, i) => `${dimensionKeys('n', spec, view, `g${i}`)} AS k${i}`);
  const { unwinds, groups, groupNames, uncertain, bucketKeys } = grouping(dimensions.length);
  const members = memberLimit > 0 ? `collect(n.id)[..$memberLimit]` : '[]';
  const text = `MATCH (n:${cypherName(label)}:Entity) WHERE ${predicate}
WITH collect(n) AS matched
CALL (matched) {
  UNWIND matched AS n
  ${keys.length ? `WITH n, ${keys.join(', ')}` : 'WITH n'}
  ${unwinds.join('\n  ')}
  WITH DISTINCT n, ${[...groups, `${uncertain} AS uncertain`].join(', ')}
  ${memberLimit > 0 ? 'ORDER BY n.id' : '// no members asked for: no order needed'}
  WITH ${groupNames.length ? `${groupNames.join(', ')}, ` : ''}count(n) AS count, count(CASE WHEN uncertain THEN 1 END) AS uncertain, ${members} AS members
  RETURN collect({keys: ${bucketKeys}, count: count, uncertain: uncertain, members: members}) AS buckets
}
RETURN size(matched) AS total, buckets`;
  return {
    text,
    params: { ...(memberLimit > 0 ? { memberLimit } : {}), ...(view ? { asOfDay: view.day } : {}) },
  };
}
