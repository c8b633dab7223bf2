import {
  NODE_LABELS,
  RELATION_TYPE_NAMES,
  type NodeLabel,
  type RelationType,
} from '../../model/model';

/**
 * The CSV files of an export, named for readers rather than for Neo4j: entity files take the
 * plural of their label in kebab case (`cities.csv`, `org-units.csv`, `people.csv`),
 * relationship files their type in kebab case (`participates-in.csv`). No plural of a label
 * equals a relationship's name, so one flat namespace holds both.
 */
export type CsvFile =
  | { kind: 'entity'; name: string; label: NodeLabel }
  | { kind: 'relationship'; name: string; type: RelationType };

const PLURALS: Record<NodeLabel, string> = {
  SourceDocument: 'source-documents',
  State: 'states',
  County: 'counties',
  City: 'cities',
  District: 'districts',
  Venue: 'venues',
  OrgUnit: 'org-units',
  Person: 'people',
  Organisation: 'organisations',
  Programme: 'programmes',
  Event: 'events',
  Theme: 'themes',
};

export function entityFileName(label: NodeLabel): string {
  return `${PLURALS[label]}.csv`;
}

export function relationFileName(type: RelationType): string {
  return `${type.toLowerCase().replace(/_/g, '-')}.csv`;
}

/** Every file in the order an export writes them: entities in model order, then relationships. */
export const CSV_FILES: readonly CsvFile[] = [
  ...NODE_LABELS.map((label): CsvFile => ({ kind: 'entity', name: entityFileName(label), label })),
  ...RELATION_TYPE_NAMES.map((type): CsvFile => ({
    kind: 'relationship',
    name: relationFileName(type),
    type,
  })),
];

const BY_NAME = new Map(CSV_FILES.map((f) => [f.name, f]));

export function csvFileByName(name: string): CsvFile | undefined {
  return BY_NAME.get(name);
}
