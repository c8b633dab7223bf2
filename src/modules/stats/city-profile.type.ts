import { Field, Int, ObjectType } from 'type-graphql';
import { Event } from '../event/event.type';
import { Organisation } from '../organisation/organisation.type';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { City } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import { TimelineEntry } from '../timeline/timeline.type';

@ObjectType({ description: 'How many of a city’s units address one theme (or a narrower one).' })
export class ProfileThemeCount {
  @Field(() => Theme, { description: 'The theme.' })
  theme!: Theme;
  @Field(() => Int, { description: 'How many of the city’s units address it or a narrower theme.' })
  count!: number;
  @Field(() => [OrgUnit], { description: 'Those units, in key order.' })
  units!: OrgUnit[];
}

@ObjectType({
  description:
    'A summary of one city for a dashboard, from one database query: its units per theme, the people in posts, its programmes and their funders, its events, and its first and last dated facts. Under `asOf` only what was valid on that day.',
})
export class CityProfile {
  @Field(() => City, { description: 'The city.' })
  city!: City;

  @Field(() => Int, { description: 'Units of the city’s administration and council.' })
  unitCount!: number;

  @Field(() => [ProfileThemeCount], {
    description:
      'Per theme, the units addressing it or a narrower theme (roll-up: a unit on "elderly-care" counts under it and under "ageing", so the counts do not add up to `unitCount`). Largest count first, then by theme key.',
  })
  unitsPerTheme!: ProfileThemeCount[];

  @Field(() => Int, { description: 'Units that address no theme.' })
  unitsWithoutTheme!: number;

  @Field(() => Int, { description: 'Posts held in the city itself or in one of its units.' })
  postCount!: number;

  @Field(() => [Person], { description: 'The distinct people holding those posts, in key order.' })
  peopleInPosts!: Person[];

  @Field(() => [Programme], {
    description:
      'Programmes the city takes part in or runs, or its units coordinate, implement, decide on or run; in key order.',
  })
  programmes!: Programme[];

  @Field(() => [Organisation], {
    description: 'Organisations funding any of those programmes, in key order.',
  })
  funders!: Organisation[];

  @Field(() => [Event], {
    description:
      'Events in the city (at a venue there, or of a programme the city or its units run).',
  })
  events!: Event[];

  @Field(() => Int, {
    description:
      'How many dated facts the profile found (dates of its units, programmes and events; of its participations, posts and its units’ decisions).',
  })
  datedFactCount!: number;

  @Field(() => TimelineEntry, {
    nullable: true,
    description:
      'The earliest dated fact (by first possible day; the more precise date first), with its quotes.',
  })
  firstDatedFact!: TimelineEntry | null;

  @Field(() => TimelineEntry, {
    nullable: true,
    description: 'The latest dated fact (the one whose first possible day is latest).',
  })
  lastDatedFact!: TimelineEntry | null;
}
