import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Basis } from '../basis/basis';
import type { AgentRecord, ChangeRecord } from './change-log.repository';
import type { FactSnapshot } from './fact';

export enum ChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  ENDED = 'ENDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What a change did (or what a proposal would do) to a fact.',
  valuesConfig: {
    CREATED: { description: 'Added it to the graph.' },
    UPDATED: { description: 'Changed some of its fields, citations or basis.' },
    ENDED: { description: 'Gave it its end date: it was true and has ended.' },
    WITHDRAWN: { description: 'Took it out of the graph: it was wrong. Its history stays.' },
  },
});

export enum FactKind {
  ENTITY = 'ENTITY',
  RELATION = 'RELATION',
}
registerEnumType(FactKind, {
  name: 'FactKind',
  description: 'An entity (a node) or a relationship.',
});

@ObjectType({ description: 'Who made a change or a proposal, or reviewed one.' })
export class Agent {
  @Field({ description: "The credential's id (an API key's id or a token's subject)." })
  id!: string;
  @Field({ description: 'A readable name.' }) name!: string;
  @Field({ description: 'The role it wrote in: CONTRIBUTOR, EDITOR or ADMIN.' }) role!: string;
}

@ObjectType({ description: 'One field and its value.' })
export class FieldValue {
  @Field({ description: 'The field name, as in the model (and in the write inputs).' })
  field!: string;
  @Field({
    description:
      'The value as JSON: a string in double quotes (EDTF dates too), a number, true/false, a list, or null for a removed field.',
  })
  value!: string;
}

@ObjectType({
  description:
    'A quote a fact (or a write) cites, with the key of its document. Unlike `Citation` it may name a document that is no longer, or not yet, in the graph.',
})
export class CitedQuote {
  @Field({ description: "The source document's key." }) documentKey!: string;
  @Field({ description: 'The verbatim quote.' }) quote!: string;
}

@ObjectType('FactState', {
  description: 'What a fact said at one point: its fields, quotes and basis.',
})
export class FactStateType {
  @Field(() => [FieldValue], { description: 'Its model fields that have a value.' })
  fields!: FieldValue[];
  @Field(() => [CitedQuote], { description: 'Its citations.' })
  sources!: CitedQuote[];
  @Field(() => Basis, { description: 'Its basis.' }) basis!: Basis;
  @Field(() => String, { nullable: true, description: 'Its reasoning, when INFERRED.' })
  reasoning!: string | null;
}

@ObjectType({
  description:
    'One applied change of one fact: who made it and when, the fact before and after, the quotes it brought, and the proposal and reviewer when it was proposed by a contributor.',
})
export class Change {
  @Field(() => ID, { description: 'The change\'s id, e.g. "change-12".' }) id!: string;
  @Field(() => Int, { description: 'Its place in the order of all changes (1, 2, …).' })
  seq!: number;
  @Field({ description: 'When it was applied (ISO 8601 date-time, UTC).' }) at!: string;
  @Field(() => ChangeAction, { description: 'What it did.' }) action!: ChangeAction;
  @Field(() => FactKind, { description: 'An entity or a relationship.' }) kind!: FactKind;
  @Field({ description: 'The label of the entity or the type of the relationship.' }) type!: string;
  @Field({ description: "The entity's key or the relationship's id." }) key!: string;
  @Field(() => String, { nullable: true, description: "A relationship's start (key)." })
  from!: string | null;
  @Field(() => String, { nullable: true, description: "A relationship's end (key)." })
  to!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The version it changed (null: it created the fact).',
  })
  versionBefore!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The version it made (null: it withdrew the fact).',
  })
  version!: number | null;
  @Field(() => FactStateType, {
    nullable: true,
    description: 'The fact before (null when created).',
  })
  before!: FactStateType | null;
  @Field(() => FactStateType, {
    nullable: true,
    description: 'The fact after (null when withdrawn).',
  })
  after!: FactStateType | null;
  @Field(() => [String], {
    description:
      'The fields that differ between before and after ("sources", "basis" and "reasoning" included).',
  })
  changedFields!: string[];
  @Field(() => Agent, {
    description: 'Who made it: the editor, or the contributor whose proposal it was.',
  })
  author!: Agent;
  @Field(() => Agent, {
    nullable: true,
    description: 'Who accepted the proposal (null: applied directly).',
  })
  reviewer!: Agent | null;
  @Field(() => [CitedQuote], { description: 'The quotes the write brought.' })
  quotes!: CitedQuote[];
  @Field(() => String, { nullable: true, description: 'Why a fact was withdrawn.' })
  note!: string | null;

  /** The proposal's id, resolved to `proposal` by the resolver. */
  proposalId!: string | null;
}

export function fieldValues(fields: Record<string, unknown>): FieldValue[] {
  return Object.entries(fields).map(([field, value]) =>
    Object.assign(new FieldValue(), { field, value: JSON.stringify(value ?? null) }),
  );
}

export function citedQuotes(quotes: { doc: string; quote: string }[]): CitedQuote[] {
  return quotes.map((q) => Object.assign(new CitedQuote(), { documentKey: q.doc, quote: q.quote }));
}

export function factState(snapshot: FactSnapshot | null): FactStateType | null {
  if (!snapshot) return null;
  return Object.assign(new FactStateType(), {
    fields: fieldValues(snapshot.fields),
    sources: citedQuotes(snapshot.cite),
    basis: snapshot.basis as Basis,
    reasoning: snapshot.reasoning ?? null,
  });
}

const agent = (record: AgentRecord | null) => (record ? Object.assign(new Agent(), record) : null);

export function toChange(record: ChangeRecord): Change {
  return Object.assign(new Change(), {
    id: record.id,
    seq: record.seq,
    at: record.at,
    action: record.action as ChangeAction,
    kind: record.kind as FactKind,
    type: record.type,
    key: record.key,
    from: record.from,
    to: record.to,
    versionBefore: record.versionBefore,
    version: record.version,
    before: factState(record.before),
    after: factState(record.after),
    changedFields: record.changed,
    author: agent(record.author)!,
    reviewer: agent(record.reviewer),
    quotes: citedQuotes(record.quotes),
    note: record.note,
    proposalId: record.proposal,
  });
}

export { agent as toAgent };
