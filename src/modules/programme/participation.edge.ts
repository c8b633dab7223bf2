import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Citation, citationsOf } from '../citation/citation.type';
import { Validity, validityOf } from '../time/validity.type';
import { Basis, BASIS_DESCRIPTION, basisOf, REASONING_DESCRIPTION } from '../basis/basis';
import type { RelatedRecord } from '../entity/entity.record';
import { EdtfDate, edtfOf } from '../node/edtf-date.type';
import { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import {
  RELATION_ID_DESCRIPTION,
  RELATION_VERSION_DESCRIPTION,
  relationIdentity,
} from '../node/relation-identity';

@ObjectType({
  description:
    'Money as a source states it. Amounts stay as vague as the source: `upTo` marks a ceiling ("bis zu"), `per` the period the amount refers to, so different currencies and periods are never added up blindly.',
})
export class Funding {
  @Field(() => Float, { nullable: true, description: 'Amount stated.' }) amount!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code, e.g. "EUR".' })
  currency!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Period the amount refers to, as ISO 8601 duration (P1Y = per year).',
  })
  per!: string | null;
  @Field({ description: 'True when the source states a ceiling ("bis zu").' }) upTo!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Who provides the money, in the source's words.",
  })
  from!: string | null;
  @Field(() => String, { nullable: true, description: 'What the money may be used for.' })
  purpose!: string | null;
}

export function fundingOf(rel: Record<string, unknown>): Funding | null {
  if (rel.fundingAmount === undefined && rel.fundingFrom === undefined) return null;
  return Object.assign(new Funding(), {
    amount: (rel.fundingAmount as number | undefined) ?? null,
    currency: (rel.fundingCurrency as string | undefined) ?? null,
    per: (rel.fundingPer as string | undefined) ?? null,
    upTo: rel.fundingUpTo === true,
    from: (rel.fundingFrom as string | undefined) ?? null,
    purpose: (rel.fundingPurpose as string | undefined) ?? null,
  });
}

@ObjectType({
  description:
    "A city's participation in a programme, audit or charter, with its role, period and funding.",
})
export class Participation {
  @Field(() => Node, { description: 'The participating city.' }) city!: Node;
  @Field(() => Node, { description: 'The programme.' }) programme!: Node;
  @Field({
    description:
      'Normalised role: MODEL_MUNICIPALITY, PARTICIPANT, AUDITED_MUNICIPALITY or SIGNATORY.',
  })
  role!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The role in the source\'s words, e.g. "Modellkommune".',
  })
  roleTitle!: string | null;
  @Field(() => EdtfDate, { nullable: true, description: 'When.' }) period!: EdtfDate | null;
  @Field(() => String, { nullable: true, description: 'State at the date of the source.' })
  status!: string | null;
  @Field(() => [String], {
    description: 'Why the city was chosen or joined, one reason per entry, close to the source.',
  })
  reasons!: string[];
  @Field(() => Funding, {
    nullable: true,
    description: 'Funding the city receives in this programme, as stated.',
  })
  funding!: Funding | null;
  @Field(() => [Citation], {
    description: 'The documents and quotes that state the participation.',
  })
  sources!: Citation[];
  @Field(() => Basis, { description: `What the participation rests on. ${BASIS_DESCRIPTION}` })
  basis!: Basis;
  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;
  @Field(() => Validity, { description: 'When it holds according to its stated dates.' })
  validity!: Validity;
  @Field({ description: RELATION_ID_DESCRIPTION }) relationId!: string;
  @Field(() => Int, { description: RELATION_VERSION_DESCRIPTION }) version!: number;
}

export function toParticipation(
  item: RelatedRecord,
  side: 'city' | 'programme',
  self: Node,
): Participation {
  const other = toObject(item.node) as Node;
  return Object.assign(new Participation(), {
    city: side === 'city' ? self : other,
    programme: side === 'city' ? other : self,
    role: item.rel.role as string,
    roleTitle: (item.rel.roleTitle as string | undefined) ?? null,
    period: edtfOf(item.rel, 'period'),
    status: (item.rel.status as string | undefined) ?? null,
    reasons: (item.rel.reasons as string[] | undefined) ?? [],
    funding: fundingOf(item.rel),
    sources: citationsOf(item.rel, item.documents),
    validity: validityOf(item.rel),
    ...relationIdentity(item.rel),
    ...basisOf(item.rel),
  });
}

@ObjectType({ description: 'An organisation funding a programme.' })
export class ProgrammeFunding {
  @Field(() => Node, { description: 'The funder.' }) funder!: Node;
  @Field(() => Node, { description: 'The funded programme.' }) programme!: Node;
  @Field(() => EdtfDate, { nullable: true, description: 'When.' }) period!: EdtfDate | null;
  @Field(() => Funding, { nullable: true, description: 'Amounts, where the source states them.' })
  funding!: Funding | null;
  @Field(() => [Citation], { description: 'The documents and quotes that state the funding.' })
  sources!: Citation[];
  @Field(() => Basis, { description: `What the funding rests on. ${BASIS_DESCRIPTION}` })
  basis!: Basis;
  @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
  reasoning!: string | null;
  @Field(() => Validity, { description: 'When it holds according to its stated dates.' })
  validity!: Validity;
  @Field({ description: RELATION_ID_DESCRIPTION }) relationId!: string;
  @Field(() => Int, { description: RELATION_VERSION_DESCRIPTION }) version!: number;
}

export function toProgrammeFunding(
  item: RelatedRecord,
  side: 'funder' | 'programme',
  self: Node,
): ProgrammeFunding {
  const other = toObject(item.node) as Node;
  return Object.assign(new ProgrammeFunding(), {
    funder: side === 'funder' ? self : other,
    programme: side === 'funder' ? other : self,
    period: edtfOf(item.rel, 'period'),
    funding: fundingOf(item.rel),
    sources: citationsOf(item.rel, item.documents),
    validity: validityOf(item.rel),
    ...relationIdentity(item.rel),
    ...basisOf(item.rel),
  });
}
