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
 * The bucket key a node `d` gives (`value`) and the condition under which it gives one at all.
 */
export function keyOf(key: DimensionKey, d: string): { condition: string; value: string } {
  checkName(d);
  if (key.kind === 'entity') {
    return { condition: key.topConcepts ? `${d}.topConcept = true` : 'true', value: `${d}.id` };
  }
  if (key.kind === 'property') {
    const p = checkName(key.property);
    return { condition: `${d}.${p} IS NOT NULL`, value: `${d}.${p}` };
  }
  return yearKey(key.field, d);
}

/**
 * A date's year bucket: the earliest year it can mean. It is `uncertain` when its start may lie
 * in a later year: winter 2024 (Dec 2024–Feb 2025), "one of autumn or winter 2024", "2021 or
 * later". For an interval the start is what counts (`fStartLatest`, the latest day it can have
 * begun); for a single date that is its last day. A date with no known start gives no year.
 */
export function yearKey(
  field: string,
  d: string,
): { condition: string; value: string; uncertain: string } {
  const f = checkName(field);
  checkName(d);
  const earliest = `${d}.${f}Earliest`;
  const startLatest = `${d}.${f}StartLatest`;
  return {
    condition: `${earliest} IS NOT NULL`,
    value: `toString(${earliest}.year)`,
    uncertain: `${startLatest} IS NULL OR ${startLatest}.year <> ${earliest}.year`,
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
 * What a member gives along one dimension, as Cypher over the member. `one`: a value of its own
 * (its own property or date, or itself), read without a walk or a list; null when it has none.
 * `many`: a COLLECT of the distinct values its walks reach. A value is the node for an entity
 * key and the key itself for a property; a year is its key, with whether it is uncertain beside
 * it (`uncertain`, for `one`) or in a map {key, uncertain} (for `many`).
 */
export interface DimensionValues {
  form: 'one' | 'many';
  key: DimensionKey['kind'];
  expr: string;
  /** For a year of the member's own: whether its start may lie in a later year. */
  uncertain?: string;
}

/** A dimension read from the member itself: no walk (a year of a relationship needs one). */
const isSelf = (spec: DimensionSpec) =>
  spec.chains.length === 1 &&
  spec.chains[0]!.length === 0 &&
  !(spec.key.kind === 'year' && spec.key.onRelationship);

/**
 * The values of the member `start` along one dimension (see DimensionValues). `tag` keeps the
 * variables of different dimensions apart. A walk's values are made distinct in the database,
 * and a value of the member's own is read in place, so that no row needs a DISTINCT afterwards:
 * on the 2,000-city graph, a subquery and a {key, label} map per member for a unit's own kind
 * made "units per Land × kind" take 1.5× as long as the hand-written statement.
 */
export function dimensionValues(
  start: string,
  spec: DimensionSpec,
  view: FactView | null,
  tag: string,
): DimensionValues {
  checkName(start);
  const d = `${checkName(tag)}d`;
  if (isSelf(spec)) {
    if (spec.key.kind === 'entity') {
      const { condition } = keyOf(spec.key, start);
      const expr = condition === 'true' ? start : `CASE WHEN ${condition} THEN ${start} END`;
      return { form: 'one', key: 'entity', expr };
    }
    if (spec.key.kind === 'property') {
      return { form: 'one', key: 'property', expr: `${start}.${checkName(spec.key.property)}` };
    }
    const year = yearKey(spec.key.field, start);
    return {
      form: 'one',
      key: 'year',
      expr: year.value,
      uncertain: `(${year.condition} AND (${year.uncertain}))`,
    };
  }
  const key = spec.key.kind === 'year' ? yearKey(spec.key.field, d) : keyOf(spec.key, d);
  const value =
    spec.key.kind === 'entity'
      ? d
      : 'uncertain' in key
        ? `{key: ${key.value}, uncertain: ${key.uncertain}}`
        : key.value;
  const branches = dimensionBranches(start, spec, view, tag, () => `RETURN DISTINCT ${value} AS k`);
  return { form: 'many', key: spec.key.kind, expr: `COLLECT { ${branches.join(' UNION ')} }` };
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
 * The Cypher pieces that turn each member's values along the dimensions (DimensionValues, in
 * order) into one row per member and bucket: `columns` read the values (`b0` for a value of its
 * own, the list `k0` for a walk's), `unwinds` turn lists into rows (a member without a value
 * gets the null bucket), and `rows(carry)` keeps the variables `carry`, the bucket keys
 * (`groupNames`) and whether the member is in the bucket only uncertainly. A dimension keyed by
 * an entity is grouped by the node, whose key and label are read once per bucket
 * (`bucketKeys`); an entity key is never uncertain. Shared by counts and funding sums.
 *
 * With `markFirst`, each member's rows also carry `first`, true on exactly one of them (the one
 * with the first value of every list), so that a statement can count its members while it
 * groups them (`count(CASE WHEN first THEN 1 END)` summed over the buckets) instead of
 * collecting them all first to count them.
 */
export function grouping(values: readonly DimensionValues[], markFirst = false) {
  const indices = values.map((_, i) => i);
  const columns = values.flatMap((v, i) =>
    v.form === 'many'
      ? [`${v.expr} AS k${i}`]
      : [`${v.expr} AS b${i}`, ...(v.uncertain ? [`${v.uncertain} AS u${i}`] : [])],
  );
  const yearOf = (v: DimensionValues) => v.key === 'year' && v.form === 'many';
  const groups = values.map((v, i) =>
    v.key === 'entity'
      ? `b${i} AS node${i}`
      : yearOf(v)
        ? `b${i}.key AS key${i}`
        : `b${i} AS key${i}`,
  );
  const uncertainty = values.flatMap((v, i) =>
    v.key !== 'year' ? [] : v.form === 'many' ? [`coalesce(b${i}.uncertain, false)`] : [`u${i}`],
  );
  const uncertain = uncertainty.length ? uncertainty.join(' OR ') : 'false';
  const lists = indices.filter((i) => values[i]!.form === 'many');
  // The first value of every list (the null bucket's row for an empty one) is the member's first row.
  const firstOf = lists.map((i) => `i${i} = 0`).join(' AND ') || 'true';
  const marks = !markFirst
    ? []
    : values.some(yearOf)
      ? [`max(CASE WHEN ${firstOf} THEN 1 ELSE 0 END) = 1 AS first`]
      : [`${firstOf} AS first`];
  return {
    columns,
    unwinds: lists.map((i) =>
      markFirst
        ? `UNWIND range(0, CASE WHEN size(k${i}) > 1 THEN size(k${i}) - 1 ELSE 0 END) AS i${i}
  WITH *, k${i}[i${i}] AS b${i}`
        : `UNWIND ${orNone(`k${i}`)} AS b${i}`,
    ),
    groupNames: values.map((v, i) => (v.key === 'entity' ? `node${i}` : `key${i}`)),
    /**
     * A walk's years are distinct maps, so one member may reach the same year both certainly
     * and uncertainly (two posts taken up in 2019, one in "winter 2019"): it is then counted once
     * in that year, and certainly. Every other combination of values is already one row.
     */
    rows: (carry: string) =>
      values.some(yearOf)
        ? `WITH ${[carry, ...groups, `min(CASE WHEN ${uncertain} THEN 1 ELSE 0 END) = 1 AS uncertain`, ...marks].join(', ')}`
        : `WITH ${[carry, ...groups, `${uncertain} AS uncertain`, ...marks].join(', ')}`,
    bucketKeys: `[${values
      .map((v, i) =>
        v.key === 'entity'
          ? `{key: node${i}.id, label: ${entityLabel(`node${i}`)}}`
          : `{key: key${i}, label: key${i}}`,
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
  const { columns, unwinds, rows, groupNames, bucketKeys } = grouping(
    dimensions.map((spec, i) => dimensionValues('n', spec, view, `g${i}`)),
  );
  const members = memberLimit > 0 ? `collect(n.id)[..$memberLimit]` : '[]';
  const text = `MATCH (n:${cypherName(label)}:Entity) WHERE ${predicate}
WITH collect(n) AS matched
CALL (matched) {
  UNWIND matched AS n
  ${['WITH n', ...columns].join(', ')}
  ${unwinds.join('\n  ')}
  ${rows('n')}
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
