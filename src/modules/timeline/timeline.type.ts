import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Citation } from '../citation/citation.type';
import { EdtfDate } from '../node/edtf-date.type';
import { Node } from '../node/node.interface';
import { RelationDetails } from '../node/relation-details.type';

export enum TimelineKind {
  DECIDED = 'DECIDED',
  STARTED = 'STARTED',
  ENDED = 'ENDED',
  ATTESTED = 'ATTESTED',
  TOOK_PLACE = 'TOOK_PLACE',
  SIGNED = 'SIGNED',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(TimelineKind, {
  name: 'TimelineKind',
  description: 'What happened on a timeline date.',
  valuesConfig: {
    DECIDED: { description: 'A decision: to create a unit, to start a programme or concept.' },
    STARTED: {
      description: 'A unit set up, a post taken, a programme or participation begun.',
    },
    ENDED: { description: 'A unit dissolved, a post left, a period ended.' },
    ATTESTED: { description: 'A source shows someone in a post (start unknown).' },
    TOOK_PLACE: { description: 'An event (conference, meeting) took or takes place.' },
    SIGNED: { description: 'A charter or agreement signed.' },
    PUBLISHED: { description: 'A document published.' },
  },
});

@ObjectType({
  description:
    'One dated fact on a timeline: its date as the source states it, what happened in plain words, the entities involved and the quotes that state it.',
})
export class TimelineEntry {
  @Field(() => EdtfDate, {
    description:
      'The date as stated (for STARTED/ENDED of a period: that end of it); earliest/latest give its day bounds.',
  })
  date!: EdtfDate;

  @Field(() => TimelineKind, { description: 'What happened.' })
  kind!: TimelineKind;

  @Field({ description: 'What happened, in plain words built from the graph.' })
  text!: string;

  @Field(() => Node, {
    description:
      'The entity the fact is about: the unit, programme or event; for a relationship its start (the person of a post, the city of a participation).',
  })
  subject!: Node;

  @Field(() => Node, {
    nullable: true,
    description: 'For a relationship: its other end (the unit of a post, the programme).',
  })
  object!: Node | null;

  @Field(() => RelationDetails, {
    nullable: true,
    description: 'For a relationship: its own properties (role, title, dates, funding).',
  })
  relationship!: RelationDetails | null;

  @Field(() => [String], { description: 'Keys of the requested cities the fact belongs to.' })
  cities!: string[];

  @Field(() => [Citation], { description: 'The documents and quotes that state the fact.' })
  sources!: Citation[];
}
