import { ArgsType, Field, Int, type ClassType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { NODE_LABELS, type NodeLabel } from '../../model/model';
import { WHERE_INPUTS } from '../filter/filter.inputs';
import { AS_OF_DESCRIPTION, AS_OF_MODE_DESCRIPTION, AsOfMode } from '../time/as-of.args';
import {
  dimensionsOf,
  StatsDateField,
  StatsDimension,
  YEAR_FIELDS,
  yearFieldsOf,
} from './stats.dimensions';
import { DEFAULT_MEMBERS_PER_BUCKET, MAX_DIMENSIONS, MAX_MEMBERS_PER_BUCKET } from './stats.limits';
import { StatsBucketOrder } from './stats.order';
import { BASIS_FILTER_DESCRIPTION, BasisFilter } from '../basis/basis';

/** Arguments of every aggregate. */
export interface AggregateArgs {
  groupBy?: StatsDimension[] | null;
  asOf?: string | null;
  asOfMode?: AsOfMode | null;
  basis?: BasisFilter | null;
  membersPerBucket?: number | null;
  orderBuckets?: StatsBucketOrder | null;
}

export interface StatsArgs extends AggregateArgs {
  where?: object | null;
  /** The dated field YEAR reads (kinds with dated fields only). */
  yearOf?: StatsDateField | null;
}

export const GROUP_BY_DESCRIPTION = `Up to ${MAX_DIMENSIONS} dimensions; none gives one bucket with everything.`;
export const MEMBERS_DESCRIPTION = `How many members each bucket lists for drill-down, in key order (\`memberIds\`/\`members\`; for funding \`statementIds\`/\`statements\`): 0–${MAX_MEMBERS_PER_BUCKET}, default ${DEFAULT_MEMBERS_PER_BUCKET}; 0 skips collecting them.`;

/** The arguments shared by every aggregate, added to an ArgsType class made in a loop. */
export function addAggregateArgs(target: ClassType, groupByDescription: string): void {
  const field = (name: string, type: () => unknown, description: string, defaultValue?: unknown) =>
    Field(type as () => ClassType, {
      nullable: true,
      description,
      ...(defaultValue !== undefined ? { defaultValue } : {}),
    })(target.prototype, name);
  field('groupBy', () => [StatsDimension], groupByDescription);
  field('asOf', () => DateScalar, AS_OF_DESCRIPTION);
  field('asOfMode', () => AsOfMode, AS_OF_MODE_DESCRIPTION);
  field(
    'basis',
    () => BasisFilter,
    `${BASIS_FILTER_DESCRIPTION} Applies to the members and to every walk along a dimension (an INFERRED ADDRESSES link puts no unit under its theme).`,
    BasisFilter.ALL,
  );
  field('membersPerBucket', () => Int, MEMBERS_DESCRIPTION, DEFAULT_MEMBERS_PER_BUCKET);
  field('orderBuckets', () => StatsBucketOrder, 'Order of the buckets.', StatsBucketOrder.KEY);
}

/** `<Label>StatsArgs` for every label: the list's `where` plus the aggregate arguments. */
export const STATS_ARGS = {} as Record<NodeLabel, ClassType<StatsArgs>>;

for (const label of NODE_LABELS) {
  const args = class {};
  Object.defineProperty(args, 'name', { value: `${label}StatsArgs` });
  Field(() => WHERE_INPUTS[label], {
    nullable: true,
    description: `Which ${label} entities to count: the same conditions as the root list's \`where\`.`,
  })(args.prototype, 'where');
  const supported = dimensionsOf(label);
  addAggregateArgs(
    args,
    `${GROUP_BY_DESCRIPTION} Supported for ${label}: ${supported.length ? supported.join(', ') : 'none (only the total)'}.`,
  );
  const dated = yearFieldsOf(label);
  if (dated.length > 0) {
    const fallback = YEAR_FIELDS[label]?.default;
    Field(() => StatsDateField, {
      nullable: true,
      description: `Which date YEAR reads: for ${label} one of ${dated.join(', ')}; ${fallback ? `default ${fallback}` : 'no default, so YEAR needs it'}. Only with YEAR in groupBy; another field is BAD_USER_INPUT.`,
    })(args.prototype, 'yearOf');
  }
  ArgsType()(args);
  STATS_ARGS[label] = args as ClassType<StatsArgs>;
}
