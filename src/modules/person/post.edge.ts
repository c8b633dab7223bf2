import { Field, Int, ObjectType } from 'type-graphql';
import { Citation, citationsOf } from '../citation/citation.type';
import { Validity, validityOf } from '../time/validity.type';
import { Basis, BASIS_DESCRIPTION, basisOf, REASONING_DESCRIPTION } from '../basis/basis';
import type { RelatedRecord } from '../entity/entity.record';
import { EdtfDate, edtfOf } from '../node/edtf-date.type';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { Person } from './person.type';
import {
  RELATION_ID_DESCRIPTION,
  RELATION_VERSION_DESCRIPTION,
  relationIdentity,
} from '../node/relation-identity';

@ObjectType({
  description:
    "A post a person holds in a unit, a city or an organisation: the title in the source's words, a normalised role and the dates.",
})
export class Post {
  @Field(() => Person, { description: 'Who holds the post.' }) person!: Person;
  @Field(() => Node, { description: 'Where the post is: an OrgUnit, a City or an Organisation.' })
  holder!: Node;
  @Field({
    description:
      'The title in the source\'s words, e.g. "Sozialdezernentin", "Leiterin der Stabstelle".',
  })
  roleTitle!: string;
  @Field({
    description:
      'Normalised role: HEAD, MAYOR, SOCIAL_AFFAIRS_EXECUTIVE, MANAGING_DIRECTOR or MEMBER.',
  })
  role!: string;
  @Field(() => EdtfDate, { nullable: true, description: 'Start of the post, where stated.' })
  since!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'End of the post, where stated.' })
  until!: EdtfDate | null;
  @Field(() => EdtfDate, {
    nullable: true,
    description: 'When a source shows the person in the post, where start and end are not stated.',
  })
  attested!: EdtfDate | null;
  @Field(() => [Citation], { description: 'The documents and quotes that state the post.' })
  sources!: Citation[];
  @Field(() => Basis, { description: `What the post rests on. ${BASIS_DESCRIPTION}` })
  basis!: Basis;
  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;
  @Field(() => Validity, { description: 'When it holds according to its stated dates.' })
  validity!: Validity;
  @Field({ description: RELATION_ID_DESCRIPTION }) relationId!: string;
  @Field(() => Int, { description: RELATION_VERSION_DESCRIPTION }) version!: number;
}

/** A post read from the person's side (`item.node` is the holder) or the holder's side. */
export function toPost(item: RelatedRecord, side: 'person' | 'holder', self: Node): Post {
  const other = toObject(item.node);
  return Object.assign(new Post(), {
    person: (side === 'person' ? self : other) as Person,
    holder: (side === 'person' ? other : self) as Node,
    roleTitle: item.rel.roleTitle as string,
    role: item.rel.role as string,
    since: edtfOf(item.rel, 'since'),
    until: edtfOf(item.rel, 'until'),
    attested: edtfOf(item.rel, 'attested'),
    sources: citationsOf(item.rel, item.documents),
    validity: validityOf(item.rel),
    ...relationIdentity(item.rel),
    ...basisOf(item.rel),
  });
}
