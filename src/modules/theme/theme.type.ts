import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';

@ObjectType({
  implements: Node,
  description:
    'A policy theme of the taxonomy (a SKOS concept): ageing, family, labour market, diversity and their narrower themes. A theme may have several broader themes.',
})
export class Theme extends EntityObject {
  @Field({ description: 'German preferred label.' }) labelDe!: string;
  @Field({ description: 'English preferred label.' }) labelEn!: string;
  @Field(() => [String], { description: 'Other German terms for the theme.' }) altLabels: string[] =
    [];
  @Field(() => String, { nullable: true, description: 'Scope note.' }) definition!: string | null;
  @Field({ description: 'True for the top concepts of the taxonomy.' }) topConcept: boolean = false;
}
