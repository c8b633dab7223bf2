import { registerEnumType } from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';
import { NODE_TYPES, type NodeLabel, type NodeSpec } from '../../model/model';
import { hop, ROLL_UP, then, type Chain } from './chain';
import {
  CITY_PROGRAMMES,
  CITY_STATE,
  CITY_THEME_HOLDERS,
  CITY_UNITS,
  EVENT_CITIES,
  PROGRAMME_CITIES,
} from './city-reach';

export enum StatsDimension {
  THEME = 'THEME',
  TOP_THEME = 'TOP_THEME',
  THEME_EXACT = 'THEME_EXACT',
  STATE = 'STATE',
  CITY = 'CITY',
  PROGRAMME = 'PROGRAMME',
  PROGRAMME_LEVEL = 'PROGRAMME_LEVEL',
  FUNDER = 'FUNDER',
  ORG_UNIT_KIND = 'ORG_UNIT_KIND',
  YEAR = 'YEAR',
}

/**
 * How a member gets its bucket keys along one dimension: the chains to the nodes that carry the
 * key, and which key those nodes give. A member reaching several such nodes falls into several
 * buckets; one reaching none falls into the "none stated" bucket (key null).
 */
export interface DimensionSpec {
  chains: readonly Chain[];
  key: DimensionKey;
}

export type DimensionKey =
  /** The node itself: its key and name (optionally only top concepts of the taxonomy). */
  | { kind: 'entity'; topConcepts?: boolean }
  /** An enum property of the node. */
  | { kind: 'property'; property: 'level' | 'kind' }
  /**
   * The year an EDTF field starts in (see yearKey in stats.query.ts): a field of the node the
   * chain arrives at, or with `onRelationship` of the last relationship of the chain.
   */
  | { kind: 'year'; field: string; onRelationship?: boolean };

/** The member itself (a property of its own, or the member as its own key). */
export const SELF: Chain[] = [[]];
const ADDRESSES = hop('ADDRESSES', 'OUT', 'Theme');

export const theme = (holders: readonly Chain[]): DimensionSpec => ({
  chains: then(holders, [[ADDRESSES, ROLL_UP]]),
  key: { kind: 'entity' },
});
export const topTheme = (holders: readonly Chain[]): DimensionSpec => ({
  ...theme(holders),
  key: { kind: 'entity', topConcepts: true },
});
/** The themes addressed directly, without the taxonomy's roll-up. */
export const exactTheme = (holders: readonly Chain[]): DimensionSpec => ({
  chains: then(holders, [[ADDRESSES]]),
  key: { kind: 'entity' },
});
export const entity = (chains: readonly Chain[]): DimensionSpec => ({
  chains,
  key: { kind: 'entity' },
});
export const level = (chains: readonly Chain[]): DimensionSpec => ({
  chains,
  key: { kind: 'property', property: 'level' },
});
export const state = (cities: readonly Chain[]): DimensionSpec => entity(then(cities, CITY_STATE));
export const funder = (programmes: readonly Chain[]): DimensionSpec =>
  entity(then(programmes, [[hop('FUNDS', 'IN', 'Organisation')]]));

/**
 * The dated fields a YEAR bucket can read (the `yearOf` argument of the counts). Which exist
 * depends on what is counted; a combination that does not exist is refused.
 */
export enum StatsDateField {
  DECIDED = 'DECIDED',
  ESTABLISHED = 'ESTABLISHED',
  DISSOLVED = 'DISSOLVED',
  PERIOD = 'PERIOD',
  DATE = 'DATE',
  PUBLISHED = 'PUBLISHED',
  SINCE = 'SINCE',
  UNTIL = 'UNTIL',
  ATTESTED = 'ATTESTED',
}

/** One dated field of a counted kind: where it is read, and in words for descriptions. */
export interface YearSource {
  spec: DimensionSpec;
  doc: string;
}

/** A field of the member itself. */
const own = (field: string, doc: string): YearSource => ({
  spec: { chains: SELF, key: { kind: 'year', field } },
  doc,
});

/** A field of the relationships the member reaches along `chains` (one bucket per year). */
const along = (chains: readonly Chain[], field: string, doc: string): YearSource => ({
  spec: { chains, key: { kind: 'year', field, onRelationship: true } },
  doc,
});

const POSTS_HELD: Chain[] = (['OrgUnit', 'City', 'Organisation'] as const).map((label) => [
  hop('HOLDS_POST', 'OUT', label),
]);
const DECISIONS_ON: Chain[] = (['OrgUnit', 'Person'] as const).map((label) => [
  hop('DECIDED', 'IN', label),
]);

/**
 * Per kind of entity, the dated fields YEAR can read and the one it reads by default (the start
 * of the kind's own validity: a unit's `established`, a programme's `period`, an event's `date`,
 * a document's `published`). Kinds without a default need `yearOf`.
 */
export const YEAR_FIELDS: Partial<
  Record<
    NodeLabel,
    { default?: StatsDateField; fields: Partial<Record<StatsDateField, YearSource>> }
  >
> = {
  OrgUnit: {
    default: StatsDateField.ESTABLISHED,
    fields: {
      DECIDED: own('decided', 'when its creation was decided'),
      ESTABLISHED: own('established', 'when it was set up'),
      DISSOLVED: own('dissolved', 'when it was dissolved'),
    },
  },
  Programme: {
    default: StatsDateField.PERIOD,
    fields: {
      PERIOD: own('period', 'when it started (`period`)'),
      DECIDED: along(
        DECISIONS_ON,
        'date',
        'when a body or office holder decided on it (the `date` of each decision)',
      ),
    },
  },
  Event: { default: StatsDateField.DATE, fields: { DATE: own('date', 'when it took place') } },
  SourceDocument: {
    default: StatsDateField.PUBLISHED,
    fields: { PUBLISHED: own('published', 'when it was published') },
  },
  Person: {
    fields: {
      SINCE: along(POSTS_HELD, 'since', 'when they took up each of their posts'),
      UNTIL: along(POSTS_HELD, 'until', 'when they left each of their posts'),
      ATTESTED: along(POSTS_HELD, 'attested', 'when a source shows them in each of their posts'),
    },
  },
  City: {
    fields: {
      PERIOD: along(
        [[hop('PARTICIPATES_IN', 'OUT', 'Programme')]],
        'period',
        'when each of its participations in a programme started',
      ),
    },
  },
};

/**
 * The default YEAR of a kind; checked against the model, whose validity rule names the field
 * YEAR has always read by default (so the default cannot drift from it).
 */
function year(label: NodeLabel): DimensionSpec {
  const years = YEAR_FIELDS[label];
  const spec = years?.default ? years.fields[years.default]?.spec : undefined;
  const rule = (NODE_TYPES[label] as NodeSpec).validity;
  const start = rule?.start ?? rule?.interval ?? rule?.point;
  if (!spec || spec.key.kind !== 'year' || spec.key.field !== start || spec.chains !== SELF) {
    throw new Error(`the default YEAR of ${label} is not the start of its validity`);
  }
  return spec;
}

/** The dated fields YEAR can read for a kind, in enum order. */
export function yearFieldsOf(label: NodeLabel): StatsDateField[] {
  const fields = YEAR_FIELDS[label]?.fields ?? {};
  return Object.values(StatsDateField).filter((f) => fields[f] !== undefined);
}

const UNIT_CITY: Chain[] = [[hop('BELONGS_TO', 'OUT', 'City')]];
const UNIT_PROGRAMMES: Chain[] = [
  [hop(['COORDINATES', 'IMPLEMENTS', 'DECIDED', 'RUNS'], 'OUT', 'Programme')],
];
const PERSON_UNITS: Chain[] = [[hop('HOLDS_POST', 'OUT', 'OrgUnit')]];
const PERSON_CITIES: Chain[] = [
  [hop('HOLDS_POST', 'OUT', 'City')],
  [hop('HOLDS_POST', 'OUT', 'OrgUnit'), hop('BELONGS_TO', 'OUT', 'City')],
];
const ORGANISATION_CITY: Chain[] = [[hop('LOCATED_IN', 'OUT', 'City')]];
const ORGANISATION_PROGRAMMES: Chain[] = [[hop(['FUNDS', 'RUNS'], 'OUT', 'Programme')]];
const EVENT_PROGRAMMES: Chain[] = [[hop(['PART_OF', 'CONTRIBUTES_TO'], 'OUT', 'Programme')]];
const DISTRICT_CITY: Chain[] = [[hop('LOCATED_IN', 'OUT', 'City')]];
const VENUE_CITY: Chain[] = [[hop('LOCATED_IN', 'OUT', 'City', { min: 1, max: 2 })]];

/** Which dimensions each kind of entity can be grouped by, and how. */
export const DIMENSIONS: Record<NodeLabel, Partial<Record<StatsDimension, DimensionSpec>>> = {
  City: {
    THEME: theme(CITY_THEME_HOLDERS),
    TOP_THEME: topTheme(CITY_THEME_HOLDERS),
    THEME_EXACT: exactTheme(CITY_THEME_HOLDERS),
    STATE: state(SELF),
    CITY: entity(SELF),
    PROGRAMME: entity(CITY_PROGRAMMES),
    PROGRAMME_LEVEL: level(CITY_PROGRAMMES),
    FUNDER: funder(CITY_PROGRAMMES),
    ORG_UNIT_KIND: { chains: CITY_UNITS, key: { kind: 'property', property: 'kind' } },
  },
  OrgUnit: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    THEME_EXACT: exactTheme(SELF),
    STATE: state(UNIT_CITY),
    CITY: entity(UNIT_CITY),
    PROGRAMME: entity(UNIT_PROGRAMMES),
    PROGRAMME_LEVEL: level(UNIT_PROGRAMMES),
    FUNDER: funder(UNIT_PROGRAMMES),
    ORG_UNIT_KIND: { chains: SELF, key: { kind: 'property', property: 'kind' } },
    YEAR: year('OrgUnit'),
  },
  Programme: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    THEME_EXACT: exactTheme(SELF),
    STATE: state(PROGRAMME_CITIES),
    CITY: entity(PROGRAMME_CITIES),
    PROGRAMME_LEVEL: level(SELF),
    FUNDER: funder(SELF),
    YEAR: year('Programme'),
  },
  Organisation: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    THEME_EXACT: exactTheme(SELF),
    STATE: state(ORGANISATION_CITY),
    CITY: entity(ORGANISATION_CITY),
    PROGRAMME: entity(ORGANISATION_PROGRAMMES),
    PROGRAMME_LEVEL: level(ORGANISATION_PROGRAMMES),
  },
  Event: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    THEME_EXACT: exactTheme(SELF),
    STATE: state(EVENT_CITIES),
    CITY: entity(EVENT_CITIES),
    PROGRAMME: entity(EVENT_PROGRAMMES),
    PROGRAMME_LEVEL: level(EVENT_PROGRAMMES),
    YEAR: year('Event'),
  },
  Person: {
    THEME: theme(PERSON_UNITS),
    TOP_THEME: topTheme(PERSON_UNITS),
    THEME_EXACT: exactTheme(PERSON_UNITS),
    STATE: state(PERSON_CITIES),
    CITY: entity(PERSON_CITIES),
    ORG_UNIT_KIND: { chains: PERSON_UNITS, key: { kind: 'property', property: 'kind' } },
  },
  District: { STATE: state(DISTRICT_CITY), CITY: entity(DISTRICT_CITY) },
  Venue: { STATE: state(VENUE_CITY), CITY: entity(VENUE_CITY) },
  County: { STATE: entity([[hop('LOCATED_IN', 'OUT', 'State')]]) },
  State: { STATE: entity(SELF) },
  Theme: {
    THEME: { chains: [[ROLL_UP]], key: { kind: 'entity' } },
    TOP_THEME: { chains: [[ROLL_UP]], key: { kind: 'entity', topConcepts: true } },
    THEME_EXACT: { chains: SELF, key: { kind: 'entity' } },
  },
  SourceDocument: { YEAR: year('SourceDocument') },
};

/** The dimensions a label supports, in enum order (for messages and descriptions). */
export function dimensionsOf(label: NodeLabel): StatsDimension[] {
  return Object.values(StatsDimension).filter(
    (d) =>
      DIMENSIONS[label][d] !== undefined ||
      (d === StatsDimension.YEAR && yearFieldsOf(label).length > 0),
  );
}

/**
 * How a member of `label` is bucketed along `dimension`; for YEAR the dated field `yearOf` (or
 * the kind's default). BAD_USER_INPUT for a field the kind does not have, for a kind without a
 * default and no `yearOf`, and for `yearOf` without YEAR.
 */
export function dimensionSpecs(
  label: NodeLabel,
  dimensions: readonly StatsDimension[],
  yearOf: StatsDateField | null | undefined,
): DimensionSpec[] {
  const fields = yearFieldsOf(label);
  const supported = `${label} has ${fields.length ? fields.join(', ') : 'no dated field'}`;
  if (yearOf && !dimensions.includes(StatsDimension.YEAR)) {
    throw new BadUserInputError(
      'yearOf chooses the date of the YEAR dimension; add YEAR to groupBy',
      'yearOf',
    );
  }
  if (yearOf && !fields.includes(yearOf)) {
    throw new BadUserInputError(
      `${label} cannot be counted by the year of ${yearOf}: ${supported}`,
      'yearOf',
    );
  }
  return dimensions.map((d) => {
    if (d !== StatsDimension.YEAR) return DIMENSIONS[label][d]!;
    const field = yearOf ?? YEAR_FIELDS[label]?.default;
    if (!field) {
      throw new BadUserInputError(
        `YEAR of ${label} needs yearOf to say which date: ${supported}`,
        'yearOf',
      );
    }
    return YEAR_FIELDS[label]!.fields[field]!.spec;
  });
}

/** Dimensions whose keys are entities (their bucket key carries a `node`). */
export function isEntityDimension(dimension: StatsDimension): boolean {
  return ![
    StatsDimension.PROGRAMME_LEVEL,
    StatsDimension.ORG_UNIT_KIND,
    StatsDimension.YEAR,
  ].includes(dimension);
}

registerEnumType(StatsDimension, {
  name: 'StatsDimension',
  description:
    'What to group counts by. A member reaching several values falls into several buckets (a unit on two themes counts under both), so buckets of THEME, TOP_THEME, THEME_EXACT, STATE, CITY, PROGRAMME, PROGRAMME_LEVEL and FUNDER need not add up to the total; a member reaching none falls into one bucket with key null ("none stated"). Which kinds of entity support which dimension is said on each value.',
  valuesConfig: {
    THEME: {
      description:
        'Policy themes with roll-up through the taxonomy: a member addressing "elderly-care" counts under it and under every broader theme ("ageing"). Units, programmes, events, organisations: the themes they address; cities: the themes of their units, programmes and events (as in compareCities); people: the themes of the units they hold posts in; themes: themselves and their broader themes.',
    },
    TOP_THEME: {
      description:
        'Like THEME, but only the top concepts (ageing, family, labour market, diversity) the themes roll up to.',
    },
    THEME_EXACT: {
      description:
        "Like THEME, but without the roll-up through the project's editorial taxonomy: a member counts only under the themes it (or, for cities and people, what they reach) addresses itself.",
    },
    STATE: {
      description:
        'The Land, directly or through the Kreis: of a city; of the city of a unit, a district, a venue, an organisation; of the cities taking part in or running a programme; of the cities of an event or of the posts a person holds.',
    },
    CITY: {
      description:
        "The city: a unit's city; the cities a programme belongs to (taking part, running it, or through their units); an event's city (venue or the city's own programmes); an organisation's seat; the cities a person holds posts in.",
    },
    PROGRAMME: {
      description:
        'Programmes: those a city takes part in or runs (or its units coordinate, implement, decide on or run); those a unit coordinates, implements, decides on or runs; those an organisation funds or runs; those an event belongs or contributes to.',
    },
    PROGRAMME_LEVEL: {
      description:
        "A programme's level (FEDERAL, STATE, MUNICIPAL, NON_GOVERNMENTAL); for cities, units, organisations and events the levels of their programmes (as for PROGRAMME).",
    },
    FUNDER: {
      description:
        'Organisations funding the programme (FUNDS); for cities and units the funders of their programmes.',
    },
    ORG_UNIT_KIND: {
      description:
        "A unit's kind (STAFF_UNIT, OFFICE, …); for cities the kinds of their units, for people the kinds of the units they hold posts in.",
    },
    YEAR: {
      description:
        "The year of a dated field, chosen with `yearOf` (StatsDateField): by default the year a unit was set up (`established`), a programme started (`period`), an event took place (`date`), a document was published; also when a unit's creation was decided or it was dissolved, when a programme was decided on, when people took up, left or were seen in their posts, when cities' participations started. The earliest year its date can mean counts. A date that may also fall in a later year (winter 2024 = Dec 2024–Feb 2025, \"2021 or later\") is counted in its earliest year and also in the bucket's `uncertainCount`; a date without a known start (or no date) falls into the null bucket.",
    },
  },
});

/** Which kinds have each dated field, and what it means for them, for the enum's descriptions. */
function dateFieldDescription(field: StatsDateField): string {
  const uses = Object.entries(YEAR_FIELDS).flatMap(([label, spec]) => {
    const source = spec.fields[field];
    if (!source) return [];
    return [`${label}: ${source.doc}${spec.default === field ? ' (default)' : ''}`];
  });
  return `${uses.join('; ')}.`;
}

registerEnumType(StatsDateField, {
  name: 'StatsDateField',
  description:
    'The dated field a YEAR bucket reads (`yearOf` of the counts). Each kind of entity has its own; asking a kind for one it does not have is BAD_USER_INPUT. A member reaching several dates along a relationship (a person with several posts) counts in each of their years.',
  valuesConfig: Object.fromEntries(
    Object.values(StatsDateField).map((f) => [f, { description: dateFieldDescription(f) }]),
  ),
});
