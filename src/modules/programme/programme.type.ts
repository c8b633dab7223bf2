import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import { EdtfDate } from '../node/edtf-date.type';

@ObjectType({
  implements: Node,
  description:
    'A programme a city takes part in or pursues: a federal or state programme (Bundes-/Landesprogramm), a model project, a local project, an audit or certificate, a strategy, concept or action plan (Handlungskonzept), a charter or a law.',
})
export class Programme extends EntityObject {
  @Field({ description: 'Name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Abbreviation, e.g. "ZWK".' }) shortName!:
    string | null;
  @Field({ description: 'Who runs it: FEDERAL, STATE, MUNICIPAL or NON_GOVERNMENTAL.' })
  level!: string;
  @Field({
    description:
      'What it is: FUNDING_PROGRAMME, MODEL_PROJECT, PROJECT, AUDIT, STRATEGY, CONCEPT, ACTION_PLAN, CHARTER or LAW.',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The source\'s own term, e.g. "Landesprogramm".',
  })
  germanKind!: string | null;
  @Field(() => String, { nullable: true, description: 'Aims, close to the source (German).' })
  description!: string | null;
  @Field(() => EdtfDate, { nullable: true, description: 'Running period (EDTF interval).' })
  period!: EdtfDate | null;
  @Field(() => String, { nullable: true, description: 'State at the date of the source.' })
  status!: string | null;
  @Field(() => Number, { nullable: true, description: 'Number of participants the source states.' })
  participantCount!: number | null;
  @Field(() => [String], {
    description: 'Aims the source states, one per entry, close to its words.',
  })
  goals: string[] = [];

  static readonly DATE_FIELDS = ['period'];
}
