import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Citation } from '../citation/citation.type';
import { WHERE_INPUTS } from '../filter/filter.inputs';
import { EdtfDate } from '../node/edtf-date.type';
import { Node } from '../node/node.interface';
import { Funding } from '../programme/participation.edge';
import { addAggregateArgs, GROUP_BY_DESCRIPTION, type AggregateArgs } from './stats.args';
import { StatsDimension } from './stats.dimensions';
import { BucketKey } from './stats.type';

export enum FundingKind {
  PARTICIPATION = 'PARTICIPATION',
  PROGRAMME_FUNDING = 'PROGRAMME_FUNDING',
}

registerEnumType(FundingKind, {
  name: 'FundingKind',
  description:
    'Which kind of statement an amount comes from. The two are never added together: one is what a city receives, the other what an organisation puts into a whole programme.',
  valuesConfig: {
    PARTICIPATION: {
      description:
        'What a city receives in a programme it takes part in (PARTICIPATES_IN with funding).',
    },
    PROGRAMME_FUNDING: {
      description: 'What an organisation gives to a programme (FUNDS with an amount).',
    },
  },
});

/** The dimensions a funding statement can be grouped by (see funding.query.ts for how). */
export const FUNDING_DIMENSIONS = [
  StatsDimension.FUNDER,
  StatsDimension.PROGRAMME,
  StatsDimension.PROGRAMME_LEVEL,
  StatsDimension.CITY,
  StatsDimension.STATE,
  StatsDimension.YEAR,
  StatsDimension.THEME,
  StatsDimension.TOP_THEME,
  StatsDimension.THEME_EXACT,
] as const;

export interface FundingArgs extends AggregateArgs {
  programme?: object | null;
  city?: object | null;
  funder?: object | null;
  kinds?: FundingKind[] | null;
}

@ArgsType()
export class FundingStatsArgs {
  @Field(() => WHERE_INPUTS.Programme, {
    nullable: true,
    description: "Only statements whose programme matches (the `programmes` list's `where`).",
  })
  programme?: object | null;

  @Field(() => WHERE_INPUTS.City, {
    nullable: true,
    description:
      "Only statements whose city matches (the `cities` list's `where`). PROGRAMME_FUNDING statements name no city, so a city filter leaves them out.",
  })
  city?: object | null;

  @Field(() => WHERE_INPUTS.Organisation, {
    nullable: true,
    description:
      'Only statements whose funder matches: the funding organisation, or for a participation one of the organisations funding its programme.',
  })
  funder?: object | null;

  @Field(() => [FundingKind], {
    nullable: true,
    description: 'Which kinds of statement (default both).',
  })
  kinds?: FundingKind[] | null;
}
addAggregateArgs(
  FundingStatsArgs,
  `${GROUP_BY_DESCRIPTION} Supported: ${FUNDING_DIMENSIONS.join(', ')}. FUNDER: the funding organisation, or for a participation every funder of its programme (a city's amount then appears under each); CITY and STATE: the receiving city (none for PROGRAMME_FUNDING); YEAR: the start of the statement's own period, else of the programme's; THEME: the programme's themes.`,
);

@ObjectType({
  description: 'One statement of an amount of money, with the quotes that state it.',
})
export class FundingStatement {
  @Field({ description: 'Id of the relationship that states it.' })
  id!: string;
  @Field(() => FundingKind, { description: 'What kind of statement.' })
  kind!: FundingKind;
  @Field(() => Funding, { description: 'The amount, currency, period, ceiling flag as stated.' })
  funding!: Funding;
  @Field(() => EdtfDate, { nullable: true, description: "The statement's own period, if stated." })
  period!: EdtfDate | null;
  @Field(() => Node, {
    description:
      'Who receives (the city, PARTICIPATION) or gives (the organisation, PROGRAMME_FUNDING).',
  })
  from!: Node;
  @Field(() => Node, { description: 'The programme.' })
  programme!: Node;
  @Field(() => [Citation], { description: 'The documents and quotes that state the amount.' })
  sources!: Citation[];
}

@ObjectType({
  description:
    'Stated amounts sharing one key per dimension AND one basis: kind of statement, currency, period (`per`) and ceiling flag (`upTo`). Amounts of different bases are never added: each basis is its own bucket.',
})
export class FundingBucket {
  @Field(() => [BucketKey], { description: 'One key per dimension, in `groupBy` order.' })
  keys!: BucketKey[];
  @Field(() => FundingKind, { description: 'The kind of statement.' })
  kind!: FundingKind;
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency; null when unstated.' })
  currency!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Period each amount refers to (ISO 8601 duration, P1Y = per year); null: none stated (a lump sum).',
  })
  per!: string | null;
  @Field({
    description:
      'True for ceilings ("bis zu"): then `sum` is the most that could be granted, not money granted.',
  })
  upTo!: boolean;
  @Field(() => Int, { description: 'How many statements.' })
  count!: number;
  @Field(() => Float, { description: 'Sum of the stated amounts (each per `per`).' })
  sum!: number;
  @Field(() => Float, { description: 'Smallest stated amount.' })
  min!: number;
  @Field(() => Float, { description: 'Largest stated amount.' })
  max!: number;
  @Field(() => Int, {
    description: 'Statements placed here by an uncertain YEAR (see StatsDimension.YEAR).',
  })
  uncertainCount!: number;
  @Field(() => [String], {
    description: 'Ids of the first `membersPerBucket` statements (relationship ids), in id order.',
  })
  statementIds!: string[];
  @Field(() => [FundingStatement], {
    description: 'The first `membersPerBucket` statements with their ends and quotes.',
  })
  statements!: FundingStatement[];
  @Field({ description: 'True when every statement of the bucket is listed.' })
  membersComplete!: boolean;
}

@ObjectType({
  description:
    'Sums and ranges of stated amounts of money, grouped by up to two dimensions and always split by kind, currency, period and ceiling flag. Only statements with an amount count.',
})
export class FundingStats {
  @Field(() => Int, { description: 'How many statements with an amount match the filters.' })
  total!: number;
  @Field(() => [StatsDimension], { description: 'The dimensions grouped by, in order.' })
  groupBy!: StatsDimension[];
  @Field(() => [FundingBucket], { description: 'The groups.' })
  buckets!: FundingBucket[];
}
