import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import { EdtfDate } from '../node/edtf-date.type';

@ObjectType({ implements: Node, description: 'A conference (Tagung) or other event.' })
export class Event extends EntityObject {
  @Field({ description: 'Name.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The source\'s term, e.g. "Tagung", "Auftaktveranstaltung".',
  })
  germanKind!: string | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When it takes place.' })
  date!: EdtfDate | null;
  @Field(() => String, {
    nullable: true,
    description: 'PLANNED or COMPLETED at the date of the source.',
  })
  status!: string | null;
  @Field(() => String, { nullable: true, description: 'What happened, close to the source.' })
  description!: string | null;
  @Field(() => Int, { nullable: true, description: 'Number of participants stated.' })
  participantCount!: number | null;
  @Field(() => String, { nullable: true, description: "Who took part, in the source's words." })
  participantsDescription!: string | null;

  static readonly DATE_FIELDS = ['date'];
}
