import { NODE_TYPES, type NodeLabel, type NodeSpec, type RelationType } from '../../model/model';
import { hop, type Hop } from '../stats/chain';
import { CITY_STATE_HOP } from '../stats/city-reach';

/**
 * What a `where` filter can reach from each label: its scalar fields (from the model) and its
 * relations, by the name researchers see in the schema. Relation filters nest to any depth.
 */
export interface RelationFilterSpec {
  name: string;
  /** One hop, possibly over several steps (a city's Land: directly or through its Kreis). */
  path: Hop;
  description: string;
}

export type ScalarKind = 'string' | 'date' | 'number' | 'boolean';

export interface ScalarFilterSpec {
  name: string;
  kind: ScalarKind;
  /** A list property (altNames, altLabels): it matches when any item matches. */
  list: boolean;
  description: string;
}

const rel = (
  name: string,
  type: RelationType,
  direction: Hop['direction'],
  label: NodeLabel,
  description: string,
): RelationFilterSpec => ({ name, path: hop(type, direction, label), description });

export const RELATION_FILTERS: Record<NodeLabel, RelationFilterSpec[]> = {
  City: [
    {
      name: 'state',
      // The same walk as the output field City.state and the stats dimension: the Land directly
      // (kreisfreie Städte) or through the Kreis.
      path: CITY_STATE_HOP,
      description: 'The state (Land) the city lies in, directly or through its Kreis.',
    },
    rel('county', 'LOCATED_IN', 'OUT', 'County', 'The Kreis the city lies in.'),
    rel('orgUnits', 'BELONGS_TO', 'IN', 'OrgUnit', 'Units of the city administration and council.'),
    rel('districts', 'LOCATED_IN', 'IN', 'District', 'Districts of the city.'),
    rel('programmes', 'PARTICIPATES_IN', 'OUT', 'Programme', 'Programmes the city takes part in.'),
    rel('runs', 'RUNS', 'OUT', 'Programme', 'Programmes and strategies the city runs.'),
    rel('officeHolders', 'HOLDS_POST', 'IN', 'Person', 'People holding a post in the city itself.'),
    rel(
      'advisers',
      'AFFILIATED_WITH',
      'IN',
      'Person',
      'People who advised or worked for the city.',
    ),
    rel('operates', 'OPERATES', 'OUT', 'OrgUnit', 'Service points and facilities the city runs.'),
    rel(
      'organisations',
      'LOCATED_IN',
      'IN',
      'Organisation',
      'Organisations seated or sited in the city.',
    ),
  ],
  OrgUnit: [
    rel('city', 'BELONGS_TO', 'OUT', 'City', 'The city the unit belongs to.'),
    rel('parent', 'PART_OF', 'OUT', 'OrgUnit', 'The unit this one is part of.'),
    rel('subUnits', 'PART_OF', 'IN', 'OrgUnit', 'Units inside this one.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the unit addresses.'),
    rel('postHolders', 'HOLDS_POST', 'IN', 'Person', 'People holding a post in the unit.'),
    rel('coordinates', 'COORDINATES', 'OUT', 'Programme', 'Programmes the unit coordinates.'),
    rel('implements', 'IMPLEMENTS', 'OUT', 'Programme', 'Laws or programmes the unit implements.'),
    rel('decidedByUnit', 'DECIDED', 'IN', 'OrgUnit', 'The body that decided to create the unit.'),
    rel(
      'decidedByPerson',
      'DECIDED',
      'IN',
      'Person',
      'The office holder who decided to create the unit.',
    ),
    rel('decisions', 'DECIDED', 'OUT', 'OrgUnit', 'Units whose creation this body decided.'),
    rel(
      'decidedProgrammes',
      'DECIDED',
      'OUT',
      'Programme',
      'Programmes and concepts this body decided on.',
    ),
    rel('reportsTo', 'REPORTS_TO', 'OUT', 'Person', 'The leader a staff unit reports to.'),
    rel('cooperatesWithUnits', 'COOPERATES_WITH', 'OUT', 'OrgUnit', 'Units it cooperates with.'),
    rel(
      'cooperationPartnerOfUnits',
      'COOPERATES_WITH',
      'IN',
      'OrgUnit',
      'Units naming it as partner.',
    ),
    rel(
      'operatedBy',
      'OPERATES',
      'IN',
      'Organisation',
      'Organisations running the service point or facility.',
    ),
    rel(
      'operatedByCity',
      'OPERATES',
      'IN',
      'City',
      'The city running the service point or facility.',
    ),
  ],
  Person: [
    rel('unitPosts', 'HOLDS_POST', 'OUT', 'OrgUnit', 'Units in which the person holds a post.'),
    rel('cityPosts', 'HOLDS_POST', 'OUT', 'City', 'Cities in which the person holds a post.'),
    rel(
      'organisationPosts',
      'HOLDS_POST',
      'OUT',
      'Organisation',
      'Organisations in which the person holds a post.',
    ),
    rel('spokeAt', 'SPOKE_AT', 'OUT', 'Event', 'Events the person spoke at.'),
    rel(
      'affiliatedWith',
      'AFFILIATED_WITH',
      'OUT',
      'Organisation',
      'Organisations the person is or was affiliated with.',
    ),
    rel('advised', 'AFFILIATED_WITH', 'OUT', 'City', 'Cities the person advised or worked for.'),
    rel(
      'contributedTo',
      'CONTRIBUTED_TO',
      'OUT',
      'Programme',
      'Programmes the person helped shape.',
    ),
    rel('signed', 'SIGNED', 'OUT', 'Programme', 'Charters the person signed.'),
    rel('decided', 'DECIDED', 'OUT', 'OrgUnit', 'Units whose creation the person decided.'),
    rel('reportingUnits', 'REPORTS_TO', 'IN', 'OrgUnit', 'Staff units assigned to the person.'),
  ],
  Programme: [
    rel('participants', 'PARTICIPATES_IN', 'IN', 'City', 'Cities taking part.'),
    rel('funders', 'FUNDS', 'IN', 'Organisation', 'Organisations funding the programme.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the programme addresses.'),
    rel('targetDistricts', 'TARGETS', 'OUT', 'District', 'Districts the programme targets.'),
    rel('partOf', 'PART_OF', 'OUT', 'Programme', 'The wider programme this one is part of.'),
    rel('parts', 'PART_OF', 'IN', 'Programme', 'Local projects within this programme.'),
    rel('coordinatedBy', 'COORDINATES', 'IN', 'OrgUnit', 'Units coordinating it.'),
    rel('runByOrganisations', 'RUNS', 'IN', 'Organisation', 'Organisations running it.'),
    rel('runByCities', 'RUNS', 'IN', 'City', 'Cities running it.'),
    rel('decidedBy', 'DECIDED', 'IN', 'OrgUnit', 'The body that decided on it.'),
    rel('implementedBy', 'IMPLEMENTS', 'IN', 'OrgUnit', 'Units implementing it.'),
    rel('contributesTo', 'CONTRIBUTES_TO', 'OUT', 'Programme', 'Wider strategies it feeds into.'),
    rel('contributions', 'CONTRIBUTES_TO', 'IN', 'Programme', 'Projects feeding into it.'),
    rel('events', 'PART_OF', 'IN', 'Event', 'Events of the programme.'),
    rel('signatories', 'SIGNED', 'IN', 'Person', 'People who signed it.'),
    rel('shapedBy', 'CONTRIBUTED_TO', 'IN', 'Person', 'People who helped shape it.'),
  ],
  Organisation: [
    rel('funds', 'FUNDS', 'OUT', 'Programme', 'Programmes the organisation funds.'),
    rel('runs', 'RUNS', 'OUT', 'Programme', 'Programmes the organisation runs.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the organisation addresses.'),
    rel('partOf', 'PART_OF', 'OUT', 'Organisation', 'The organisation this one is part of.'),
    rel('parts', 'PART_OF', 'IN', 'Organisation', 'Organisations inside this one.'),
    rel('location', 'LOCATED_IN', 'OUT', 'City', 'The city the organisation sits in.'),
    rel('operates', 'OPERATES', 'OUT', 'OrgUnit', 'Service points and facilities it runs.'),
    rel('cooperatesWith', 'COOPERATES_WITH', 'IN', 'OrgUnit', 'Units cooperating with it.'),
    rel('affiliatedPeople', 'AFFILIATED_WITH', 'IN', 'Person', 'People affiliated with it.'),
    rel('officeHolders', 'HOLDS_POST', 'IN', 'Person', 'People holding a post in it.'),
  ],
  Theme: [
    rel('broader', 'BROADER', 'OUT', 'Theme', 'Directly broader themes.'),
    rel('narrower', 'BROADER', 'IN', 'Theme', 'Directly narrower themes.'),
  ],
  District: [
    rel('city', 'LOCATED_IN', 'OUT', 'City', 'The city of the district.'),
    rel('targetedBy', 'TARGETS', 'IN', 'Programme', 'Programmes targeting the district.'),
  ],
  Event: [
    rel('speakers', 'SPOKE_AT', 'IN', 'Person', 'People who spoke at the event.'),
    rel('partOf', 'PART_OF', 'OUT', 'Programme', 'The programme the event belongs to.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the event addresses.'),
    rel('venue', 'HELD_AT', 'OUT', 'Venue', 'Where it takes place.'),
    rel('contributesTo', 'CONTRIBUTES_TO', 'OUT', 'Programme', 'Strategies the event feeds into.'),
  ],
  State: [
    rel('cities', 'LOCATED_IN', 'IN', 'City', 'Cities lying directly in the state.'),
    rel('counties', 'LOCATED_IN', 'IN', 'County', 'Kreise of the state.'),
  ],
  County: [
    rel('state', 'LOCATED_IN', 'OUT', 'State', 'The state of the Kreis.'),
    rel('cities', 'LOCATED_IN', 'IN', 'City', 'Cities in the Kreis.'),
  ],
  Venue: [
    rel('events', 'HELD_AT', 'IN', 'Event', 'Events held there.'),
    rel('city', 'LOCATED_IN', 'OUT', 'City', 'The city of the venue.'),
    rel('site', 'LOCATED_IN', 'OUT', 'Venue', 'The larger site the venue lies on.'),
  ],
  SourceDocument: [],
};

/** Scalar filters: every string, enum, date, number and boolean field of the model. */
export function scalarFilters(label: NodeLabel): ScalarFilterSpec[] {
  const spec: NodeSpec = NODE_TYPES[label];
  const out: ScalarFilterSpec[] = [
    { name: 'key', kind: 'string', list: false, description: 'The readable key.' },
  ];
  for (const [name, field] of Object.entries(spec.fields)) {
    if (name === 'file') continue;
    const kind: ScalarKind | null =
      field.type === 'string' || field.type === 'enum' || field.type === 'string[]'
        ? 'string'
        : field.type === 'edtf'
          ? 'date'
          : field.type === 'int' || field.type === 'number'
            ? 'number'
            : field.type === 'boolean'
              ? 'boolean'
              : null;
    if (kind) out.push({ name, kind, list: field.type === 'string[]', description: field.doc });
  }
  return out;
}

/**
 * Conditions on a relationship's own properties, one set for every relationship type (like
 * RelationDetails on the output side); a field a type does not have never matches.
 */
export const EDGE_FILTERS: ScalarFilterSpec[] = [
  {
    name: 'role',
    kind: 'string',
    list: false,
    description: 'Normalised role (e.g. HEAD, MODEL_MUNICIPALITY).',
  },
  {
    name: 'roleTitle',
    kind: 'string',
    list: false,
    description: "Role or title in the source's words.",
  },
  {
    name: 'status',
    kind: 'string',
    list: false,
    description: 'PLANNED, DECIDED, IN_PREPARATION, ACTIVE or COMPLETED.',
  },
  { name: 'since', kind: 'date', list: false, description: 'Start (posts, nesting).' },
  { name: 'until', kind: 'date', list: false, description: 'End (posts).' },
  {
    name: 'period',
    kind: 'date',
    list: false,
    description: 'Period (participations, funding, affiliations).',
  },
  { name: 'date', kind: 'date', list: false, description: 'Date (decisions, signatures).' },
  { name: 'attested', kind: 'date', list: false, description: 'When a source shows a post.' },
  { name: 'fundingAmount', kind: 'number', list: false, description: 'Stated amount of money.' },
  {
    name: 'fundingUpTo',
    kind: 'boolean',
    list: false,
    description: 'True for a ceiling ("bis zu").',
  },
];
