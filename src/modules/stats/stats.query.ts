import { cypherName, type NodeLabel } from '../../model/model';
import { viewParams, type FactView } from '../time/as-of';
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

/** The label of an entity bucket: its name, or what stands for a name on its label. */
const entityLabel = (d: string) => `coalesce(${d}.name, ${d}.labelEn, ${d}.title, ${d}.id)`;

/**
 * The bucket key a node `d` gives, as a map {key, label, uncertain}, the key alone (`value`) and
 * the condition under which it gives one at all.
 */
export function keyOf(
  key: DimensionKey,
  d: string,
): { condition: string; map: string; value: string } {
  checkName(d);
  if (key.kind === 'entity') {
    return {
      condition: key.topConcepts ? `${d}.topConcept = true` : 'true',
      map: `{key: ${d}.id, label: ${entityLabel(d)}, uncertain: false}`,
      value: `${d}.id`,
    };
  }
  if (key.kind === 'property') {
    const p = checkName(key.property);
    return {
      condition: `${d}.${p} IS NOT NULL`,
      map: `{key: ${d}.${p}, label: ${d}.${p}, uncertain: false}`,
      value: `${d}.${p}`,
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
export function yearKey(
  field: string,
  d: string,
): { condition: string; map: string; value: string } {
  const f = checkName(field);
  checkName(d);
  const earliest = `${d}.${f}Earliest`;
  const startLatest = `${d}.${f}StartLatest`;
  return {
    condition: `${earliest} IS NOT NULL`,
    map: `{key: toString(${earliest}.year), label: toString(${earliest}.year), uncertain: ${startLatest} IS NULL OR ${startLatest}.year <> ${earliest}.year}`,
    value: `toString(${earliest}.year)`,
  };
}

/**
 * The UNION branches that walk from the member `start` along one dimension, one per chain, each
 * over a named path valid on the as-of day, binding the node (or, for a year of a relationship,
 * the relationship) that gives the key as `<tag>d` and ending with `returns`. `extra` adds
 * conditions on the key, over the outer variables `carry` (kept through the branches' WITH).
 */
function dimensionBranches(
  start: string,
  spec: DimensionSpec,
  view: FactView | null,
  tag: string,
  returns: (d: string, path: string | null) => string,
  extra: (key: { value: string }) => string = () => 'true',
  carry: readonly string[] = [],
): string[] {
  checkName(start);
  checkName(tag);
  const kept = carry.map((v) => `, ${checkName(v)}`).join('');
  const d = `${tag}d`;
  const path = `${tag}p`;
  const key = keyOf(spec.key, d);
  const { condition } = key;
  return spec.chains.map((chain: Chain) => {
    if (chain.length === 0) {
      // The start itself may be null (a funding statement names no city).
      const own = [`${d} IS NOT NULL`, condition, extra(key)].filter((c) => c !== 'true');
      return `UNWIND [${start}] AS ${d} WITH ${d}${kept} WHERE ${own.join(' AND ')} ${returns(d, null)}`;
    }
    const where = [pathValidity(path, view), condition, extra(key)].filter((c) => c !== 'true');
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    if (spec.key.kind === 'year' && spec.key.onRelationship) {
      // The key is read from the chain's last relationship (a post's `since`), not its end.
      return `MATCH ${path} = ${chainPattern(start, chain, `${tag}e`)} WITH ${path}${kept}, last(relationships(${path})) AS ${d}${filter} ${returns(d, path)}`;
    }
    return `MATCH ${path} = ${chainPattern(start, chain, d)}${filter} ${returns(d, path)}`;
  });
}

/**
 * A COLLECT subquery giving the bucket keys of the member `start` along one dimension: one UNION
 * branch per chain, each walking a named path that must be valid on the as-of day. `tag` keeps
 * the variables of different dimensions apart. A dimension keyed by an entity gives the nodes
 * themselves, labelled only once per bucket (`grouping`): on the national graph, building a
 * {key, label} map per member made "units per Land" take twice as long.
 */
export function dimensionKeys(
  start: string,
  spec: DimensionSpec,
  view: FactView | null,
  tag: string,
): string {
  const d = `${checkName(tag)}d`;
  const k = spec.key.kind === 'entity' ? d : keyOf(spec.key, d).map;
  const branches = dimensionBranches(start, spec, view, tag, () => `RETURN ${k} AS k`);
  return `COLLECT { ${branches.join(' UNION ')} }`;
}

/**
 * The statement naming the quotes behind bucket members: for each `$items` entry {i, member,
 * keys}, the elements cited along every walk from the member to the bucket's key of each
 * dimension — the relationships of the walk, or the member itself where the key is its own
 * (its kind, its own date, itself) — as `cited` lists of {sourceIds, quotes}. A null key ("none
 * stated") has nothing behind it; without dimensions the member's own quotes stand for it.
 */
export function evidenceStatement(
  label: NodeLabel,
  dimensions: readonly DimensionSpec[],
  view: FactView | null,
): CountStatement {
  const branches = dimensions.flatMap((spec, i) =>
    dimensionBranches(
      'n',
      spec,
      view,
      `e${i}`,
      (d, path) =>
        path === null ? `RETURN ${d} AS x` : `UNWIND relationships(${path}) AS x RETURN x`,
      (key) => `item.keys[${i}] IS NOT NULL AND ${key.value} = item.keys[${i}]`,
      ['item'],
    ),
  );
  const cited = branches.length > 0 ? `COLLECT { ${branches.join(' UNION ')} }` : '[n]';
  const text = `UNWIND $items AS item
MATCH (n:${cypherName(label)}:Entity {id: item.member})
RETURN item.i AS i, [x IN ${cited} | {sourceIds: x.sourceIds, quotes: x.quotes, basis: x.basis, reasoning: x.reasoning}] AS cited`;
  return { text, params: viewParams(view) };
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
 * bucket member as uncertain when any of its keys is. A dimension keyed by an entity
 * (`entityKeyed[i]`, which must match the keys `dimensionKeys` gave) is grouped by the node, whose
 * key and label are read once per bucket; an entity key is never uncertain. Shared by counts and
 * funding sums.
 */
export function grouping(entityKeyed: readonly boolean[]) {
  const byNode = (i: number) => entityKeyed[i]!;
  const indices = entityKeyed.map((_, i) => i);
  const uncertain = indices.filter((i) => !byNode(i));
  return {
    unwinds: indices.map((i) => `UNWIND ${orNone(`k${i}`)} AS b${i}`),
    groups: indices.map((i) =>
      byNode(i) ? `b${i} AS node${i}` : `b${i}.key AS key${i}, b${i}.label AS label${i}`,
    ),
    groupNames: indices.flatMap((i) => (byNode(i) ? [`node${i}`] : [`key${i}`, `label${i}`])),
    uncertain: uncertain.length
      ? uncertain.map((i) => `coalesce(b${i}.uncertain, false)`).join(' OR ')
      : 'false',
    bucketKeys: `[${indices
      .map((i) =>
        byNode(i)
          ? `{key: node${i}.id, label: ${entityLabel(`node${i}`)}}`
          : `{key: key${i}, label: label${i}}`,
      )
      .join(', ')}]`,
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
  view: FactView | null,
  memberLimit: number,
): CountStatement {
  const keys = dimensions.map((spec, i) => `${dimensionKeys('n', spec, view, `g${i}`)} AS k${i}`);
  const { unwinds, groups, groupNames, uncertain, bucketKeys } = grouping(
    dimensions.map((spec) => spec.key.kind === 'entity'),
  );
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
    params: { ...(memberLimit > 0 ? { memberLimit } : {}), ...viewParams(view) },
  };
}
