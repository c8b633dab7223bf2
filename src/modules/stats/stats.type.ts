import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Citation } from '../citation/citation.type';
import { Node } from '../node/node.interface';
import type { FactView } from '../time/as-of';
import { StatsDimension } from './stats.dimensions';

@ObjectType({
  description:
    'The value of one dimension that a bucket stands for. `key` null is the "none stated" bucket: members without any value along the dimension.',
})
export class BucketKey {
  @Field(() => StatsDimension, { description: 'The dimension.' })
  dimension!: StatsDimension;

  @Field(() => String, {
    nullable: true,
    description:
      'The value: an entity key for THEME, TOP_THEME, THEME_EXACT, STATE, CITY, PROGRAMME and FUNDER (e.g. "ageing"), the enum value for PROGRAMME_LEVEL and ORG_UNIT_KIND, the year for YEAR; null for "none stated".',
  })
  key!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A readable label: the name of the entity (English label of a theme), else the key itself.',
  })
  label!: string | null;
}

@ObjectType({
  description:
    'One group of a count: the members sharing one value per dimension. A member may fall into several buckets of the same dimension (see StatsDimension).',
})
export class StatsBucket {
  @Field(() => [BucketKey], { description: 'One key per dimension, in `groupBy` order.' })
  keys!: BucketKey[];

  @Field(() => Int, { description: 'How many distinct members the bucket holds.' })
  count!: number;

  @Field(() => Int, {
    description:
      'How many of them are placed here by an uncertain value: a YEAR taken as the earliest of several possible years. 0 for the other dimensions.',
  })
  uncertainCount!: number;

  @Field(() => [ID], {
    description:
      'Global ids of the first `membersPerBucket` members, in key order (for drill-down with `nodes(ids:)`).',
  })
  memberIds!: string[];

  @Field({
    description:
      'True when `memberIds`/`members` list every member of the bucket (count ≤ membersPerBucket).',
  })
  membersComplete!: boolean;

  /** Keys of the listed members, for the loader. */
  memberKeys!: string[];
  /** The as-of view of the count: the members' relation fields inherit it. */
  view!: FactView | null;
  /**
   * The quotes behind one listed member of this bucket; shared by the buckets of one count, so
   * asking `evidence` on every bucket is one query.
   */
  citationsOf!: (memberKey: string) => Promise<Citation[]>;
}

@ObjectType({
  description:
    'A listed member of a bucket with the quotes that place it there (see `StatsBucket.evidence`).',
})
export class BucketMemberEvidence {
  @Field(() => Node, { description: 'The member.' })
  member!: Node;

  @Field(() => [Citation], {
    description:
      "The documents and quotes that place the member in the bucket: for each dimension, those of every relationship on the walks from the member to the bucket's key (a unit's ADDRESSES and the BROADER steps up to a THEME key; the HOLDS_POST and BELONGS_TO behind a person's CITY; the post whose `since` gives a YEAR), or the member's own where the key is its own (its kind, its own date, itself). A \"none stated\" key has none; without `groupBy` the member's own quotes. Each (document, quote) once.",
  })
  sources!: Citation[];
}

@ObjectType({
  description:
    'A count of one kind of entity, grouped by up to two dimensions; computed in one database query.',
})
export class StatsCount {
  @Field(() => Int, {
    description:
      'How many entities match the filter (and `asOf`): each counted once, however many buckets it falls into.',
  })
  total!: number;

  @Field(() => [StatsDimension], { description: 'The dimensions grouped by, in order.' })
  groupBy!: StatsDimension[];

  @Field(() => [StatsBucket], {
    description:
      'The groups, one per combination of keys that has members (without `groupBy`: one bucket holding everything).',
  })
  buckets!: StatsBucket[];
}

@ObjectType({
  description:
    'Aggregates for dashboards: counts of any kind of entity grouped by theme (with taxonomy roll-up), state, city, programme, programme level, funder, unit kind or year; funding sums and ranges; a per-city profile. Every aggregate takes the same `where` filters as the root lists and runs as one database query; every bucket names its members for drill-down.',
})
export class Stats {
  /** No own data: every field is an aggregate with its own arguments. */
  readonly kind = 'stats';
}
