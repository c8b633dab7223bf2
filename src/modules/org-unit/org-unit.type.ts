import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import { EdtfDate } from '../node/edtf-date.type';

@ObjectType({
  implements: Node,
  description:
    'A unit of a city administration or council: Stabsstelle (staff unit reporting to a leader, for cross-cutting tasks), Amt (office), Dezernat/Referat (department), Rat (council), Ausschuss (committee), Beirat (advisory council), Büro or Beratungsstelle (service point), or a group of facilities. Facilities and service points that others run, alone or with the city, are no units of its administration: they have `operatedBy` and `location` instead of `city`.',
})
export class OrgUnit extends EntityObject {
  @Field({ description: 'Name as the source writes it.' }) name!: string;
  @Field(() => [String], { description: 'Other names and spellings used by the sources.' })
  altNames: string[] = [];
  @Field({
    description:
      'Normalised kind: COUNCIL, COMMITTEE, ADVISORY_COUNCIL, ADMINISTRATION, DEPARTMENT, OFFICE, STAFF_UNIT, SECTION, SERVICE_POINT, TEAM or FACILITY.',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The source\'s own term for the kind, e.g. "Stabsstelle", "Amt".',
  })
  germanKind!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Mandate and purpose, close to the source (German).',
  })
  description!: string | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When its creation was decided.' })
  decided!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When it was set up or took up its work.' })
  established!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When it was dissolved.' })
  dissolved!: EdtfDate | null;
  @Field(() => String, {
    nullable: true,
    description:
      'State at the date of the source: PROPOSED, APPLIED, PLANNED, DECIDED, IN_PREPARATION, ACTIVE or COMPLETED.',
  })
  status!: string | null;
  @Field(() => Number, {
    nullable: true,
    description: 'For a node standing for several like facilities: how many.',
  })
  count!: number | null;
  @Field(() => [String], {
    description: 'Aims the source states, one per entry, close to its words.',
  })
  goals: string[] = [];

  static readonly DATE_FIELDS = ['decided', 'established', 'dissolved'];
}
