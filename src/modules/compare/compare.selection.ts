import type { GraphQLResolveInfo } from 'graphql';
import type { NodeLabel } from '../../model/model';
import { citedDocumentProps } from '../planner/cited-documents';
import { selectedPropsAt } from '../planner/planner';

const EVIDENCE = ['units', 'programmes', 'posts', 'events'] as const;

/** Where a comparison's answer holds the evidence's nodes, and which labels they can have. */
const NODE_PATHS: readonly [string[], NodeLabel[]][] = [
  ...(
    [
      ['units', ['OrgUnit']],
      ['programmes', ['Programme']],
      ['posts', ['Person']],
      ['events', ['Event']],
    ] as const
  ).flatMap(([field, labels]): [string[], NodeLabel[]][] => [
    [['rows', 'cells', field, 'node'], [...labels]],
    [['rows', 'cells', field, 'via'], ['Theme']],
  ]),
  [['rows', 'cells', 'posts', 'unit'], ['OrgUnit']],
];

/** Where it holds the cities and the row themes. */
const CITY_PATHS = [
  ['cities'],
  ['rows', 'cells', 'city'],
  ['ranking', 'city'],
  ['ranking', 'tiedWith'],
];
const THEME_PATHS = [['themes'], ['rows', 'theme'], ['ranking', 'themes']];

/**
 * Whose citations the comparison's own documents are handed to: the cells' and the evidence's,
 * and the own citations of the evidence's nodes, the cities and the themes. Relation fields below
 * a node go through the request's loaders and are not among them.
 */
const CITING = [
  ['rows', 'cells'],
  ...EVIDENCE.map((field) => ['rows', 'cells', field]),
  ...NODE_PATHS.map(([path]) => path),
  ...CITY_PATHS,
  ...THEME_PATHS,
];

/**
 * What `compareCities` reads of the entities it returns, by the planner's rules: for each kind
 * the properties its selection reads, or null when a field there needs all of them. A node
 * standing in several places (a unit as evidence and as a post's unit) gets the union.
 */
export interface ComparisonProjection {
  /** The evidence's nodes: units, programmes, people, events, a post's unit, their themes. */
  nodes: readonly string[] | null;
  /** The columns' cities, with their names, which the ranking's tie-break reads. */
  cities: readonly string[] | null;
  /** The rows' themes, with their English labels, which the default row order reads. */
  themes: readonly string[] | null;
  /** The cited documents, or false when no `sources { document }` is asked for. */
  documents: readonly string[] | null | false;
}

export function comparisonProjection(info: GraphQLResolveInfo): ComparisonProjection {
  const of = (paths: string[][], label: NodeLabel) => paths.map((path) => [path, [label]] as const);
  return {
    nodes: selectedPropsAt(info, NODE_PATHS),
    cities: selectedPropsAt(info, of(CITY_PATHS, 'City'), ['id', 'name']),
    themes: selectedPropsAt(info, of(THEME_PATHS, 'Theme'), ['id', 'labelEn']),
    documents: citedDocumentProps(info, CITING),
  };
}

/** Every property of every entity, and no documents (exports, which read no selection). */
export const READ_ALL: ComparisonProjection = {
  nodes: null,
  cities: null,
  themes: null,
  documents: false,
};
