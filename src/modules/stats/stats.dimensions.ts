import { registerEnumType } from 'type-graphql';
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
  /** The year an EDTF field starts in (see yearKey in stats.query.ts). */
  | { kind: 'year'; field: string };

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
 * The field whose start a YEAR bucket reads, from the model's validity rule: a unit's
 * `established`, a programme's `period`, an event's `date`, a document's `published`.
 */
function startField(label: NodeLabel): string | undefined {
  const rule = (NODE_TYPES[label] as NodeSpec).validity;
  return rule?.start ?? rule?.interval ?? rule?.point;
}

const year = (label: NodeLabel): DimensionSpec => ({
  chains: SELF,
  key: { kind: 'year', field: startField(label)! },
});

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
    STATE: state(PROGRAMME_CITIES),
    CITY: entity(PROGRAMME_CITIES),
    PROGRAMME_LEVEL: level(SELF),
    FUNDER: funder(SELF),
    YEAR: year('Programme'),
  },
  Organisation: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    STATE: state(ORGANISATION_CITY),
    CITY: entity(ORGANISATION_CITY),
    PROGRAMME: entity(ORGANISATION_PROGRAMMES),
    PROGRAMME_LEVEL: level(ORGANISATION_PROGRAMMES),
  },
  Event: {
    THEME: theme(SELF),
    TOP_THEME: topTheme(SELF),
    STATE: state(EVENT_CITIES),
    CITY: entity(EVENT_CITIES),
    PROGRAMME: entity(EVENT_PROGRAMMES),
    PROGRAMME_LEVEL: level(EVENT_PROGRAMMES),
    YEAR: year('Event'),
  },
  Person: {
    THEME: theme(PERSON_UNITS),
    TOP_THEME: topTheme(PERSON_UNITS),
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
  },
  SourceDocument: { YEAR: year('SourceDocument') },
};

/** The dimensions a label supports, in enum order (for messages and descriptions). */
export function dimensionsOf(label: NodeLabel): StatsDimension[] {
  return Object.values(StatsDimension).filter((d) => DIMENSIONS[label][d] !== undefined);
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
    'What to group counts by. A member reaching several values falls into several buckets (a unit on two themes counts under both), so buckets of THEME, TOP_THEME, STATE, CITY, PROGRAMME, PROGRAMME_LEVEL and FUNDER need not add up to the total; a member reaching none falls into one bucket with key null ("none stated"). Which kinds of entity support which dimension is said on each value.',
  valuesConfig: {
    THEME: {
      description:
        'Policy themes with roll-up through the taxonomy: a member addressing "elderly-care" counts under it and under every broader theme ("ageing"). Units, programmes, events, organisations: the themes they address; cities: the themes of their units, programmes and events (as in compareCities); people: the themes of the units they hold posts in; themes: themselves and their broader themes.',
    },
    TOP_THEME: {
      description:
        'Like THEME, but only the top concepts (ageing, family, labour market, diversity) the themes roll up to.',
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
        'The year a unit was set up (`established`), a programme started (`period`), an event took place (`date`), a document was published: the earliest year its date can mean. A date that may also fall in a later year (winter 2024 = Dec 2024–Feb 2025, "2021 or later") is counted in its earliest year and also in the bucket\'s `uncertainCount`; a date without a known start (or no date) falls into the null bucket.',
    },
  },
});
