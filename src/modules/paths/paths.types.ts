import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RelationType } from '../../model/model';
import { Citation } from '../citation/citation.type';
import { Node } from '../node/node.interface';
import { RelationDetails } from '../node/relation-details.type';

export enum StepDirection {
  FORWARD = 'FORWARD',
  BACKWARD = 'BACKWARD',
}
registerEnumType(StepDirection, {
  name: 'StepDirection',
  description:
    'FORWARD: the relationship reads from `from` to `to` ("from funds to"); BACKWARD: the other way round.',
});

/** How a relationship reads, from its start to its end. */
export const PHRASES: Record<RelationType, string> = {
  LOCATED_IN: 'lies in',
  BELONGS_TO: 'belongs to',
  PART_OF: 'is part of',
  REPORTS_TO: 'reports to',
  HOLDS_POST: 'holds a post in',
  AFFILIATED_WITH: 'is or was affiliated with',
  CONTRIBUTED_TO: 'helped shape',
  DECIDED: 'decided on',
  PARTICIPATES_IN: 'takes part in',
  FUNDS: 'funds',
  RUNS: 'runs',
  COORDINATES: 'coordinates',
  IMPLEMENTS: 'implements',
  CONTRIBUTES_TO: 'contributes to',
  TARGETS: 'targets',
  COOPERATES_WITH: 'cooperates with',
  OPERATES: 'operates',
  ADDRESSES: 'addresses',
  BROADER: 'is a narrower theme of',
  HELD_AT: 'is held at',
  SPOKE_AT: 'spoke at',
  SIGNED: 'signed',
};

@ObjectType({
  description: 'One step of a path: two entities and the cited relationship between them.',
})
export class PathStep {
  @Field(() => Node, { description: 'Where the step starts (in the order of the path).' })
  from!: Node;
  @Field(() => Node, { description: 'Where the step ends.' }) to!: Node;
  @Field({ description: 'The relationship type, e.g. PARTICIPATES_IN.' }) relationship!: string;
  @Field(() => StepDirection, {
    description: 'Whether the relationship reads from `from` to `to` or back.',
  })
  direction!: StepDirection;
  @Field({
    description:
      'The step in plain words, e.g. "Bremerhaven takes part in Zukunftswerkstatt Kommunen".',
  })
  text!: string;
  @Field(() => RelationDetails, {
    description: 'What the relationship itself says (role, dates, status).',
  })
  details!: RelationDetails;
  @Field(() => [Citation], { description: 'The documents and quotes that state the relationship.' })
  sources!: Citation[];
}

@ObjectType({ description: 'A path between two entities, step by step, each step cited.' })
export class Path {
  @Field(() => Int, { description: 'Number of steps.' }) length!: number;
  @Field(() => [PathStep], { description: 'The steps in order.' }) steps!: PathStep[];
}

@ObjectType({
  description: 'A relationship in a neighbourhood graph, between two nodes given by global id.',
})
export class GraphEdge {
  @Field(() => ID, { description: 'Global id of the start node (as stored).' }) from!: string;
  @Field(() => ID, { description: 'Global id of the end node.' }) to!: string;
  @Field({ description: 'The relationship type.' }) relationship!: string;
  @Field({ description: 'The relationship in plain words, e.g. "lies in".' }) phrase!: string;
  @Field(() => RelationDetails, { description: 'What the relationship itself says.' })
  details!: RelationDetails;
  @Field(() => [Citation], { description: 'The documents and quotes that state it.' })
  sources!: Citation[];
}

@ObjectType({
  description:
    'The entities around one entity and the relationships between them, for a graph view.',
})
export class Neighbourhood {
  @Field(() => [Node], {
    description:
      'The entities, nearest first (by steps from the centre, then key): the centre first.',
  })
  nodes!: Node[];
  @Field(() => [GraphEdge], {
    description:
      'The relationships between them that lie within `depth` steps of the centre, nearest first (then by type and id).',
  })
  edges!: GraphEdge[];
  @Field({
    description:
      'True when the neighbourhood was cut at the server’s node or edge cap (NEIGHBOURHOOD_MAX_NODES, NEIGHBOURHOOD_MAX_EDGES).',
  })
  truncated!: boolean;
}
