import { RELATION_TYPES, type NodeLabel, type RelationSpec, type RelationType } from './model';

/**
 * The relationship table: every relation field of the API, one entry per direction a
 * relationship is read in. The output field, the `where` filter of the same name, the relation
 * field's arguments, the loaders, the query planner's subqueries and the walks of stats and
 * compare are all made from these entries, so a field and its filter cannot drift apart.
 *
 * To add a relationship type: declare it in `RELATION_TYPES` (model.ts) and add its entries here,
 * one per side that should see it; `relations.test.ts` checks that both agree.
 */

/** `one`: a single link or null; `list`: every link; `connection`: a paged Relay connection. */
export type RelationShape = 'one' | 'list' | 'connection';

/**
 * How an item is shown: a cited link (`{ node, sources, details }`), or one of the edge objects
 * that name both ends (a post, a participation, a funding).
 */
export type RelationView = 'link' | 'post' | 'participation' | 'funding';

export interface RelationField {
  /** The label the field is on. */
  on: NodeLabel;
  /** Name of the output field and of the `where` filter. */
  name: string;
  type: RelationType;
  /** OUT follows the relationship as stored (from → to); IN walks it backwards. */
  direction: 'OUT' | 'IN';
  /** Labels at the other end; with several the field is typed `Node` and filters per label. */
  to: readonly NodeLabel[];
  shape: RelationShape;
  view: RelationView;
  /** One or more steps of the same type (a city's Land: directly or through its Kreis). */
  repeat?: { min: number; max: number };
  /** Typed `Node` although it has one target (kept from earlier releases). */
  nodeTyped?: boolean;
  /** Also offered as a paged `<name>Connection` field beside the list. */
  alsoConnection?: boolean;
  /** Filter names of earlier releases, kept deprecated for one release. */
  formerFilters?: { name: string; to: NodeLabel }[];
  doc: string;
}

type Extra = Partial<Pick<RelationField, 'repeat' | 'nodeTyped' | 'alsoConnection' | 'view'>> & {
  was?: [string, NodeLabel][];
};

function rel(
  on: NodeLabel,
  name: string,
  type: RelationType,
  direction: 'OUT' | 'IN',
  to: NodeLabel | readonly NodeLabel[],
  shape: RelationShape,
  doc: string,
  extra: Extra = {},
): RelationField {
  const { was, ...rest } = extra;
  return {
    on,
    name,
    type,
    direction,
    to: typeof to === 'string' ? [to] : to,
    shape,
    view: 'link',
    doc,
    ...rest,
    ...(was ? { formerFilters: was.map(([n, t]) => ({ name: n, to: t })) } : {}),
  };
}

const OUT = 'OUT' as const;
const IN = 'IN' as const;
const ONE = 'one' as const;
const LIST = 'list' as const;
const PAGED = 'connection' as const;

export const RELATION_FIELDS: readonly RelationField[] = [
  // LOCATED_IN: territorial containment, sites and seats.
  rel(
    'City',
    'state',
    'LOCATED_IN',
    OUT,
    'State',
    ONE,
    'The state (Land) the city lies in, directly (kreisfreie Städte) or through its Kreis.',
    { repeat: { min: 1, max: 2 } },
  ),
  rel(
    'City',
    'county',
    'LOCATED_IN',
    OUT,
    'County',
    ONE,
    'The Kreis the city lies in; for a kreisfreie Stadt the Kreis it forms itself (the County of its key, linked by the reference data).',
  ),
  rel(
    'City',
    'districts',
    'LOCATED_IN',
    IN,
    'District',
    LIST,
    'Districts (Stadtteile) of the city named by the sources.',
  ),
  rel(
    'City',
    'organisations',
    'LOCATED_IN',
    IN,
    'Organisation',
    LIST,
    'Organisations seated or sited in the city.',
  ),
  rel('City', 'venues', 'LOCATED_IN', IN, 'Venue', LIST, 'Event venues in the city.'),
  rel(
    'City',
    'facilities',
    'LOCATED_IN',
    IN,
    'OrgUnit',
    LIST,
    'Facilities and service points the sources place in the city without making them part of its administration (those are `orgUnits`).',
  ),
  rel(
    'OrgUnit',
    'location',
    'LOCATED_IN',
    OUT,
    'City',
    ONE,
    "The city a facility or service point lies in, where the sources place it there without making it part of the city's administration (that is `city`).",
  ),
  rel('County', 'state', 'LOCATED_IN', OUT, 'State', ONE, 'The state of the Kreis.'),
  rel(
    'County',
    'cities',
    'LOCATED_IN',
    IN,
    'City',
    PAGED,
    'Cities in the Kreis; for a kreisfreie Stadt as a Kreis, the city itself. Paged.',
  ),
  rel(
    'State',
    'cities',
    'LOCATED_IN',
    IN,
    'City',
    PAGED,
    'Cities lying directly in the state (kreisfreie Städte). Paged.',
  ),
  rel('State', 'counties', 'LOCATED_IN', IN, 'County', LIST, 'Kreise of the state.'),
  rel('District', 'city', 'LOCATED_IN', OUT, 'City', ONE, 'The city the district belongs to.'),
  rel(
    'Venue',
    'location',
    'LOCATED_IN',
    OUT,
    ['City', 'Venue'],
    ONE,
    'The city or larger site the venue lies in.',
    {
      was: [
        ['city', 'City'],
        ['site', 'Venue'],
      ],
    },
  ),
  rel(
    'Organisation',
    'location',
    'LOCATED_IN',
    OUT,
    ['City', 'County', 'State', 'Venue'],
    ONE,
    'Where the organisation sits; details.seat marks a registered seat.',
  ),
  // BELONGS_TO
  rel(
    'OrgUnit',
    'city',
    'BELONGS_TO',
    OUT,
    'City',
    ONE,
    'The city whose administration or council the unit is part of.',
  ),
  rel(
    'City',
    'orgUnits',
    'BELONGS_TO',
    IN,
    'OrgUnit',
    LIST,
    "Units of the city's administration and council, nested ones included.",
    { alsoConnection: true },
  ),
  // PART_OF
  rel(
    'OrgUnit',
    'parent',
    'PART_OF',
    OUT,
    'OrgUnit',
    ONE,
    'The unit this one is part of (e.g. the Amt a Stabsstelle sits in).',
  ),
  rel('OrgUnit', 'subUnits', 'PART_OF', IN, 'OrgUnit', LIST, 'Units inside this one.'),
  rel(
    'Organisation',
    'partOf',
    'PART_OF',
    OUT,
    'Organisation',
    ONE,
    'The organisation this one is part of (e.g. a university).',
  ),
  rel(
    'Organisation',
    'parts',
    'PART_OF',
    IN,
    'Organisation',
    LIST,
    'Organisations inside this one (e.g. research centres).',
  ),
  rel(
    'Programme',
    'partOf',
    'PART_OF',
    OUT,
    'Programme',
    ONE,
    'The wider programme this one is part of (e.g. a local project within a federal programme).',
  ),
  rel(
    'Programme',
    'parts',
    'PART_OF',
    IN,
    'Programme',
    LIST,
    'Local projects that are part of this programme.',
  ),
  rel(
    'Programme',
    'events',
    'PART_OF',
    IN,
    'Event',
    LIST,
    'Events of the programme (e.g. kick-off and closing conferences).',
  ),
  rel(
    'Event',
    'partOf',
    'PART_OF',
    OUT,
    'Programme',
    ONE,
    'The programme or project the event belongs to.',
  ),
  // REPORTS_TO
  rel(
    'OrgUnit',
    'reportsTo',
    'REPORTS_TO',
    OUT,
    ['Person', 'OrgUnit'],
    LIST,
    'The leader or unit a staff unit reports to.',
  ),
  rel(
    'Person',
    'reportingUnits',
    'REPORTS_TO',
    IN,
    'OrgUnit',
    LIST,
    'Staff units assigned to the person.',
  ),
  // HOLDS_POST
  rel(
    'Person',
    'posts',
    'HOLDS_POST',
    OUT,
    ['OrgUnit', 'City', 'Organisation'],
    LIST,
    'Posts the person holds or held, with titles and dates.',
    {
      view: 'post',
      was: [
        ['unitPosts', 'OrgUnit'],
        ['cityPosts', 'City'],
        ['organisationPosts', 'Organisation'],
      ],
    },
  ),
  rel(
    'OrgUnit',
    'posts',
    'HOLDS_POST',
    IN,
    'Person',
    LIST,
    'Posts in this unit (e.g. its head), with titles and dates.',
    {
      view: 'post',
      was: [['postHolders', 'Person']],
    },
  ),
  rel(
    'City',
    'posts',
    'HOLDS_POST',
    IN,
    'Person',
    LIST,
    'Posts held in the city itself (mayor, social-affairs executive).',
    {
      view: 'post',
      was: [['officeHolders', 'Person']],
    },
  ),
  rel(
    'Organisation',
    'posts',
    'HOLDS_POST',
    IN,
    'Person',
    LIST,
    'Posts in the organisation (e.g. its managing director).',
    {
      view: 'post',
      was: [['officeHolders', 'Person']],
    },
  ),
  // AFFILIATED_WITH
  rel(
    'Person',
    'affiliations',
    'AFFILIATED_WITH',
    OUT,
    ['Organisation', 'City', 'OrgUnit'],
    LIST,
    'Earlier or other affiliations: research centres worked for, cities advised; details give role and period.',
    {
      was: [
        ['affiliatedWith', 'Organisation'],
        ['advised', 'City'],
      ],
    },
  ),
  rel(
    'City',
    'advisers',
    'AFFILIATED_WITH',
    IN,
    'Person',
    LIST,
    'People who advised or worked for the city, with role and period.',
  ),
  rel(
    'Organisation',
    'affiliatedPeople',
    'AFFILIATED_WITH',
    IN,
    'Person',
    LIST,
    'People affiliated with the organisation, with role and period.',
  ),
  // CONTRIBUTED_TO
  rel(
    'Person',
    'contributedTo',
    'CONTRIBUTED_TO',
    OUT,
    'Programme',
    LIST,
    'Programmes and strategies the person helped shape.',
  ),
  rel(
    'Programme',
    'shapedBy',
    'CONTRIBUTED_TO',
    IN,
    'Person',
    LIST,
    'People who helped shape the programme or strategy.',
  ),
  // DECIDED
  rel(
    'OrgUnit',
    'decidedBy',
    'DECIDED',
    IN,
    ['OrgUnit', 'Person'],
    LIST,
    'The body or office holder that decided to create the unit; details give date and vote.',
    {
      was: [
        ['decidedByUnit', 'OrgUnit'],
        ['decidedByPerson', 'Person'],
      ],
    },
  ),
  rel(
    'OrgUnit',
    'decisions',
    'DECIDED',
    OUT,
    ['OrgUnit', 'Programme'],
    LIST,
    'What this body (e.g. a council or committee) decided, with date and vote.',
    {
      was: [['decidedProgrammes', 'Programme']],
    },
  ),
  rel(
    'Person',
    'decided',
    'DECIDED',
    OUT,
    ['OrgUnit', 'Programme'],
    LIST,
    'Decisions the person took (e.g. a mayor setting up a unit), with date.',
  ),
  rel(
    'Programme',
    'decidedBy',
    'DECIDED',
    IN,
    ['OrgUnit', 'Person'],
    LIST,
    'The body that decided on the programme or concept; details give date and vote.',
  ),
  // PARTICIPATES_IN
  rel(
    'City',
    'participations',
    'PARTICIPATES_IN',
    OUT,
    'Programme',
    LIST,
    'Programmes, audits and charters the city takes part in.',
    {
      view: 'participation',
      was: [['programmes', 'Programme']],
    },
  ),
  rel(
    'Programme',
    'participants',
    'PARTICIPATES_IN',
    IN,
    'City',
    LIST,
    'Cities taking part, with role, period and funding.',
    {
      view: 'participation',
      alsoConnection: true,
    },
  ),
  // FUNDS
  rel(
    'Organisation',
    'funds',
    'FUNDS',
    OUT,
    'Programme',
    LIST,
    'Programmes the organisation funds.',
    { view: 'funding' },
  ),
  rel(
    'Programme',
    'funders',
    'FUNDS',
    IN,
    'Organisation',
    LIST,
    'Organisations funding the programme.',
    { view: 'funding' },
  ),
  // RUNS
  rel(
    'City',
    'runs',
    'RUNS',
    OUT,
    'Programme',
    LIST,
    'Programmes and strategies the city runs itself.',
  ),
  rel(
    'Organisation',
    'runs',
    'RUNS',
    OUT,
    'Programme',
    LIST,
    'Programmes, audits or certificates the organisation runs.',
  ),
  rel(
    'Programme',
    'runBy',
    'RUNS',
    IN,
    ['Organisation', 'City', 'OrgUnit'],
    LIST,
    'Who runs it: a ministry, an association, a city or a unit.',
    {
      was: [
        ['runByOrganisations', 'Organisation'],
        ['runByCities', 'City'],
      ],
    },
  ),
  // COORDINATES
  rel(
    'OrgUnit',
    'coordinates',
    'COORDINATES',
    OUT,
    'Programme',
    LIST,
    'Programmes, projects and plans the unit coordinates or drafts.',
  ),
  rel(
    'Programme',
    'coordinatedBy',
    'COORDINATES',
    IN,
    'OrgUnit',
    LIST,
    'Units that coordinate or draft it.',
    { nodeTyped: true },
  ),
  // IMPLEMENTS
  rel(
    'OrgUnit',
    'implements',
    'IMPLEMENTS',
    OUT,
    'Programme',
    LIST,
    'Laws and programmes the unit implements.',
  ),
  rel(
    'Programme',
    'implementedBy',
    'IMPLEMENTS',
    IN,
    'OrgUnit',
    LIST,
    'Units implementing the law or programme.',
  ),
  // CONTRIBUTES_TO
  rel(
    'Programme',
    'contributesTo',
    'CONTRIBUTES_TO',
    OUT,
    'Programme',
    LIST,
    'Wider strategies this programme feeds into.',
  ),
  rel(
    'Programme',
    'contributions',
    'CONTRIBUTES_TO',
    IN,
    ['Programme', 'Event'],
    LIST,
    'Projects and events that feed into this programme or strategy.',
  ),
  rel(
    'Event',
    'contributesTo',
    'CONTRIBUTES_TO',
    OUT,
    'Programme',
    LIST,
    'Strategies the event feeds into.',
  ),
  // TARGETS
  rel(
    'Programme',
    'targetDistricts',
    'TARGETS',
    OUT,
    'District',
    LIST,
    'Districts (Stadtteile) the programme targets.',
  ),
  rel(
    'District',
    'targetedBy',
    'TARGETS',
    IN,
    'Programme',
    LIST,
    'Programmes and projects that target the district.',
  ),
  // COOPERATES_WITH
  rel(
    'OrgUnit',
    'cooperatesWith',
    'COOPERATES_WITH',
    OUT,
    ['OrgUnit', 'Organisation'],
    LIST,
    'Units and organisations it cooperates or networks with; details give status.',
    {
      was: [['cooperatesWithUnits', 'OrgUnit']],
    },
  ),
  rel(
    'OrgUnit',
    'cooperationPartnerOf',
    'COOPERATES_WITH',
    IN,
    ['OrgUnit', 'Organisation'],
    LIST,
    'Units and organisations that name this unit as a cooperation partner.',
    {
      was: [['cooperationPartnerOfUnits', 'OrgUnit']],
    },
  ),
  rel(
    'Organisation',
    'cooperationPartnerOf',
    'COOPERATES_WITH',
    IN,
    ['OrgUnit', 'Organisation'],
    LIST,
    'Units and organisations that name this organisation as a cooperation partner.',
    {
      was: [['cooperatesWith', 'OrgUnit']],
    },
  ),
  // OPERATES
  rel(
    'City',
    'operates',
    'OPERATES',
    OUT,
    'OrgUnit',
    LIST,
    'Service points and facilities the city itself runs.',
  ),
  rel(
    'Organisation',
    'operates',
    'OPERATES',
    OUT,
    'OrgUnit',
    LIST,
    'Service points and facilities the organisation runs or plans to run.',
  ),
  rel(
    'OrgUnit',
    'operatedBy',
    'OPERATES',
    IN,
    ['Organisation', 'City'],
    LIST,
    'Who runs the service point or facility (providers, welfare associations, the city).',
    {
      was: [['operatedByCity', 'City']],
    },
  ),
  // ADDRESSES
  rel('OrgUnit', 'themes', 'ADDRESSES', OUT, 'Theme', LIST, 'Policy themes the unit addresses.'),
  rel(
    'Programme',
    'themes',
    'ADDRESSES',
    OUT,
    'Theme',
    LIST,
    'Policy themes the programme addresses.',
  ),
  rel('Event', 'themes', 'ADDRESSES', OUT, 'Theme', LIST, 'Policy themes the event addresses.'),
  rel(
    'Organisation',
    'themes',
    'ADDRESSES',
    OUT,
    'Theme',
    LIST,
    'Themes the organisation addresses.',
  ),
  rel(
    'Theme',
    'addressedBy',
    'ADDRESSES',
    IN,
    ['OrgUnit', 'Programme', 'Event', 'Organisation'],
    PAGED,
    'Units, programmes, events and organisations that address exactly this theme, paged.',
  ),
  // BROADER
  rel('Theme', 'broader', 'BROADER', OUT, 'Theme', LIST, 'Broader themes (skos:broader).'),
  rel('Theme', 'narrower', 'BROADER', IN, 'Theme', LIST, 'Narrower themes (skos:narrower).'),
  // HELD_AT
  rel('Event', 'venue', 'HELD_AT', OUT, 'Venue', ONE, 'Where it takes place.'),
  rel('Venue', 'events', 'HELD_AT', IN, 'Event', LIST, 'Events held at the venue.'),
  // SPOKE_AT
  rel(
    'Person',
    'spokeAt',
    'SPOKE_AT',
    OUT,
    'Event',
    LIST,
    'Events the person spoke at; details give the part (role) and topic.',
  ),
  rel('Event', 'speakers', 'SPOKE_AT', IN, 'Person', LIST, 'People who spoke at the event.'),
  // SIGNED
  rel(
    'Person',
    'signed',
    'SIGNED',
    OUT,
    'Programme',
    LIST,
    'Charters or agreements the person signed, with date.',
  ),
  rel(
    'Programme',
    'signatories',
    'SIGNED',
    IN,
    'Person',
    LIST,
    'People who signed the charter, with date.',
  ),
];

/** The relation fields on one label, in table order. */
export function relationFieldsOf(label: NodeLabel): RelationField[] {
  return RELATION_FIELDS.filter((f) => f.on === label);
}

/** One entry by label and name; throws for a name the table does not hold (a programming error). */
export function relationField(label: NodeLabel, name: string): RelationField {
  const field = RELATION_FIELDS.find((f) => f.on === label && f.name === name);
  if (!field) throw new Error(`no relation field ${label}.${name} in the table`);
  return field;
}

/** True when the far end is shown as the `Node` interface rather than one object type. */
export function isPolymorphic(field: RelationField): boolean {
  return field.to.length > 1 || field.nodeTyped === true;
}

/** The labels the model allows at the far end of a relationship read in one direction. */
export function modelEnds(type: RelationType, direction: 'OUT' | 'IN'): readonly NodeLabel[] {
  const spec: RelationSpec = RELATION_TYPES[type];
  return direction === 'OUT' ? spec.to : spec.from;
}
