import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import type { FactView } from '../time/as-of';
import { modelLabel, plain, type EntityRecord } from '../entity/entity.record';
import type { StatsDimension } from './stats.dimensions';
import { fundingStatement, type FundingFilters } from './funding.query';

interface RawRecord {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface RawStatement {
  id: string;
  /** PARTICIPATES_IN or FUNDS. */
  type: string;
  props: Record<string, unknown>;
  from: EntityRecord;
  programme: EntityRecord;
}

export interface RawFundingBucket {
  keys: { key: string | null; label: string | null }[];
  /** PARTICIPATES_IN or FUNDS. */
  type: string;
  currency: string | null;
  per: string | null;
  upTo: boolean;
  count: number;
  sum: number;
  min: number;
  max: number;
  uncertain: number;
  statements: RawStatement[];
}

/** The view travels with the record: the ends' relation fields inherit the day. */
const toRecord = (r: RawRecord, view: FactView | null): EntityRecord => ({
  key: r.key,
  label: modelLabel(r.labels),
  props: plain(r.props),
  view,
});

/** Funding statements with a stated amount, grouped, in one statement. */
export async function fundingByDimensions(
  db: Database,
  filters: FundingFilters,
  dimensions: readonly StatsDimension[],
  view: FactView | null,
  memberLimit: number,
): Promise<{ total: number; buckets: RawFundingBucket[] }> {
  const statement = fundingStatement(filters, dimensions, view, memberLimit);
  if (!statement) return { total: 0, buckets: [] };
  const params = { ...statement.params };
  if (params.memberLimit !== undefined) params.memberLimit = neo4j.int(memberLimit);
  const result = await db.readStatement(statement.text, params);
  const row = result.records[0];
  type Raw = Omit<RawFundingBucket, 'type' | 'statements'> & {
    kind: string;
    statements: {
      id: string;
      kind: string;
      props: Record<string, unknown>;
      from: RawRecord;
      programme: RawRecord;
    }[];
  };
  const buckets = ((row?.get('buckets') as Raw[] | undefined) ?? []).map((b) => ({
    ...b,
    type: b.kind,
    statements: b.statements.map((s) => ({
      id: s.id,
      type: s.kind,
      props: plain(s.props),
      from: toRecord(s.from, view),
      programme: toRecord(s.programme, view),
    })),
  }));
  return { total: (row?.get('total') as number | undefined) ?? 0, buckets };
}
