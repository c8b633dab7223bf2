import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import type { NodeLabel } from '../../model/model';
import { compileFilter } from '../entity/entity.repository';
import type { FactView } from '../time/as-of';
import type { DimensionSpec } from './stats.dimensions';
import { countStatement, evidenceStatement } from './stats.query';

export interface RawBucket {
  keys: { key: string | null; label: string | null }[];
  count: number;
  uncertain: number;
  /** Keys of the first members in key order (empty when not asked for). */
  members: string[];
}

export interface RawCount {
  total: number;
  buckets: RawBucket[];
}

/**
 * A grouped count of one label in one statement: the list's `where` compiled as for the root
 * lists (with the as-of view), then the keys of each member along each dimension.
 */
export async function countByDimensions(
  db: Database,
  label: NodeLabel,
  where: Record<string, unknown> | null | undefined,
  dimensions: readonly DimensionSpec[],
  view: FactView | null,
  memberLimit: number,
): Promise<RawCount> {
  const filter = compileFilter(label, where, view);
  const statement = countStatement(label, filter.predicate, dimensions, view, memberLimit);
  const params: Record<string, unknown> = { ...filter.params, ...statement.params };
  // JavaScript numbers travel as floats; a list slice takes only an integer.
  if (params.memberLimit !== undefined) params.memberLimit = neo4j.int(memberLimit);
  const result = await db.readStatement(statement.text, params);
  const row = result.records[0];
  return {
    total: (row?.get('total') as number | undefined) ?? 0,
    buckets: (row?.get('buckets') as RawBucket[] | undefined) ?? [],
  };
}

/** The cited elements behind one bucket member: each a node's or relationship's two lists. */
export type CitedElement = {
  sourceIds: string[] | null;
  quotes: string[] | null;
  basis?: string | null;
  reasoning?: string | null;
};

/**
 * For members of buckets, the elements whose quotes place each in its bucket (see
 * evidenceStatement), for any number of (member, bucket keys) pairs in one statement; in the
 * order of `items`.
 */
export async function citedBehindMembers(
  db: Database,
  label: NodeLabel,
  dimensions: readonly DimensionSpec[],
  view: FactView | null,
  items: readonly { member: string; keys: (string | null)[] }[],
): Promise<CitedElement[][]> {
  const statement = evidenceStatement(label, dimensions, view);
  const params = {
    ...statement.params,
    items: items.map((item, i) => ({ i: neo4j.int(i), ...item })),
  };
  const result = await db.readStatement(statement.text, params);
  const out: CitedElement[][] = items.map(() => []);
  for (const r of result.records) out[r.get('i') as number] = r.get('cited') as CitedElement[];
  return out;
}
