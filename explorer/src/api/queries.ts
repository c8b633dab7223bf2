import type { EntityModel } from '../lib/entity-model.types';
import { CITATION_FRAGMENT, entityQueries, nodeFragment } from '../lib/entity-query';

const C = CITATION_FRAGMENT;
const VALIDITY = '{ possibleFrom certainFrom certainUntil possibleUntil timeless }';
const EDTF = '{ edtf earliest latest }';

/**
 * Every operation the explorer sends; the names of entities (fragment N) come from the model the
 * build reads from the schema. A unit test validates each against schema/schema.graphql.
 */
export function queriesFor(model: EntityModel) {
  const N = nodeFragment(model);
  /** Suggestions and results: the API's German full-text search. */
  const SEARCH = `query Search($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) {
      totalCount totalCountExact
      hits { score snippet snippetField entity { ...N } }
    }
  }
  ${N}`;

  /** Which type an id names, for URLs without one (`/explore/entity/<id>`). */
  const NODE_TYPE = `query NodeType($id: ID!) { node(id: $id) { ...N } }
  ${N}`;

  const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int!) {
    neighbourhood(id: $id, depth: $depth) {
      truncated
      nodes { ...N validity ${VALIDITY} }
      edges { from to relationship phrase details { validity ${VALIDITY} } }
    }
  }
  ${N}`;

  const PATHS = `query Paths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxHops: 4, first: 5) {
      length
      steps { from { ...N } to { ...N } relationship direction text sources { ...C } }
    }
  }
  ${N}
  ${C}`;

  const CITY_TIMELINE = `query CityTimeline($city: ID!, $to: Date) {
    timeline(cityIds: [$city], to: $to, first: 200) {
      date ${EDTF} kind text subject { ...N } object { ...N } sources { ...C }
    }
  }
  ${N}
  ${C}`;

  const THEME_TIMELINE = `query ThemeTimeline($theme: ID!, $to: Date) {
    timeline(themes: [$theme], to: $to, first: 200) {
      date ${EDTF} kind text subject { ...N } object { ...N } sources { ...C }
    }
  }
  ${N}
  ${C}`;

  const THEMES = `query Themes {
    themes(first: 100) { nodes { key labelDe labelEn topConcept broader { node { key } } } }
  }`;

  const CITY_NAMES = `query CityNames($ids: [ID!]!) {
    nodes(ids: $ids) { ... on City { id key name ags } }
  }`;

  // Evidence without its own quotes: the cell's `sources` hold each quote once, and quotes per
  // piece of evidence would take the query past the API's cost limit (rows × cells × evidence ×
  // quotes).
  const EVIDENCE = `kind node { ...N } unit { key name } roleTitle via { key labelDe labelEn } links`;

  const COMPARE = `query Compare($ids: [ID!]!, $themes: [ID!], $asOf: Date, $asOfMode: AsOfMode) {
    compareCities(ids: $ids, themes: $themes, asOf: $asOf, asOfMode: $asOfMode) {
      cities { id key name ags }
      themes { key labelDe labelEn }
      rows {
        theme { key }
        citiesCovering
        cells {
          city { key }
          addressed evidenceCount
          units { ${EVIDENCE} }
          programmes { ${EVIDENCE} }
          posts { ${EVIDENCE} }
          events { ${EVIDENCE} }
          sources { ...C }
        }
      }
      ranking {
        position sharedRank city { id key name ags } themesCovered evidenceCount
        tiedWith { key name } decidedBy explanation
      }
      tieBreakers
    }
  }
  ${N}
  ${C}`;

  const BUCKET = `keys { dimension key label node { ...N } } count uncertainCount membersComplete members { ...N }`;

  /** Every chart of the dashboard in one request (one database query per aggregate). */
  const DASHBOARD = `query Dashboard($asOf: Date, $asOfMode: AsOfMode) {
    stats {
      byTheme: orgUnits(groupBy: [THEME], orderBuckets: COUNT, asOf: $asOf, asOfMode: $asOfMode, membersPerBucket: 100) { total buckets { ${BUCKET} } }
      byStateKind: orgUnits(groupBy: [STATE, ORG_UNIT_KIND], asOf: $asOf, asOfMode: $asOfMode, membersPerBucket: 100) { total buckets { ${BUCKET} } }
      byYear: orgUnits(groupBy: [YEAR], asOf: $asOf, asOfMode: $asOfMode, membersPerBucket: 100) { total buckets { ${BUCKET} } }
      funding(groupBy: [FUNDER, YEAR], asOf: $asOf, asOfMode: $asOfMode, membersPerBucket: 100) {
        total
        buckets {
          keys { dimension key label node { ...N } }
          kind currency per upTo count sum min max uncertainCount membersComplete
          statements { id kind funding { amount currency per upTo } period ${EDTF} from { ...N } programme { ...N } sources { ...C } }
        }
      }
    }
  }
  ${N}
  ${C}`;

  return {
    SEARCH,
    NODE_TYPE,
    NEIGHBOURHOOD,
    PATHS,
    CITY_TIMELINE,
    THEME_TIMELINE,
    THEMES,
    CITY_NAMES,
    COMPARE,
    DASHBOARD,
    /** The queries of an entity page of the given type (its own fields; its relations). */
    entity: (type: string) => entityQueries(model, type),
  };
}

export type Queries = ReturnType<typeof queriesFor>;
