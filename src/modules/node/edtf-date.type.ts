import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A date as the source states it, in EDTF (ISO 8601-2): "2020-21" is spring 2020, "2019-05" May 2019, "2024-12~" about December 2024, "2021/2024-12~" an interval. `earliest` and `latest` are the first and last day it can mean.',
})
export class EdtfDate {
  @Field({ description: 'The EDTF string.' })
  edtf!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day the date can mean (ISO date); null when open.',
  })
  earliest!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day the date can mean (ISO date); null when open or ongoing.',
  })
  latest!: string | null;
}

/** Reads an EDTF field `f` and its stored bounds `fEarliest`/`fLatest` from properties. */
export function edtfOf(props: Record<string, unknown>, field: string): EdtfDate | null {
  const edtf = props[field];
  if (typeof edtf !== 'string') return null;
  const date = new EdtfDate();
  date.edtf = edtf;
  date.earliest = (props[`${field}Earliest`] as string | undefined) ?? null;
  date.latest = (props[`${field}Latest`] as string | undefined) ?? null;
  return date;
}
