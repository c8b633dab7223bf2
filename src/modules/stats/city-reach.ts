import { hop, reverseChain, then, walk, type Chain } from './chain';

/**
 * What belongs to a city, as chains from the city. One definition serves the aggregates (a
 * city's themes, programmes and funders; a unit's or programme's city) and the comparison
 * matrix, so "Bochum addresses ageing" means the same everywhere:
 * - units: the units of its administration and council;
 * - programmes: those it takes part in or runs, and those its units coordinate, implement,
 *   decide on or run;
 * - events: events at a venue in the city, and events of a programme the city or one of its
 *   units runs, coordinates, implements or decided on (not every event of a federal programme
 *   it merely joins: those happen elsewhere);
 * - posts: posts in the city's units (a post addresses the themes of its unit).
 */
const UNIT_TO_PROGRAMME = hop(['COORDINATES', 'IMPLEMENTS', 'DECIDED', 'RUNS'], 'OUT', 'Programme');
const EVENT_OF_PROGRAMME = hop(['PART_OF', 'CONTRIBUTES_TO'], 'IN', 'Event');

const UNITS = walk('City', 'orgUnits');
const UNIT_POSTS = walk('OrgUnit', 'posts');

export const CITY_UNITS: Chain[] = [[UNITS]];

export const CITY_PROGRAMMES: Chain[] = [
  [hop(['PARTICIPATES_IN', 'RUNS'], 'OUT', 'Programme')],
  [UNITS, UNIT_TO_PROGRAMME],
];

/** Programmes that are the city's own: run by it or by its units (not merely joined). */
export const OWN_PROGRAMMES: Chain[] = [
  [hop('RUNS', 'OUT', 'Programme')],
  [UNITS, UNIT_TO_PROGRAMME],
];

export const CITY_EVENTS: Chain[] = [
  [hop('LOCATED_IN', 'IN', 'Venue', { min: 1, max: 2 }), hop('HELD_AT', 'IN', 'Event')],
  ...then(OWN_PROGRAMMES, [[EVENT_OF_PROGRAMME]]),
];

/** Programmes the city takes part in (brought into its timeline with their own dates only). */
export const JOINED_PROGRAMMES: Chain[] = [[walk('City', 'participations')]];

/** People holding a post in the city itself or in one of its units. */
export const CITY_PEOPLE: Chain[] = [[walk('City', 'posts')], [UNITS, UNIT_POSTS]];

/** From the city to the person holding a post in one of its units (the unit is second to last). */
export const CITY_UNIT_POSTS: Chain = [UNITS, UNIT_POSTS];

/** Everything through which a city can address a theme (posts add nothing: their unit does). */
export const CITY_THEME_HOLDERS: Chain[] = [...CITY_UNITS, ...CITY_PROGRAMMES, ...CITY_EVENTS];

/** The same walks backwards: from a programme or event to its city. */
export const PROGRAMME_CITIES: Chain[] = CITY_PROGRAMMES.map((c) => reverseChain(c, 'City'));
export const EVENT_CITIES: Chain[] = CITY_EVENTS.map((c) => reverseChain(c, 'City'));

/**
 * A city's Land: directly (kreisfreie Städte) or through its Kreis. One variable-length hop
 * rather than two chains: the model lets a city lie only in a Kreis or a Land, and a Kreis only
 * in a Land, so one or two LOCATED_IN steps ending at a State are exactly these two ways, and
 * the city's relationships are expanded once, not once per way. The `where` filter
 * `CityWhere.state` walks the same hop.
 */
export const CITY_STATE_HOP = walk('City', 'state');
export const CITY_STATE: Chain[] = [[CITY_STATE_HOP]];
