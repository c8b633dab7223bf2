import type { Context } from '../../server/context';
import { citationsOf } from '../citation/citation.type';
import { edtfOf } from '../node/edtf-date.type';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { fundingOf } from '../programme/participation.edge';
import { viewOf } from '../time/as-of';
import { checkGroupBy, checkMembersPerBucket, sortBuckets } from './buckets';
import { fundingByDimensions, type RawStatement } from './funding.repository';
import {
  FUNDING_DIMENSIONS,
  FundingBucket,
  FundingKind,
  FundingStatement,
  FundingStats,
  type FundingArgs,
} from './funding.type';
import { BucketKey } from './stats.type';

const KIND_OF_TYPE: Record<string, FundingKind> = {
  PARTICIPATES_IN: FundingKind.PARTICIPATION,
  FUNDS: FundingKind.PROGRAMME_FUNDING,
};

function toStatement(raw: RawStatement): FundingStatement {
  return Object.assign(new FundingStatement(), {
    id: raw.id,
    kind: KIND_OF_TYPE[raw.type]!,
    funding: fundingOf(raw.props)!,
    period: edtfOf(raw.props, 'period'),
    from: toObject(raw.from) as unknown as Node,
    programme: toObject(raw.programme) as unknown as Node,
    sources: citationsOf(raw.props),
  });
}

/** Funding sums and ranges, as `stats.funding` answers them. */
export async function fundingStats(ctx: Context, args: FundingArgs): Promise<FundingStats> {
  const groupBy = checkGroupBy(args.groupBy, FUNDING_DIMENSIONS, 'funding');
  const limit = checkMembersPerBucket(args.membersPerBucket);
  const kinds = args.kinds ?? [FundingKind.PARTICIPATION, FundingKind.PROGRAMME_FUNDING];
  const raw = await fundingByDimensions(
    ctx.db,
    {
      programme: args.programme as Record<string, unknown> | null | undefined,
      city: args.city as Record<string, unknown> | null | undefined,
      funder: args.funder as Record<string, unknown> | null | undefined,
      participations: kinds.includes(FundingKind.PARTICIPATION),
      programmeFunding: kinds.includes(FundingKind.PROGRAMME_FUNDING),
    },
    groupBy,
    viewOf(args),
    limit,
  );
  const buckets = raw.buckets.map((b) =>
    Object.assign(new FundingBucket(), {
      keys: b.keys.map((k, i) =>
        Object.assign(new BucketKey(), { dimension: groupBy[i]!, key: k.key, label: k.label }),
      ),
      kind: KIND_OF_TYPE[b.type]!,
      currency: b.currency,
      per: b.per,
      upTo: b.upTo,
      count: b.count,
      sum: b.sum,
      min: b.min,
      max: b.max,
      uncertainCount: b.uncertain,
      statementIds: b.statements.map((s) => s.id),
      statements: b.statements.map(toStatement),
      membersComplete: b.statements.length === b.count,
    }),
  );
  // Within equal keys, a stable order of the bases: kind, currency, per, ceiling.
  const basis = (b: FundingBucket) => `${b.kind}|${b.currency ?? ''}|${b.per ?? ''}|${b.upTo}`;
  const ordered = [...buckets].sort((a, b) =>
    basis(a) < basis(b) ? -1 : basis(a) > basis(b) ? 1 : 0,
  );
  return Object.assign(new FundingStats(), {
    total: raw.total,
    groupBy,
    buckets: sortBuckets(ordered, args.orderBuckets),
  });
}
