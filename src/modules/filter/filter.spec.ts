import {
  NODE_LABELS,
  NODE_TYPES,
  type NodeLabel,
  type NodeSpec,
  type RelationType,
} from '../../model/model';
import { RELATION_FIELDS } from '../../model/relations';

/**
 * What a `where` filter can reach from each label: its scalar fields (from the model) and its
 * relations, made from the relationship table, so a filter has the name and the meaning of the
 * output field of the same relation. Relation filters nest to any depth.
 */
export interface RelationFilterSpec {
  name: string;
  types: readonly RelationType[];
  direction: 'OUT' | 'IN';
  /** Labels at the other end; with several, conditions are given per label. */
  targets: readonly NodeLabel[];
  /** True when conditions are given per label (`{ OrgUnit: {…}, Person: {…} }`). */
  perLabel: boolean;
  /** One or more steps of the same type (a city's Land: directly or through its Kreis). */
  repeat?: { min: number; max: number };
  description: string;
  /** Set on the names of earlier releases, kept for one release. */
  deprecationReason?: string;
}

export type ScalarKind = 'string' | 'date' | 'number' | 'boolean';

export interface ScalarFilterSpec {
  name: string;
  kind: ScalarKind;
  /** A list property (altNames, altLabels): it matches when any item matches. */
  list: boolean;
  description: string;
}

function relationFilters(label: NodeLabel): RelationFilterSpec[] {
  const out: RelationFilterSpec[] = [];
  for (const field of RELATION_FIELDS) {
    if (field.on !== label) continue;
    out.push({
      name: field.name,
      types: [field.type],
      direction: field.direction,
      targets: field.to,
      perLabel: field.to.length > 1,
      ...(field.repeat ? { repeat: field.repeat } : {}),
      description: field.doc,
    });
    for (const former of field.formerFilters ?? []) {
      out.push({
        name: former.name,
        types: [field.type],
        direction: field.direction,
        targets: [former.to],
        perLabel: false,
        description: `The ${former.to} items of \`${field.name}\`.`,
        deprecationReason: `Use \`${field.name}\`${field.to.length > 1 ? ` with \`{ ${former.to}: { … } }\`` : ''}; this name goes in the next release.`,
      });
    }
  }
  return out;
}

export const RELATION_FILTERS = Object.fromEntries(
  NODE_LABELS.map((label) => [label, relationFilters(label)]),
) as Record<NodeLabel, RelationFilterSpec[]>;

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
    description: 'PROPOSED, APPLIED, PLANNED, DECIDED, IN_PREPARATION, ACTIVE or COMPLETED.',
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
