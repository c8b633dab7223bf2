import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { BASIS_FILTER_DESCRIPTION, BasisFilter } from '../basis/basis';

export enum AsOfMode {
  CERTAIN = 'CERTAIN',
  POSSIBLE = 'POSSIBLE',
}

registerEnumType(AsOfMode, {
  name: 'AsOfMode',
  description:
    'How uncertain dates count for `asOf`. CERTAIN: the sources establish that the fact held on the day (e.g. "2020-21", spring 2020, counts from 2020-05-31; a fact without a stated start never counts). POSSIBLE: the sources do not rule it out (spring 2020 counts from 2020-03-01; an undated fact always counts). Open or unstated ends count as ongoing in both modes.',
  valuesConfig: {
    CERTAIN: { description: 'Only what the stated dates prove held on the day.' },
    POSSIBLE: { description: 'Everything the stated dates allow on the day.' },
  },
});

export const AS_OF_DESCRIPTION =
  'Only what was valid on this day: units set up and not dissolved, posts held, participations and programmes running, events and decisions that had taken place; relation fields below inherit the day unless they set their own.';
export const AS_OF_MODE_DESCRIPTION =
  'CERTAIN (default): proven by the stated dates; POSSIBLE: not ruled out by them.';

/** `asOf`/`asOfMode`/`basis` of a field that takes no other arguments (`stats.cityProfile`). */
@ArgsType()
export class FactViewArgs {
  @Field(() => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: string | null;

  @Field(() => AsOfMode, { nullable: true, description: AS_OF_MODE_DESCRIPTION })
  asOfMode?: AsOfMode | null;

  @Field(() => BasisFilter, {
    nullable: true,
    defaultValue: BasisFilter.ALL,
    description: BASIS_FILTER_DESCRIPTION,
  })
  basis?: BasisFilter | null;
}
