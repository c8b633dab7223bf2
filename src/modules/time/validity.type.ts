import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { DAY_MAX, DAY_MIN, storedValidity } from '../../edtf/validity';

@ObjectType({
  description:
    'When a fact holds according to its stated dates, as `asOf` reads them: certainly on every day from `certainFrom` to `certainUntil`, possibly on every day from `possibleFrom` to `possibleUntil` (all inclusive). Null means unbounded, except `certainFrom`: null there means no day is proven (no start stated).',
})
export class Validity {
  @Field(() => DateScalar, { nullable: true, description: 'First day it may hold; null: any.' })
  possibleFrom!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'From this day it certainly holds; null: no day is proven.',
  })
  certainFrom!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'It certainly holds up to this day; null: ongoing (no end stated).',
  })
  certainUntil!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it may hold; null: ongoing.',
  })
  possibleUntil!: string | null;
  @Field({ description: 'True when the stated dates put no bound on it at all.' })
  timeless!: boolean;
}

/** The Validity of a stored node or relationship; the sentinels become nulls. */
export function validityOf(props: Record<string, unknown>): Validity {
  const v = storedValidity(props);
  const open = (day: string | null | undefined, sentinel: string) =>
    day === undefined || day === null || day === sentinel ? null : day;
  return Object.assign(new Validity(), {
    possibleFrom: open(v.possibleFrom, DAY_MIN),
    certainFrom: v.certainFrom ?? null,
    certainUntil: open(v.certainTo, DAY_MAX),
    possibleUntil: open(v.possibleTo, DAY_MAX),
    timeless: v.certainFrom === DAY_MIN && v.certainTo === DAY_MAX,
  });
}
