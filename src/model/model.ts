/**
 * The graph model in one place: node labels, their fields, relationship types and which labels
 * they may connect. The seed validator, the importer, the constraints and the README table all
 * read from here, so a new field or relation is added once.
 */

export type FieldType = 'string' | 'string[]' | 'int' | 'number' | 'boolean' | 'edtf' | 'enum';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values for `enum`. */
  values?: readonly string[];
  /** Extra syntactic check for strings (e.g. the 8 digits of an AGS). */
  pattern?: RegExp;
  /** Must be unique across all nodes of the label (enforced by a constraint too). */
  unique?: boolean;
  doc: string;
}

/**
 * How a kind of fact is placed in time, naming its EDTF fields. Kinds without a rule are
 * timeless: they hold whenever their ends do (a city's Land, a unit's themes).
 */
export interface ValidityRule {
  /** Start and end of a span (a unit's establishment and dissolution, a post's since/until). */
  start?: string;
  end?: string;
  /** An earlier step the start cannot precede (a unit is not set up before it is decided). */
  notBefore?: string;
  /** A day on which a source shows the fact, where start and end are unknown. */
  attested?: string;
  /** One EDTF interval holding start and end (a programme's or participation's period). */
  interval?: string;
  /** A fact that happens once and holds from then on (an event, a decision, a signature). */
  point?: string;
  /** TIMELESS: when no date is stated the fact holds whenever its ends do (structural nesting). */
  undated?: 'UNKNOWN' | 'TIMELESS';
  /**
   * For relationships: which ends a dated relationship shows to exist from its date on (default
   * both). A decision shows its maker, not the unit it decides to create.
   */
  attestsEnds?: 'FROM' | 'BOTH';
}

export interface NodeSpec {
  /** Extra labels the node carries besides its own and `Entity` (e.g. `TerritorialBody`). */
  extraLabels?: readonly string[];
  fields: Record<string, FieldSpec>;
  /** Property that names the node in lists and search hits. */
  nameField: string;
  doc: string;
  /** Where the label follows an outside vocabulary. */
  alignment?: string;
  validity?: ValidityRule;
}

export interface RelationSpec {
  /** The JSON-LD term (in schema/context.jsonld) of the direct triple the relationship stands for. */
  term: string;
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  fields: Record<string, FieldSpec>;
  doc: string;
  alignment?: string;
  validity?: ValidityRule;
}

const ORG_UNIT_KINDS = [
  'COUNCIL',
  'COMMITTEE',
  'ADVISORY_COUNCIL',
  'ADMINISTRATION',
  'DEPARTMENT',
  'OFFICE',
  'STAFF_UNIT',
  'SECTION',
  'SERVICE_POINT',
  'TEAM',
  'FACILITY',
] as const;

const ORGANISATION_KINDS = [
  'MINISTRY',
  'GOVERNMENT',
  'ASSOCIATION',
  'WELFARE_ASSOCIATION',
  'PROVIDER',
  'COMPANY',
  'UNIVERSITY',
  'RESEARCH_CENTRE',
] as const;

const PROGRAMME_LEVELS = ['FEDERAL', 'STATE', 'MUNICIPAL', 'NON_GOVERNMENTAL'] as const;
const PROGRAMME_KINDS = [
  'FUNDING_PROGRAMME',
  'MODEL_PROJECT',
  'PROJECT',
  'AUDIT',
  'STRATEGY',
  'CONCEPT',
  'ACTION_PLAN',
  'CHARTER',
  'LAW',
  'PHASE',
  'PROPOSAL',
] as const;
/** Where a thing stands according to its source, at the source's date. */
const STATUS = [
  'PROPOSED',
  'APPLIED',
  'PLANNED',
  'DECIDED',
  'IN_PREPARATION',
  'ACTIVE',
  'COMPLETED',
] as const;
const SOURCE_KINDS = [
  'PRESS_RELEASE',
  'NEWS_ARTICLE',
  'CITIZEN_JOURNALISM',
  'WEB_PAGE',
  'CATALOGUE',
  'VOCABULARY',
] as const;

export const POST_ROLES = [
  'HEAD',
  'MAYOR',
  'SOCIAL_AFFAIRS_EXECUTIVE',
  'MANAGING_DIRECTOR',
  'MEMBER',
] as const;
const AFFILIATION_ROLES = ['RESEARCHER', 'ADVISER', 'STAFF'] as const;
const PARTICIPATION_ROLES = [
  'MODEL_MUNICIPALITY',
  'PARTICIPANT',
  'AUDITED_MUNICIPALITY',
  'SIGNATORY',
] as const;
const SPEAKER_ROLES = ['WELCOME', 'KEYNOTE', 'TALK'] as const;

const name = (doc = 'Name as the source writes it.'): FieldSpec => ({
  type: 'string',
  required: true,
  doc,
});
const text = (doc: string): FieldSpec => ({ type: 'string', doc });
const edtf = (doc: string): FieldSpec => ({ type: 'edtf', doc });

/**
 * Funding as stated by a source. Amounts stay as vague as the source: `fundingUpTo` marks a
 * ceiling ("bis zu"), `fundingPer` the period an amount refers to (ISO 8601 duration, P1Y = per
 * year), so different periods and currencies are never added up blindly.
 */
const FUNDING_FIELDS: Record<string, FieldSpec> = {
  fundingAmount: { type: 'number', doc: 'Amount of money stated by the source.' },
  fundingCurrency: { type: 'string', pattern: /^[A-Z]{3}$/, doc: 'ISO 4217 currency code.' },
  fundingPer: {
    type: 'string',
    pattern: /^P\d+[YMWD]$/,
    doc: 'Period the amount refers to, as ISO 8601 duration (P1Y = per year).',
  },
  fundingUpTo: { type: 'boolean', doc: 'True when the source states a ceiling ("bis zu").' },
  fundingFrom: { type: 'string', doc: "Who provides the money, in the source's words." },
  fundingPurpose: { type: 'string', doc: 'What the money may be used for, per the source.' },
};

/** The stored properties of a relationship's `funding` (read together by the API's Funding). */
export const FUNDING_PROPERTIES: readonly string[] = Object.keys(FUNDING_FIELDS);

export const NODE_TYPES = {
  SourceDocument: {
    validity: { point: 'published' },
    nameField: 'title',
    doc: "A document the graph cites: a press release, article or web page (or the project's source catalogue).",
    alignment:
      'schema:CreativeWork; dcterms:title, dcterms:publisher, dcterms:creator, dcterms:issued',
    fields: {
      title: name('Title of the document.'),
      kind: { type: 'enum', values: SOURCE_KINDS, required: true, doc: 'Kind of document.' },
      publisher: text('Who published it.'),
      author: text('Author, where the document names one.'),
      published: edtf('Publication date (EDTF; may be a range where only bounds are known).'),
      publishedNote: text('What is known of the date when it is not exact.'),
      url: { type: 'string', pattern: /^https?:\/\//, doc: 'Where it was published, where known.' },
      language: {
        type: 'string',
        required: true,
        pattern: /^[a-z]{2}$/,
        doc: 'ISO 639-1 language.',
      },
      file: {
        type: 'string',
        required: true,
        doc: 'File name of the plain-text capture in the documents directory (not part of the project).',
      },
      note: text('Remarks on the capture.'),
    },
  },
  State: {
    extraLabels: ['TerritorialBody'],
    nameField: 'name',
    doc: 'A German federal state (Land).',
    alignment: 'OParl Body (classification Land); schema:AdministrativeArea',
    fields: {
      name: name(),
      ags: {
        type: 'string',
        pattern: /^\d{2}$/,
        unique: true,
        doc: 'Two-digit state key (first two AGS digits).',
      },
      kind: text('Legal kind in German (e.g. "Land").'),
      population: {
        type: 'int',
        doc: 'Population on the reference date of the source (reference data: 31.12.2018).',
      },
      areaKm2: { type: 'number', doc: 'Area in km² as the source states it.' },
    },
  },
  County: {
    extraLabels: ['TerritorialBody'],
    nameField: 'name',
    doc: 'A district (Kreis, Landkreis) grouping kreisangehörige municipalities; in the reference data also a kreisfreie Stadt as the district it forms.',
    alignment: 'OParl Body (classification Kreis); schema:AdministrativeArea',
    fields: {
      name: name(),
      ags: {
        type: 'string',
        pattern: /^\d{5}$/,
        unique: true,
        doc: 'Five-digit district key (Kreisschlüssel).',
      },
      kind: text(
        'Legal kind in German as the source writes it (e.g. "Kreis", "Landkreis", "Kreisfreie Stadt").',
      ),
      nuts3: { type: 'string', pattern: /^DE[0-9A-Z]{3}$/, doc: 'NUTS 3 code (e.g. "DEA51").' },
      population: {
        type: 'int',
        doc: 'Population on the reference date of the source (reference data: 31.12.2018).',
      },
      areaKm2: { type: 'number', doc: 'Area in km² as the source states it.' },
    },
  },
  City: {
    extraLabels: ['TerritorialBody'],
    nameField: 'name',
    doc: 'A municipality (Gemeinde, Stadt); its identity is the official AGS.',
    alignment: 'OParl Body; schema:City; org:Organization for the city as a corporate body',
    fields: {
      name: name(),
      ags: {
        type: 'string',
        pattern: /^\d{8}$/,
        unique: true,
        doc: 'Amtlicher Gemeindeschlüssel: 8 digits as a string (state, region, district, municipality), only where a cited source states it.',
      },
      agsNote: text(
        'Why the city has no `ags`: no cited source states its key (a key is never guessed or derived from a Kreis key). Set exactly when `ags` is not.',
      ),
      kind: text('Legal kind in German, e.g. "kreisfreie Stadt" or "kreisangehörige Stadt".'),
      altNames: { type: 'string[]', doc: 'Other names the sources use (e.g. "Seestadt").' },
    },
  },
  District: {
    nameField: 'name',
    doc: 'A city district or neighbourhood (Stadtteil, Quartier).',
    alignment: 'schema:Place',
    fields: { name: name() },
  },
  Venue: {
    nameField: 'name',
    doc: 'A place where an event is held.',
    alignment: 'schema:Place',
    fields: { name: name(), description: text('What the place is.') },
  },
  OrgUnit: {
    validity: { start: 'established', end: 'dissolved', notBefore: 'decided' },
    nameField: 'name',
    doc: "A unit of a city's administration or council (Stabsstelle, Amt, Dezernat/Referat, council, committee, advisory council, office, service point), or a facility or service point that others run, alone or with the city (then OPERATES, not BELONGS_TO).",
    alignment: 'org:OrganizationalUnit; OParl Organization (classification = germanKind)',
    fields: {
      name: name(),
      altNames: { type: 'string[]', doc: 'Other names or spellings used by the sources.' },
      kind: {
        type: 'enum',
        values: ORG_UNIT_KINDS,
        required: true,
        doc: 'Normalised kind of unit.',
      },
      germanKind: text(
        'The source\'s own term for the kind (e.g. "Stabsstelle", "Amt", "Fachgebiet").',
      ),
      description: text('Mandate and purpose, close to the source.'),
      decided: edtf('When its creation was decided.'),
      established: edtf('When it was set up or took up its work.'),
      dissolved: edtf('When it was dissolved.'),
      status: { type: 'enum', values: STATUS, doc: 'State at the date of the source.' },
      count: {
        type: 'int',
        doc: 'For a node standing for several like facilities: how many the source counts.',
      },
      goals: {
        type: 'string[]',
        doc: 'Aims the source states, one per entry, close to its words.',
      },
    },
  },
  Person: {
    nameField: 'name',
    doc: 'A named person holding a post, speaking at an event or otherwise named by a source.',
    alignment: 'foaf:Person / schema:Person; Popolo Person',
    fields: {
      name: name('Full name.'),
      givenName: text('Given name.'),
      familyName: text('Family name.'),
      profession: text('Profession as the source states it (e.g. "Politikwissenschaftlerin").'),
    },
  },
  Organisation: {
    nameField: 'name',
    doc: 'An organisation outside the city administration: ministry, association, company, university, research centre, welfare associations, providers.',
    alignment: 'org:FormalOrganization; schema:Organization; Popolo Organization',
    fields: {
      name: name(),
      shortName: text('Abbreviation (e.g. "BMFSFJ").'),
      kind: { type: 'enum', values: ORGANISATION_KINDS, required: true, doc: 'Normalised kind.' },
      legalForm: text('Legal form (e.g. "e.V.", "GmbH").'),
      description: text('What it is, close to the source.'),
      collective: {
        type: 'boolean',
        doc: 'True when the node stands for a group (e.g. "die Wohlfahrtsverbände").',
      },
    },
  },
  Programme: {
    validity: { interval: 'period' },
    nameField: 'name',
    doc: 'A programme, project, audit, strategy, concept, charter or law a city takes part in or pursues.',
    alignment:
      'schema:GovernmentService / dcterms; a funded project in the sense of the FRAPO ontology',
    fields: {
      name: name(),
      shortName: text('Abbreviation (e.g. "ZWK").'),
      level: { type: 'enum', values: PROGRAMME_LEVELS, required: true, doc: 'Who runs it.' },
      kind: { type: 'enum', values: PROGRAMME_KINDS, required: true, doc: 'What it is.' },
      germanKind: text('The source\'s own term (e.g. "Landesprogramm", "Modellprojekt").'),
      description: text('Aims, close to the source.'),
      period: edtf('Running period (EDTF interval).'),
      status: { type: 'enum', values: STATUS, doc: 'State at the date of the source.' },
      participantCount: { type: 'int', doc: 'Number of participants the source states.' },
      goals: {
        type: 'string[]',
        doc: 'Aims the source states, one per entry, close to its words.',
      },
    },
  },
  Event: {
    validity: { point: 'date' },
    nameField: 'name',
    doc: 'A conference or other event.',
    alignment: 'schema:Event',
    fields: {
      name: name(),
      germanKind: text('The source\'s term (e.g. "Tagung", "Auftaktveranstaltung").'),
      date: edtf('When it takes place (EDTF).'),
      status: {
        type: 'enum',
        values: STATUS,
        doc: 'PLANNED or COMPLETED at the date of the source.',
      },
      description: text('What happened, close to the source.'),
      participantCount: { type: 'int', doc: 'Number of participants stated.' },
      participantsDescription: text("Who took part, in the source's words."),
    },
  },
  Theme: {
    nameField: 'labelEn',
    doc: 'A policy theme of the taxonomy (a SKOS concept) with German and English labels.',
    alignment: 'skos:Concept (prefLabel@de, prefLabel@en, altLabel@de, broader)',
    fields: {
      labelDe: name('German preferred label.'),
      labelEn: { type: 'string', required: true, doc: 'English preferred label.' },
      altLabels: { type: 'string[]', doc: 'Other German terms, used for search.' },
      definition: text('Scope note in English.'),
      topConcept: { type: 'boolean', doc: 'True for the top concepts of the scheme.' },
    },
  },
} as const satisfies Record<string, NodeSpec>;

export type NodeLabel = keyof typeof NODE_TYPES;
export const NODE_LABELS = Object.keys(NODE_TYPES) as NodeLabel[];

const ORGS: NodeLabel[] = ['OrgUnit', 'Organisation'];

export const RELATION_TYPES = {
  LOCATED_IN: {
    term: 'locatedIn',
    from: ['City', 'County', 'District', 'Venue', 'Organisation', 'OrgUnit'],
    to: ['City', 'County', 'State', 'Venue'],
    doc: "Territorial containment (city → Kreis → Land, district → city), a venue's site, an organisation's seat, a facility's city.",
    alignment: 'schema:containedInPlace; org:hasSite for seats',
    fields: {
      seat: { type: 'boolean', doc: "True when this is an organisation's registered seat." },
    },
  },
  BELONGS_TO: {
    term: 'belongsTo',
    from: ['OrgUnit'],
    to: ['City'],
    doc: 'The city whose administration or council the unit is part of (for nested units too).',
    alignment: 'OParl Organization.body; org:unitOf',
    fields: {},
  },
  PART_OF: {
    term: 'partOf',
    validity: { start: 'since', undated: 'TIMELESS' },
    from: ['OrgUnit', 'Organisation', 'Programme', 'Event'],
    to: ['OrgUnit', 'Organisation', 'Programme', 'Event'],
    doc: 'Nesting: a unit inside a unit, a research centre inside a university, a local project inside a programme, an event inside a project.',
    alignment: 'org:subOrganizationOf / org:hasUnit; schema:isPartOf',
    fields: {
      since: edtf('Since when.'),
      note: text('How it came about, e.g. a transfer of a body into a unit.'),
      status: { type: 'enum', values: STATUS, doc: 'Where a move is only announced.' },
      position: {
        type: 'int',
        doc: 'Place of a phase or step in the order the source gives (1 = first).',
      },
    },
  },
  REPORTS_TO: {
    term: 'reportsTo',
    from: ['OrgUnit'],
    to: ['Person', 'OrgUnit'],
    doc: 'A staff unit assigned to a leader.',
    alignment: 'org:reportsTo',
    fields: { roleTitle: text("Title of the post the unit reports to, in the source's words.") },
  },
  HOLDS_POST: {
    term: 'holdsPostIn',
    validity: { start: 'since', end: 'until', attested: 'attested' },
    from: ['Person'],
    to: ['OrgUnit', 'City', 'Organisation'],
    doc: 'A person holding a post in a unit, a city or an organisation.',
    alignment:
      'org:Membership with org:role / org:Post; Popolo Membership (role, start_date, end_date); OParl Membership',
    fields: {
      roleTitle: {
        type: 'string',
        required: true,
        doc: 'The title in the source\'s words (e.g. "Sozialdezernentin").',
      },
      role: { type: 'enum', values: POST_ROLES, required: true, doc: 'Normalised role.' },
      since: edtf('Start of the post (EDTF).'),
      until: edtf('End of the post (EDTF).'),
      attested: edtf(
        'When a source shows the person in the post, where start and end are unknown.',
      ),
    },
  },
  AFFILIATED_WITH: {
    term: 'affiliatedWith',
    validity: { interval: 'period' },
    from: ['Person'],
    to: ['Organisation', 'City', 'OrgUnit'],
    doc: 'Earlier or other affiliations of a person (work for a research centre, advice to a city).',
    alignment: 'org:memberOf / schema:affiliation',
    fields: {
      role: { type: 'enum', values: AFFILIATION_ROLES, required: true, doc: 'Normalised role.' },
      description: text('What the person did there, close to the source.'),
      period: edtf('When (EDTF).'),
    },
  },
  CONTRIBUTED_TO: {
    term: 'contributedTo',
    validity: { interval: 'period' },
    from: ['Person'],
    to: ['Programme'],
    doc: "A person's part in shaping a programme or strategy.",
    alignment: 'schema:contributor (inverse)',
    fields: { description: text('What the person did.'), period: edtf('When (EDTF).') },
  },
  DECIDED: {
    term: 'decidedOn',
    validity: { point: 'date', attestsEnds: 'FROM' },
    from: ['OrgUnit', 'Person'],
    to: ['OrgUnit', 'Programme'],
    doc: 'A body or office holder decided to create a unit or to start a programme or concept.',
    alignment: 'OParl Consultation/Paper (a decision of a body)',
    fields: {
      date: edtf('When (EDTF).'),
      decision: { type: 'string', required: true, doc: 'What was decided, close to the source.' },
      vote: text('How the vote went, where stated (e.g. "einstimmig").'),
    },
  },
  PARTICIPATES_IN: {
    term: 'participatesIn',
    validity: { interval: 'period' },
    from: ['City'],
    to: ['Programme'],
    doc: "A city's participation in a programme, audit or charter, with its role, period and funding.",
    alignment: 'org:Membership-like n-ary relation; schema:member',
    fields: {
      role: { type: 'enum', values: PARTICIPATION_ROLES, required: true, doc: 'Normalised role.' },
      roleTitle: text('The role in the source\'s words (e.g. "Modellkommune").'),
      period: edtf('When (EDTF).'),
      status: { type: 'enum', values: STATUS, doc: 'State at the date of the source.' },
      reasons: {
        type: 'string[]',
        doc: 'Why the city was chosen or joined, one reason per entry, close to the source.',
      },
      ...FUNDING_FIELDS,
    },
  },
  FUNDS: {
    term: 'funds',
    validity: { interval: 'period' },
    from: ['Organisation'],
    to: ['Programme'],
    doc: 'An organisation funds a programme.',
    alignment: 'schema:funder (inverse); FRAPO funds',
    fields: { period: edtf('When (EDTF).'), ...FUNDING_FIELDS },
  },
  RUNS: {
    term: 'runs',
    from: ['Organisation', 'City', 'OrgUnit'],
    to: ['Programme'],
    doc: 'Who is responsible for a programme, audit or strategy (owner, issuer, certifier).',
    alignment: 'schema:provider',
    fields: { role: text('In what capacity, close to the source (e.g. "certifies").') },
  },
  COORDINATES: {
    term: 'coordinates',
    from: ['OrgUnit'],
    to: ['Programme'],
    doc: 'The unit that coordinates or drafts a programme, project or plan.',
    alignment: 'schema:organizer',
    fields: { description: text('What the coordination consists of.') },
  },
  IMPLEMENTS: {
    term: 'implements',
    from: ['OrgUnit'],
    to: ['Programme'],
    doc: 'The unit in charge of implementing a law, concept or programme.',
    fields: {},
  },
  CONTRIBUTES_TO: {
    term: 'contributesTo',
    from: ['Programme', 'Event'],
    to: ['Programme'],
    doc: 'A project or event that feeds into a wider strategy.',
    fields: {},
  },
  TARGETS: {
    term: 'targets',
    from: ['Programme'],
    to: ['District'],
    doc: 'A district a programme or project targets.',
    alignment: 'schema:areaServed',
    fields: {},
  },
  COOPERATES_WITH: {
    term: 'cooperatesWith',
    from: ORGS,
    to: ORGS,
    doc: 'Cooperation or networking between units and organisations.',
    fields: {
      status: { type: 'enum', values: STATUS, doc: 'PLANNED where the source only announces it.' },
      description: text('The kind of cooperation.'),
    },
  },
  OPERATES: {
    term: 'operates',
    from: ['Organisation', 'City'],
    to: ['OrgUnit'],
    doc: 'Who runs a service point or facility (free providers, welfare associations, the city).',
    fields: {
      status: { type: 'enum', values: STATUS, doc: 'PLANNED where only intended.' },
      description: text('Close to the source.'),
    },
  },
  ADDRESSES: {
    term: 'addresses',
    from: ['OrgUnit', 'Programme', 'Event', 'Organisation'],
    to: ['Theme'],
    doc: 'A unit, programme, event or organisation addresses a policy theme.',
    alignment: 'dcterms:subject',
    fields: {},
  },
  BROADER: {
    term: 'broader',
    from: ['Theme'],
    to: ['Theme'],
    doc: 'The narrower theme points to its broader theme.',
    alignment: 'skos:broader',
    fields: {},
  },
  HELD_AT: {
    term: 'heldAt',
    from: ['Event'],
    to: ['Venue'],
    doc: 'Where an event takes place.',
    alignment: 'schema:location',
    fields: {},
  },
  SPOKE_AT: {
    term: 'spokeAt',
    from: ['Person'],
    to: ['Event'],
    doc: 'A person who spoke at an event, with the part they played.',
    alignment: 'schema:performer / schema:contributor',
    fields: {
      role: { type: 'enum', values: SPEAKER_ROLES, required: true, doc: 'Normalised part.' },
      roleTitle: text("The part or title in the source's words."),
      topic: text('What the person spoke about, close to the source.'),
    },
  },
  SIGNED: {
    term: 'signed',
    validity: { point: 'date' },
    from: ['Person'],
    to: ['Programme'],
    doc: 'A person signed a charter or agreement (for a city).',
    fields: { date: edtf('When (EDTF).'), onBehalfOf: text('For whom, close to the source.') },
  },
} as const satisfies Record<string, RelationSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function isNodeLabel(value: unknown): value is NodeLabel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NODE_TYPES, value);
}

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}

/** Labels a node of the given type carries in the database. */
export function labelsOf(type: NodeLabel): string[] {
  const spec: NodeSpec = NODE_TYPES[type];
  return ['Entity', type, ...(spec.extraLabels ?? [])];
}

/**
 * Labels of the seed importer's staging area (src/seed/staging.repository.ts): an import writes
 * its changes under these first and switches them live in one transaction. None of them is an
 * entity's label, so no query of the API matches a staged node and no uniqueness constraint of
 * an entity applies to it.
 */
export const STAGING_LABELS = [
  'SeedStaged',
  'SeedStagedUpdate',
  'SeedStagedRelation',
  'SeedImport',
] as const;

/** The label a new node of this type carries while staged (beside `SeedStaged`). */
export function stagedLabelOf(type: NodeLabel): string {
  return cypherName(`Staged${type}`);
}

const CYPHER_NAMES = new Set<string>([
  'Entity',
  ...NODE_LABELS,
  ...NODE_LABELS.flatMap((l) => [...((NODE_TYPES[l] as NodeSpec).extraLabels ?? [])]),
  ...RELATION_TYPE_NAMES,
  ...STAGING_LABELS,
  ...NODE_LABELS.map((l) => `Staged${l}`),
]);

/**
 * Labels and relationship types cannot be Cypher parameters; the few queries that need them
 * splice in names that this check has found in the model's own vocabulary.
 */
export function cypherName(name: string): string {
  if (!CYPHER_NAMES.has(name))
    throw new Error(`not a label or relationship type of the model: ${name}`);
  return name;
}
