import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { Citation } from '../citation/citation.type';
import { Validity } from '../time/validity.type';
import { Basis, BASIS_DESCRIPTION, REASONING_DESCRIPTION } from '../basis/basis';

/** The object type of a value returned as a `Node`: every entity object carries its own. */
export function nodeTypename(value: { typename: string }): string {
  return value.typename;
}

@InterfaceType({
  description:
    'Anything in the graph with a global id. Fetch any node again with `node(id:)`; `key` is its readable, stable identifier (e.g. "bochum").',
  resolveType: nodeTypename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; pass it to `node(id:)`.' })
  id!: string;

  @Field({ description: 'Readable, stable key of the entity (e.g. "bochum", "janina-kandt").' })
  key!: string;

  @Field(() => [Citation], { description: 'The documents and quotes this entity is known from.' })
  sources!: Citation[];

  @Field(() => Basis, {
    description: `What the entity (its existence and its own properties) rests on. ${BASIS_DESCRIPTION}`,
  })
  basis!: Basis;

  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;

  @Field(() => Validity, {
    description: 'When the entity exists according to its stated dates (what `asOf` tests).',
  })
  validity!: Validity;

  @Field(() => Int, {
    description:
      'Its version: 1 as imported or created, one more with each applied change (`history`). A write names the version it was made on.',
  })
  version!: number;
}
