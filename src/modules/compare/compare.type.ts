import { BasisFilter } from '../basis/basis';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { Citation } from '../citation/citation.type';
import { Node } from '../node/node.interface';
import { OrgUnit } from '../org-unit/org-unit.type';
import { City } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import { AsOfMode } from '../time/as-of.args';

export enum EvidenceKind {
  UNIT = 'UNIT',
  PROGRAMME = 'PROGRAMME',
  POST = 'POST',
  EVENT = 'EVENT',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'How a city addresses a theme.',
  valuesConfig: {
    UNIT: { description: 'A unit of its administration or council addresses the theme.' },
    PROGRAMME: {
      description:
        'A programme it takes part in or runs, or one its units coordinate, implement, decide on or run, addresses the theme.',
    },
    POST: { description: 'Someone holds a post in a unit that addresses the theme.' },
    EVENT: {
      description:
        'An event in the city (at a venue there, or of a programme the city or its units run) addresses the theme.',
    },
  },
});

export enum RankDecidedBy {
  THEMES = 'THEMES',
  EVIDENCE = 'EVIDENCE',
  NAME = 'NAME',
}

registerEnumType(RankDecidedBy, {
  name: 'RankDecidedBy',
  description: 'What set a city’s place among the cities covering as many themes.',
  valuesConfig: {
    THEMES: { description: 'No tie: no other city covers the same number of themes.' },
    EVIDENCE: {
      description: 'Tied on themes; the number of evidence items set the order.',
    },
    NAME: { description: 'Tied on themes and on evidence with another city; ordered by name.' },
  },
});

@ObjectType({
  description:
    'One piece of evidence that a city addresses a theme: the unit, programme, post or event, the narrower theme it addresses where it is not the row theme itself, and the quotes for every step (the link to the city and the theme).',
})
export class ThemeEvidence {
  @Field(() => EvidenceKind, { description: 'Unit, programme, post or event.' })
  kind!: EvidenceKind;

  @Field(() => Node, {
    description: 'The unit, programme or event; for a post the person holding it.',
  })
  node!: Node;

  @Field(() => OrgUnit, { nullable: true, description: 'For a post: the unit it is in.' })
  unit!: OrgUnit | null;

  @Field(() => String, {
    nullable: true,
    description: "For a post: the title in the source's words.",
  })
  roleTitle!: string | null;

  @Field(() => [Theme], {
    description:
      'The themes it addresses directly that fall under the row theme (the row theme itself or narrower ones).',
  })
  via!: Theme[];

  @Field(() => [String], {
    description:
      'How it is tied to the city, one entry per way: the relationship types from the city outwards joined with " → " (e.g. "BELONGS_TO → COORDINATES" for a programme a unit of the city coordinates).',
  })
  links!: string[];

  @Field(() => [Citation], {
    description:
      'The documents and quotes stating the link to the city and that it addresses the theme.',
  })
  sources!: Citation[];
}

@ObjectType({
  description:
    'One cell of the matrix: whether and how one city addresses one theme (or a narrower one), with the evidence.',
})
export class ComparisonCell {
  @Field(() => City, { description: 'The column: the city.' })
  city!: City;

  @Field(() => Theme, { description: 'The row: the theme.' })
  theme!: Theme;

  @Field({ description: 'True when any unit, programme or event of the city addresses it.' })
  addressed!: boolean;

  @Field(() => [ThemeEvidence], { description: 'Units addressing it, in key order.' })
  units!: ThemeEvidence[];

  @Field(() => [ThemeEvidence], { description: 'Programmes addressing it, in key order.' })
  programmes!: ThemeEvidence[];

  @Field(() => [ThemeEvidence], {
    description: 'Posts in units addressing it, by person key.',
  })
  posts!: ThemeEvidence[];

  @Field(() => [ThemeEvidence], { description: 'Events addressing it, in key order.' })
  events!: ThemeEvidence[];

  @Field(() => Int, { description: 'How many pieces of evidence the cell holds.' })
  evidenceCount!: number;

  @Field(() => [Citation], {
    description:
      'Every quote of the cell’s evidence once (document and quote): empty exactly when the cell is.',
  })
  sources!: Citation[];
}

@ObjectType({ description: 'One row of the matrix: one theme across the compared cities.' })
export class ComparisonRow {
  @Field(() => Theme, {
    description:
      'The theme; its narrower themes count for it (a unit on "elderly-care" addresses "ageing").',
  })
  theme!: Theme;

  @Field(() => Int, { description: 'How many of the cities address it.' })
  citiesCovering!: number;

  @Field(() => [ComparisonCell], { description: 'One cell per city, in the order of `cities`.' })
  cells!: ComparisonCell[];
}

@ObjectType({
  description:
    'A city’s place in the ranking by themes covered, with what decided it when it ties with others.',
})
export class CityRank {
  @Field(() => Int, { description: 'Place after all tie-breaks, from 1.' })
  position!: number;

  @Field(() => Int, {
    description:
      'Place by themes covered alone: cities covering the same number share it (1, 1, 3, …).',
  })
  sharedRank!: number;

  @Field(() => City, { description: 'The city.' })
  city!: City;

  @Field(() => Int, { description: 'How many of the rows (themes) it addresses.' })
  themesCovered!: number;

  @Field(() => [Theme], { description: 'Those themes, in row order.' })
  themes!: Theme[];

  @Field(() => Int, {
    description:
      'Distinct pieces of evidence (units, programmes, posts, events) over all rows: the first tie-break.',
  })
  evidenceCount!: number;

  @Field(() => [City], { description: 'Other cities covering the same number of themes.' })
  tiedWith!: City[];

  @Field(() => RankDecidedBy, { description: 'What set its place among those tied with it.' })
  decidedBy!: RankDecidedBy;

  @Field({ description: 'Its place in plain words, naming the tie and how it was broken.' })
  explanation!: string;
}

@ObjectType({
  description:
    'Cities side by side, theme by theme: rows are themes (taxonomy-aware), columns are cities, each cell with its evidence and quotes; plus a ranking by themes covered with ties explained.',
})
export class CityComparison {
  @Field(() => [City], { description: 'The columns, in the order asked.' })
  cities!: City[];

  @Field(() => [Theme], { description: 'The rows, in the order asked (default: by label).' })
  themes!: Theme[];

  @Field(() => [ComparisonRow], { description: 'One row per theme.' })
  rows!: ComparisonRow[];

  @Field(() => [CityRank], { description: 'The cities by themes covered, ties broken.' })
  ranking!: CityRank[];

  @Field(() => [String], {
    description:
      'The order of the ranking: themesCovered (more first), then evidenceCount (more first), then name (alphabetical, German collation).',
  })
  tieBreakers!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'The `asOf` day, if one was given.' })
  asOf!: string | null;

  @Field(() => AsOfMode, { nullable: true, description: 'The `asOfMode` that applied.' })
  asOfMode!: AsOfMode | null;

  @Field(() => BasisFilter, {
    description:
      'The `basis` setting that applied (STATED: facts the sources only imply left out).',
  })
  basis!: BasisFilter;
}
