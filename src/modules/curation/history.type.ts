import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { Change, FactKind, FactStateType } from './change.type';
import { Proposal } from './proposal.type';

@ObjectType({
  description:
    'What the graph said about a fact from one time to the next: one version of it. (Whether the fact holds in the world on a day is `validity`/`asOf`; this is what the graph stated.)',
})
export class HistoryState {
  @Field(() => String, {
    nullable: true,
    description:
      'Since when the graph said this (ISO 8601 date-time). Null: since it was imported, before the first recorded change.',
  })
  from!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Until when (the next change). Null: it still says so.',
  })
  until!: string | null;
  @Field(() => Int, { description: 'The version.' }) version!: number;
  @Field(() => FactStateType, { description: 'The fact in this version.' }) state!: FactStateType;
}

@ObjectType({
  description:
    'The history of one entity or relationship: every recorded change, oldest first, and the versions the graph held with their times. A withdrawn fact keeps its history.',
})
export class History {
  @Field(() => FactKind, { description: 'An entity or a relationship.' }) kind!: FactKind;
  @Field({ description: 'The label of the entity or the type of the relationship.' }) type!: string;
  @Field({ description: "The entity's key or the relationship's id." }) key!: string;
  @Field({ description: 'Whether the fact is in the graph now (false once withdrawn).' })
  exists!: boolean;
  @Field(() => Int, { nullable: true, description: 'Its current version (null when withdrawn).' })
  version!: number | null;
  @Field(() => Node, {
    nullable: true,
    description: 'The entity as it is now (null for relationships and withdrawn entities).',
  })
  node!: Node | null;
  @Field(() => [Change], { description: 'Every applied change, oldest first.' })
  changes!: Change[];
  @Field(() => [HistoryState], {
    description:
      'The versions the graph held, oldest first; the last one is current unless the fact was withdrawn.',
  })
  states!: HistoryState[];
}

export enum WriteOutcome {
  APPLIED = 'APPLIED',
  PROPOSED = 'PROPOSED',
}
registerEnumType(WriteOutcome, {
  name: 'WriteOutcome',
  description: 'What became of a write.',
  valuesConfig: {
    APPLIED: { description: "It is in the graph (an editor's write, or an accepted proposal)." },
    PROPOSED: { description: "It waits in the review queue (a contributor's write)." },
  },
});

@ObjectType({ description: 'What a write did: the changes it applied, or the proposal it made.' })
export class CurationResult {
  @Field(() => WriteOutcome, { description: 'Applied, or proposed for review.' })
  outcome!: WriteOutcome;
  @Field(() => [Change], {
    description:
      'The changes applied, one per fact (a new unit and its BELONGS_TO are two; a withdrawn entity takes its relationships with it). Empty for a proposal.',
  })
  changes!: Change[];
  @Field(() => Proposal, { nullable: true, description: 'The proposal (made, or accepted).' })
  proposal!: Proposal | null;
  @Field(() => Node, {
    nullable: true,
    description:
      'The entity the write created or changed, as it is now (null for a proposal, a withdrawal or a relationship).',
  })
  node!: Node | null;
}
