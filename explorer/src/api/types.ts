import type { EdtfDate, Funding } from '../lib/format';
import type { Validity } from '../lib/validity';

export type Basis = 'STATED' | 'INFERRED' | 'EDITORIAL';

/** Fragment N: what names any entity. */
export interface NodeRef {
  __typename: string;
  id: string;
  key: string;
  name?: string;
  title?: string;
  labelDe?: string;
  labelEn?: string;
}

export interface Citation {
  quote: string;
  basis: Basis;
  reasoning: string | null;
  document: {
    id: string;
    key: string;
    title: string;
    publisher: string | null;
    published: EdtfDate | null;
    url: string | null;
  };
}

/** What a fact carries besides its content: basis, validity, quotes. */
export interface Fact {
  basis: Basis;
  reasoning: string | null;
  validity: Validity;
  sources: Citation[];
}

export type Details = Record<string, unknown> & { type: string; validity: Validity };

export interface LinkItem {
  node: NodeRef;
  basis: Basis;
  reasoning: string | null;
  details: Details;
  sources: Citation[];
}

export interface PostItem extends Fact {
  person: NodeRef;
  holder: NodeRef;
  roleTitle: string;
  role: string;
  since: EdtfDate | null;
  until: EdtfDate | null;
  attested: EdtfDate | null;
}

export interface ParticipationItem extends Fact {
  city: NodeRef;
  programme: NodeRef;
  role: string;
  roleTitle: string | null;
  period: EdtfDate | null;
  status: string | null;
  reasons: string[];
  funding: Funding | null;
}

export interface FundingItem extends Fact {
  funder: NodeRef;
  programme: NodeRef;
  period: EdtfDate | null;
  funding: Funding | null;
}

export type RelationItem = LinkItem | PostItem | ParticipationItem | FundingItem;

/** The answer of the entity query: Node fields, own fields, relation fields by name. */
export type Entity = NodeRef &
  Fact &
  Record<string, unknown> & {
    sources: Citation[];
  };

export interface SearchHit {
  entity: NodeRef;
  score: number;
  snippet: string | null;
  snippetField: string | null;
}

export interface SearchResult {
  search: { totalCount: number; totalCountExact: boolean; hits: SearchHit[] };
}

export interface GraphEdge {
  from: string;
  to: string;
  relationship: string;
  phrase: string;
  details: { validity: Validity };
}

export interface NeighbourhoodNode extends NodeRef {
  validity: Validity;
}

export interface NeighbourhoodResult {
  neighbourhood: { nodes: NeighbourhoodNode[]; edges: GraphEdge[]; truncated: boolean };
}

export interface PathStep {
  from: NodeRef;
  to: NodeRef;
  relationship: string;
  direction: 'FORWARD' | 'BACKWARD';
  text: string;
  sources: Citation[];
}

export interface PathsResult {
  paths: { length: number; steps: PathStep[] }[];
}

export interface TimelineEntry {
  date: EdtfDate;
  kind: string;
  text: string;
  subject: NodeRef;
  object: NodeRef | null;
  sources: Citation[];
}

export interface ThemeOption {
  key: string;
  labelDe: string;
  labelEn: string;
  topConcept: boolean;
  broader: { node: { key: string } }[];
}

export interface Evidence {
  kind: string;
  node: NodeRef;
  unit: { key: string; name: string } | null;
  roleTitle: string | null;
  via: { key: string; labelDe: string; labelEn: string }[];
  links: string[];
}

export interface ComparisonCell {
  city: { key: string };
  addressed: boolean;
  evidenceCount: number;
  units: Evidence[];
  programmes: Evidence[];
  posts: Evidence[];
  events: Evidence[];
  sources: Citation[];
}

export interface CityRef {
  id: string;
  key: string;
  name: string;
  ags: string | null;
}

export interface Comparison {
  cities: CityRef[];
  themes: { key: string; labelDe: string; labelEn: string }[];
  rows: { theme: { key: string }; citiesCovering: number; cells: ComparisonCell[] }[];
  ranking: {
    position: number;
    sharedRank: number;
    city: CityRef;
    themesCovered: number;
    evidenceCount: number;
    tiedWith: { key: string; name: string }[];
    decidedBy: string;
    explanation: string;
  }[];
  tieBreakers: string[];
}

export interface BucketKey {
  dimension: string;
  key: string | null;
  label: string | null;
  node: NodeRef | null;
}

export interface CountBucket {
  keys: BucketKey[];
  count: number;
  uncertainCount: number;
  membersComplete: boolean;
  members: NodeRef[];
}

export interface FundingStatement {
  id: string;
  kind: string;
  funding: Funding;
  period: EdtfDate | null;
  from: NodeRef;
  programme: NodeRef;
  sources: Citation[];
}

export interface FundingBucket {
  keys: BucketKey[];
  kind: string;
  currency: string | null;
  per: string | null;
  upTo: boolean;
  count: number;
  sum: number;
  min: number;
  max: number;
  uncertainCount: number;
  membersComplete: boolean;
  statements: FundingStatement[];
}

export interface DashboardResult {
  stats: {
    byTheme: { total: number; buckets: CountBucket[] };
    byStateKind: { total: number; buckets: CountBucket[] };
    byYear: { total: number; buckets: CountBucket[] };
    funding: { total: number; buckets: FundingBucket[] };
  };
}
