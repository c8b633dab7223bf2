import { Field, Int, ObjectType } from 'type-graphql';
import { EdtfDate, edtfOf } from './edtf-date.type';
import { Funding, fundingOf } from '../programme/participation.edge';
import { Validity, validityOf } from '../time/validity.type';
import {
  RELATION_ID_DESCRIPTION,
  RELATION_VERSION_DESCRIPTION,
  relationIdentity,
} from './relation-identity';
import { Basis, BASIS_DESCRIPTION, basisOf, REASONING_DESCRIPTION } from '../basis/basis';

@ObjectType({
  description:
    'What a relationship itself says, as far as its source states it: a role or title, a status, dates, a description. Which fields are set depends on the kind of relationship (`type`).',
})
export class RelationDetails {
  @Field({ description: 'Kind of relationship, e.g. DECIDED, SPOKE_AT, PART_OF, COOPERATES_WITH.' })
  type!: string;
  @Field({ description: RELATION_ID_DESCRIPTION })
  relationId!: string;
  @Field(() => Int, { description: RELATION_VERSION_DESCRIPTION })
  version!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Normalised role (e.g. KEYNOTE, RESEARCHER, SIGNATORY).',
  })
  role!: string | null;
  @Field(() => String, { nullable: true, description: "Role or title in the source's words." })
  roleTitle!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What the relationship consists of, close to the source.',
  })
  description!: string | null;
  @Field(() => String, { nullable: true, description: 'For decisions: what was decided.' })
  decision!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'For decisions: how the vote went, where stated.',
  })
  vote!: string | null;
  @Field(() => String, { nullable: true, description: 'For talks: the topic.' }) topic!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'How it came about (e.g. a transfer of a body into a unit).',
  })
  note!: string | null;
  @Field(() => String, { nullable: true, description: 'For signatures: for whom or with whom.' })
  onBehalfOf!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'PROPOSED, APPLIED, PLANNED, DECIDED, IN_PREPARATION, ACTIVE or COMPLETED, where stated.',
  })
  status!: string | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When (a single date).' })
  date!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'Since when.' }) since!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'Until when.' }) until!: EdtfDate | null;
  @Field(() => EdtfDate, { nullable: true, description: 'During which period.' })
  period!: EdtfDate | null;
  @Field(() => EdtfDate, {
    nullable: true,
    description: 'When a source shows the relationship, where it gives no start.',
  })
  attested!: EdtfDate | null;
  @Field(() => Funding, { nullable: true, description: 'Money, where stated.' })
  funding!: Funding | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'For locations: true when this is a registered seat.',
  })
  seat!: boolean | null;
  @Field(() => Number, {
    nullable: true,
    description: 'For parts: place of a phase or step in the order the source gives (1 = first).',
  })
  position!: number | null;
  @Field(() => Basis, {
    description: `What the relationship rests on (as on the link). ${BASIS_DESCRIPTION}`,
  })
  basis!: Basis;
  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;
  @Field(() => Validity, {
    description: 'When the relationship holds according to its stated dates (what `asOf` tests).',
  })
  validity!: Validity;
}

const TEXT_FIELDS = [
  'role',
  'roleTitle',
  'description',
  'decision',
  'vote',
  'topic',
  'note',
  'onBehalfOf',
  'status',
] as const;
const DATE_FIELDS = ['date', 'since', 'until', 'period', 'attested'] as const;

export function detailsOf(type: string, rel: Record<string, unknown>): RelationDetails {
  const details = Object.assign(new RelationDetails(), {
    type,
    ...relationIdentity(rel),
    seat: (rel.seat as boolean | undefined) ?? null,
    position: (rel.position as number | undefined) ?? null,
  });
  for (const field of TEXT_FIELDS) details[field] = (rel[field] as string | undefined) ?? null;
  for (const field of DATE_FIELDS) details[field] = edtfOf(rel, field);
  details.funding = fundingOf(rel);
  details.validity = validityOf(rel);
  Object.assign(details, basisOf(rel));
  return details;
}
