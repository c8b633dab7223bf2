import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';

@ObjectType({
  implements: Node,
  description:
    'A named person: holds a post, spoke at an event, or is otherwise named by a source.',
})
export class Person extends EntityObject {
  @Field({ description: 'Full name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Given name.' }) givenName!: string | null;
  @Field(() => String, { nullable: true, description: 'Family name.' }) familyName!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Profession as the source states it (e.g. "Politikwissenschaftlerin").',
  })
  profession!: string | null;
}
