import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Basis } from '../basis/basis';
import type { ProposalRecord } from './change-log.repository';
import {
  Agent,
  ChangeAction,
  CitedQuote,
  citedQuotes,
  FactKind,
  FieldValue,
  fieldValues,
  toAgent,
} from './change.type';
import { CHANGE_ACTION } from './change-log.repository';

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands in review.',
  valuesConfig: {
    PENDING: { description: 'Waiting for an editor.' },
    ACCEPTED: { description: 'An editor accepted it; its changes are applied.' },
    REJECTED: { description: 'An editor rejected it, with a reason.' },
  },
});

@ObjectType({
  description:
    "A contributor's write waiting for (or past) review: what it would change, the citation it carries, who proposed it and, once reviewed, who decided and why. A new document's text is never shown, only its metadata.",
})
export class Proposal {
  @Field(() => ID, { description: 'The proposal\'s id, e.g. "proposal-7".' }) id!: string;
  @Field(() => ProposalStatus, { description: 'Pending, accepted or rejected.' })
  status!: ProposalStatus;
  @Field(() => ChangeAction, { description: 'What it would do to the fact.' })
  action!: ChangeAction;
  @Field(() => FactKind, { description: 'An entity or a relationship.' }) kind!: FactKind;
  @Field({ description: 'The label of the entity or the type of the relationship.' }) type!: string;
  @Field({ description: "The entity's key or the relationship's id." }) key!: string;
  @Field(() => String, { nullable: true, description: "A new relationship's start (key)." })
  from!: string | null;
  @Field(() => String, { nullable: true, description: "A new relationship's end (key)." })
  to!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the fact it was made on (null for a new fact); it must still be current when accepted.',
  })
  baseVersion!: number | null;
  @Field(() => [FieldValue], {
    description:
      'The values it sets (a new fact: all of them; an update: those given, null where removed; an end: `ended`).',
  })
  fields!: FieldValue[];
  @Field(() => [CitedQuote], { description: 'The quotes it cites.' })
  quotes!: CitedQuote[];
  @Field(() => [FieldValue], {
    nullable: true,
    description: 'The metadata of the new source document it brings (never its text).',
  })
  newDocument!: FieldValue[] | null;
  @Field(() => Basis, {
    nullable: true,
    description: 'The basis it gives the fact, when it sets one.',
  })
  basis!: Basis | null;
  @Field(() => String, { nullable: true, description: 'The reasoning of an INFERRED fact.' })
  reasoning!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the fact should be withdrawn.' })
  note!: string | null;
  @Field(() => Agent, { description: 'Who proposed it.' }) proposer!: Agent;
  @Field({ description: 'When (ISO 8601 date-time, UTC).' }) proposedAt!: string;
  @Field(() => Agent, { nullable: true, description: 'Who accepted or rejected it.' })
  reviewer!: Agent | null;
  @Field(() => String, { nullable: true, description: 'When it was reviewed.' })
  reviewedAt!: string | null;
  @Field(() => String, { nullable: true, description: "The reviewer's reason." })
  reason!: string | null;
}

export function toProposal(record: ProposalRecord): Proposal {
  const { request } = record;
  const citation = 'citation' in request ? request.citation : undefined;
  let fields: Record<string, unknown> = {};
  if (request.action === 'CREATE') {
    fields = { ...request.fields };
    if (request.kind === 'ENTITY' && request.links.length > 0) fields.links = request.links;
  } else if (request.action === 'UPDATE') fields = { ...request.set };
  else if (request.action === 'END') fields = { ended: request.ended };
  const newDocument = citation?.newDocument
    ? fieldValues({ key: citation.newDocument.key, ...citation.newDocument.fields })
    : null;
  return Object.assign(new Proposal(), {
    id: record.id,
    status: record.status as ProposalStatus,
    action: CHANGE_ACTION[request.action] as ChangeAction,
    kind: request.kind as FactKind,
    type: request.type,
    key: request.key,
    from: request.action === 'CREATE' && request.kind === 'RELATION' ? request.from : null,
    to: request.action === 'CREATE' && request.kind === 'RELATION' ? request.to : null,
    baseVersion: 'version' in request ? request.version : null,
    fields: fieldValues(fields),
    quotes: citedQuotes(citation?.quotes ?? []),
    newDocument,
    basis: (citation?.basis as Basis | undefined) ?? null,
    reasoning: citation?.reasoning ?? null,
    note: request.action === 'WITHDRAW' ? request.note : null,
    proposer: toAgent(record.proposer)!,
    proposedAt: record.proposedAt,
    reviewer: toAgent(record.reviewer),
    reviewedAt: record.reviewedAt,
    reason: record.reason,
  });
}
