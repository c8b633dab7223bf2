import type { Lang } from './route';

/** [English, German]. */
type Pair = readonly [string, string];

/**
 * Headings of the relation fields on entity pages, by field name; `Type.field` where one name
 * means different things on different types. Kept in step with the schema by a unit test.
 */
export const RELATION_LABELS: Record<string, Pair> = {
  state: ['Land', 'Land'],
  county: ['County (Kreis)', 'Kreis'],
  districts: ['Districts', 'Stadtteile'],
  organisations: ['Organisations in the city', 'Organisationen in der Stadt'],
  venues: ['Venues', 'Veranstaltungsorte'],
  facilities: ['Facilities in the city', 'Einrichtungen in der Stadt'],
  orgUnits: ['Units of the administration and council', 'Einheiten von Verwaltung und Rat'],
  posts: ['Posts', 'Ämter und Funktionen'],
  'City.posts': ['Posts in the city', 'Ämter der Stadt'],
  'Person.posts': ['Posts held', 'Ämter und Funktionen'],
  'OrgUnit.posts': ['Posts in the unit', 'Funktionen in der Einheit'],
  'Organisation.posts': ['Posts in the organisation', 'Funktionen in der Organisation'],
  advisers: ['Advisers', 'Beratende'],
  participations: ['Programmes taken part in', 'Teilnahme an Programmen'],
  runs: ['Runs', 'Führt durch'],
  operates: ['Operates', 'Betreibt'],
  location: ['Location', 'Lage'],
  'Organisation.location': ['Seat', 'Sitz'],
  city: ['City', 'Stadt'],
  parent: ['Part of', 'Teil von'],
  subUnits: ['Sub-units', 'Untereinheiten'],
  reportsTo: ['Reports to', 'Berichtet an'],
  decidedBy: ['Decided by', 'Beschlossen von'],
  decisions: ['Decisions', 'Beschlüsse'],
  coordinates: ['Coordinates', 'Koordiniert'],
  implements: ['Implements', 'Setzt um'],
  cooperatesWith: ['Cooperates with', 'Kooperiert mit'],
  cooperationPartnerOf: ['Cooperation partner of', 'Kooperationspartner von'],
  operatedBy: ['Operated by', 'Betrieben von'],
  themes: ['Themes', 'Themen'],
  reportingUnits: ['Units reporting to the person', 'Zugeordnete Einheiten'],
  affiliations: ['Affiliations', 'Zugehörigkeiten'],
  contributedTo: ['Contributed to', 'Hat mitgewirkt an'],
  decided: ['Decided', 'Hat beschlossen'],
  spokeAt: ['Spoke at', 'Sprach bei'],
  signed: ['Signed', 'Hat unterzeichnet'],
  partOf: ['Part of', 'Teil von'],
  parts: ['Parts', 'Bestandteile'],
  events: ['Events', 'Veranstaltungen'],
  shapedBy: ['Shaped by', 'Mitgestaltet von'],
  participants: ['Participants', 'Teilnehmende'],
  funders: ['Funders', 'Geldgeber'],
  runBy: ['Run by', 'Durchgeführt von'],
  coordinatedBy: ['Coordinated by', 'Koordiniert von'],
  implementedBy: ['Implemented by', 'Umgesetzt von'],
  contributesTo: ['Contributes to', 'Trägt bei zu'],
  contributions: ['Contributions', 'Beiträge'],
  targetDistricts: ['Target districts', 'Zielgebiete'],
  signatories: ['Signatories', 'Unterzeichnende'],
  cities: ['Cities', 'Städte'],
  counties: ['Counties (Kreise)', 'Kreise'],
  targetedBy: ['Targeted by', 'Zielgebiet von'],
  addressedBy: ['Addressed by', 'Bearbeitet von'],
  broader: ['Broader themes', 'Oberthemen'],
  narrower: ['Narrower themes', 'Engere Themen'],
  affiliatedPeople: ['Affiliated people', 'Zugehörige Personen'],
  funds: ['Funds', 'Fördert'],
  speakers: ['Speakers', 'Redner:innen'],
  venue: ['Venue', 'Veranstaltungsort'],
};

/** Labels of own fields and of the fields of a relationship's details. */
export const FIELD_LABELS: Record<string, Pair> = {
  name: ['Name', 'Name'],
  altNames: ['Other names', 'Weitere Namen'],
  kind: ['Kind', 'Art'],
  germanKind: ['Kind (source’s term)', 'Art (Begriff der Quelle)'],
  description: ['Description', 'Beschreibung'],
  decided: ['Decided', 'Beschlossen'],
  established: ['Set up', 'Eingerichtet'],
  dissolved: ['Dissolved', 'Aufgelöst'],
  status: ['Status', 'Status'],
  count: ['Number of facilities', 'Anzahl Einrichtungen'],
  goals: ['Goals', 'Ziele'],
  ags: ['AGS', 'AGS'],
  agsNote: ['Why no AGS', 'Warum kein AGS'],
  nuts3: ['NUTS 3', 'NUTS 3'],
  population: ['Population', 'Einwohner'],
  areaKm2: ['Area (km²)', 'Fläche (km²)'],
  shortName: ['Short name', 'Kurzname'],
  legalForm: ['Legal form', 'Rechtsform'],
  collective: ['Collective (stands for several)', 'Sammelbegriff (steht für mehrere)'],
  givenName: ['Given name', 'Vorname'],
  familyName: ['Family name', 'Nachname'],
  profession: ['Profession', 'Beruf'],
  level: ['Level', 'Ebene'],
  period: ['Period', 'Zeitraum'],
  participantCount: ['Participants', 'Teilnehmende'],
  participantsDescription: ['Participants (source’s words)', 'Teilnehmende (laut Quelle)'],
  date: ['Date', 'Datum'],
  title: ['Title', 'Titel'],
  publisher: ['Publisher', 'Herausgeber'],
  author: ['Author', 'Autor:in'],
  published: ['Published', 'Veröffentlicht'],
  publishedNote: ['Note on the date', 'Hinweis zum Datum'],
  url: ['Link', 'Link'],
  language: ['Language', 'Sprache'],
  labelDe: ['Label (German)', 'Bezeichnung (deutsch)'],
  labelEn: ['Label (English)', 'Bezeichnung (englisch)'],
  altLabels: ['Other labels', 'Weitere Bezeichnungen'],
  definition: ['Definition', 'Definition'],
  topConcept: ['Top concept', 'Oberthema'],
  type: ['Relationship', 'Beziehung'],
  role: ['Role', 'Rolle'],
  roleTitle: ['Title or role (source’s words)', 'Titel oder Rolle (laut Quelle)'],
  decision: ['Decision', 'Beschluss'],
  vote: ['Vote', 'Abstimmung'],
  topic: ['Topic', 'Thema'],
  note: ['Note', 'Hinweis'],
  onBehalfOf: ['On behalf of', 'Im Namen von'],
  since: ['Since', 'Seit'],
  until: ['Until', 'Bis'],
  attested: ['Attested', 'Belegt am'],
  funding: ['Funding', 'Förderung'],
  seat: ['Registered seat', 'Eingetragener Sitz'],
  position: ['Position in sequence', 'Stelle in der Abfolge'],
};

/** Codes the API returns (kinds, roles, statuses, levels), as a reader would say them. */
export const CODE_LABELS: Record<string, Pair> = {
  // OrgUnit kinds
  COUNCIL: ['council', 'Rat'],
  COMMITTEE: ['committee', 'Ausschuss'],
  ADVISORY_COUNCIL: ['advisory council', 'Beirat'],
  ADMINISTRATION: ['administration', 'Verwaltung'],
  DEPARTMENT: ['department', 'Dezernat'],
  OFFICE: ['office', 'Amt'],
  STAFF_UNIT: ['staff unit', 'Stabsstelle'],
  SECTION: ['section', 'Abteilung'],
  SERVICE_POINT: ['service point', 'Anlaufstelle'],
  TEAM: ['team', 'Team'],
  FACILITY: ['facility', 'Einrichtung'],
  // Organisation kinds
  MINISTRY: ['ministry', 'Ministerium'],
  GOVERNMENT: ['government', 'Regierung'],
  ASSOCIATION: ['association', 'Verband'],
  WELFARE_ASSOCIATION: ['welfare association', 'Wohlfahrtsverband'],
  PROVIDER: ['provider', 'Träger'],
  COMPANY: ['company', 'Unternehmen'],
  UNIVERSITY: ['university', 'Hochschule'],
  RESEARCH_CENTRE: ['research centre', 'Forschungseinrichtung'],
  // Programme levels and kinds
  FEDERAL: ['federal', 'Bund'],
  STATE: ['Land', 'Land'],
  MUNICIPAL: ['municipal', 'kommunal'],
  NON_GOVERNMENTAL: ['non-governmental', 'nichtstaatlich'],
  FUNDING_PROGRAMME: ['funding programme', 'Förderprogramm'],
  MODEL_PROJECT: ['model project', 'Modellprojekt'],
  PROJECT: ['project', 'Projekt'],
  AUDIT: ['audit', 'Audit'],
  STRATEGY: ['strategy', 'Strategie'],
  CONCEPT: ['concept', 'Konzept'],
  ACTION_PLAN: ['action plan', 'Aktionsplan'],
  CHARTER: ['charter', 'Charta'],
  LAW: ['law', 'Gesetz'],
  PHASE: ['phase', 'Phase'],
  PROPOSAL: ['proposal', 'Vorschlag'],
  // Statuses
  PROPOSED: ['proposed', 'vorgeschlagen'],
  APPLIED: ['applied for', 'beantragt'],
  PLANNED: ['planned', 'geplant'],
  DECIDED: ['decided', 'beschlossen'],
  IN_PREPARATION: ['in preparation', 'in Vorbereitung'],
  ACTIVE: ['active', 'aktiv'],
  COMPLETED: ['completed', 'abgeschlossen'],
  // Source kinds
  PRESS_RELEASE: ['press release', 'Pressemitteilung'],
  NEWS_ARTICLE: ['news article', 'Zeitungsartikel'],
  CITIZEN_JOURNALISM: ['citizen journalism', 'Bürgerjournalismus'],
  WEB_PAGE: ['web page', 'Webseite'],
  CATALOGUE: ['catalogue', 'Verzeichnis'],
  VOCABULARY: ['vocabulary', 'Vokabular'],
  // Roles
  HEAD: ['head', 'Leitung'],
  MAYOR: ['mayor', 'Oberbürgermeister:in'],
  SOCIAL_AFFAIRS_EXECUTIVE: ['social-affairs executive', 'Sozialdezernent:in'],
  MANAGING_DIRECTOR: ['managing director', 'Geschäftsführung'],
  MEMBER: ['member', 'Mitglied'],
  RESEARCHER: ['researcher', 'Forschende:r'],
  ADVISER: ['adviser', 'Beratung'],
  STAFF: ['staff', 'Mitarbeit'],
  MODEL_MUNICIPALITY: ['model municipality', 'Modellkommune'],
  PARTICIPANT: ['participant', 'Teilnehmende'],
  AUDITED_MUNICIPALITY: ['audited municipality', 'auditierte Kommune'],
  SIGNATORY: ['signatory', 'Unterzeichnende'],
  WELCOME: ['welcome address', 'Grußwort'],
  KEYNOTE: ['keynote', 'Hauptvortrag'],
  TALK: ['talk', 'Vortrag'],
  // Timeline kinds (DECIDED above)
  STARTED: ['started', 'begonnen'],
  ENDED: ['ended', 'beendet'],
  ATTESTED: ['attested', 'belegt'],
  TOOK_PLACE: ['took place', 'fand statt'],
  SIGNED: ['signed', 'unterzeichnet'],
  PUBLISHED: ['published', 'veröffentlicht'],
  // Funding and evidence kinds
  PARTICIPATION: ['received in a programme', 'Zuwendung in einem Programm'],
  PROGRAMME_FUNDING: ['given to a programme', 'Förderung eines Programms'],
  UNIT: ['unit', 'Einheit'],
  PROGRAMME: ['programme', 'Programm'],
  POST: ['post', 'Amt'],
  EVENT: ['event', 'Veranstaltung'],
};

/** Where a search hit matched (the API's `snippetField`), for "found in …". */
export const SNIPPET_FIELD_LABELS: Record<string, Pair> = {
  name: ['the name', 'Name'],
  title: ['the title', 'Titel'],
  labelDe: ['the German label', 'deutscher Bezeichnung'],
  labelEn: ['the English label', 'englischer Bezeichnung'],
  shortName: ['the short name', 'Kurzname'],
  altNames: ['other names', 'weiteren Namen'],
  altLabels: ['other labels', 'weiteren Bezeichnungen'],
  description: ['the description', 'Beschreibung'],
  quotes: ['a quote', 'einem Zitat'],
};

function pick(pair: Pair | undefined, lang: Lang): string | undefined {
  return pair ? pair[lang === 'en' ? 0 : 1] : undefined;
}

/** The heading of relation field `field` on `type`. */
export function relationLabel(lang: Lang, type: string, field: string): string {
  return pick(RELATION_LABELS[`${type}.${field}`] ?? RELATION_LABELS[field], lang) ?? field;
}

export function fieldLabel(lang: Lang, field: string): string {
  return pick(FIELD_LABELS[field], lang) ?? field;
}

export function snippetFieldLabel(lang: Lang, field: string): string {
  return pick(SNIPPET_FIELD_LABELS[field], lang) ?? field;
}

/** A code in words; an unknown code stays as it is. */
export function codeLabel(lang: Lang, code: string): string {
  return pick(CODE_LABELS[code], lang) ?? code;
}
