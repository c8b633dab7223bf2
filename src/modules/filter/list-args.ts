import { ArgsType, Field, Int, type ClassType } from 'type-graphql';
import { NODE_LABELS, type NodeLabel } from '../../model/model';
import { WHERE_INPUTS } from './filter.inputs';
import { DateScalar } from '../../common/scalars';
import { AS_OF_DESCRIPTION, AS_OF_MODE_DESCRIPTION, AsOfMode } from '../time/as-of.args';
import { ORDER_INPUTS } from './order.inputs';
import { BASIS_ARG_DESCRIPTION, BasisFilter } from '../basis/basis';

/** Arguments of a root list: filter, order and Relay paging in both directions. */
export interface ListArgs {
  where?: object | null;
  orderBy?: object | null;
  first?: number;
  after?: string;
  last?: number;
  before?: string;
  asOf?: string | null;
  asOfMode?: AsOfMode | null;
  basis?: BasisFilter | null;
}

function addPaging(target: ClassType): void {
  const field = (name: string, type: () => unknown, description: string) =>
    Field(type as () => ClassType, { nullable: true, description })(target.prototype, name);
  field('first', () => Int, 'Page size (default 20, at most 100).');
  field('after', () => String, 'Cursor after which the page starts (`pageInfo.endCursor`).');
  field('last', () => Int, 'Page size counted back from `before` (at most 100).');
  field(
    'before',
    () => String,
    'Cursor before which a backward page ends (`pageInfo.startCursor`).',
  );
}

/** `<Label>ListArgs` for every label, made in a loop like the filter inputs. */
export const LIST_ARGS = {} as Record<NodeLabel, ClassType<ListArgs>>;

for (const label of NODE_LABELS) {
  const args = class {};
  Object.defineProperty(args, 'name', { value: `${label}ListArgs` });
  Field(() => WHERE_INPUTS[label], {
    nullable: true,
    description:
      'Conditions the items must meet; relation filters (some/none/all) nest to any depth.',
  })(args.prototype, 'where');
  Field(() => ORDER_INPUTS[label], {
    nullable: true,
    description: 'Sort order (default: by key); ties are broken by key.',
  })(args.prototype, 'orderBy');
  addPaging(args);
  Field(() => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION })(
    args.prototype,
    'asOf',
  );
  Field(() => AsOfMode, { nullable: true, description: AS_OF_MODE_DESCRIPTION })(
    args.prototype,
    'asOfMode',
  );
  Field(() => BasisFilter, {
    nullable: true,
    defaultValue: BasisFilter.ALL,
    description: BASIS_ARG_DESCRIPTION,
  })(args.prototype, 'basis');
  ArgsType()(args);
  LIST_ARGS[label] = args as ClassType<ListArgs>;
}
