import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';

@ObjectType({
  implements: Node,
  description:
    'An organisation outside the city administration: a ministry (e.g. BMFSFJ, the federal ministry for family, seniors, women and youth), an association (e.V.), a company (GmbH), a university or research centre, welfare associations or independent providers (Freie Träger).',
})
export class Organisation extends EntityObject {
  @Field({ description: 'Name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Abbreviation, e.g. "BMFSFJ".' }) shortName!:
    string | null;
  @Field({
    description:
      'Normalised kind: MINISTRY, GOVERNMENT, ASSOCIATION, WELFARE_ASSOCIATION, PROVIDER, COMPANY, UNIVERSITY or RESEARCH_CENTRE.',
  })
  kind!: string;
  @Field(() => String, { nullable: true, description: 'Legal form, e.g. "e.V.", "GmbH".' })
  legalForm!: string | null;
  @Field(() => String, { nullable: true, description: 'What it is, close to the source.' })
  description!: string | null;
  @Field({ description: 'True when the node stands for a group (e.g. "die Wohlfahrtsverbände").' })
  collective: boolean = false;
}
