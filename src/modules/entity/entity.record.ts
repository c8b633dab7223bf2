import type { FactView } from '../time/as-of';
import { NODE_LABELS, type NodeLabel } from '../../model/model';

/** A node as the repository reads it: its readable key, its model label and its properties. */
export interface EntityRecord {
  key: string;
  label: NodeLabel;
  props: Record<string, unknown>;
  /** The as-of view it was read under; relation fields of its object inherit it. */
  view?: FactView | null;
  /**
   * Relation fields the query planner has already read for this node, by plan key (response
   * name and arguments); their resolvers use these instead of a loader.
   */
  planned?: Map<string, RelationResult>;
  /**
   * Documents the planner read for this node's citations, by key, with only the properties the
   * selection asks for (see the planner's attachPlanned).
   */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/** The items of one relation field of one node, and their number when it was asked for. */
export interface RelationResult {
  items: RelatedRecord[];
  total: number | null;
}

/** A relationship read from one side: its properties and the node at the other end. */
export interface RelatedRecord {
  rel: Record<string, unknown>;
  node: EntityRecord;
  /** The far node's sort value in the relation's order, for cursors. */
  sortValue?: string | null;
  /** Documents the planner read for the relationship's citations (as on EntityRecord). */
  documents?: ReadonlyMap<string, EntityRecord>;
}

/** The properties that name an entity, in the order a name is taken from them. */
export const NAME_PROPERTIES = ['name', 'title', 'labelEn'] as const;

/** How an entity is named to a reader: its name, title or English label, else its key. */
export function displayName(key: string, props: Record<string, unknown>): string {
  return String(props.name ?? props.title ?? props.labelEn ?? key);
}

export function modelLabel(labels: string[]): NodeLabel {
  const label = NODE_LABELS.find((l) => labels.includes(l));
  if (!label) throw new Error(`node with labels ${labels.join(':')} has no model label`);
  return label;
}

/**
 * Neo4j temporal values become ISO strings; everything else passes as is. Nulls are left out:
 * Neo4j stores no null property, so a null comes only from a map projection of a property the
 * node does not have, and must read as missing.
 */
export function plain(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A for-in loop: Object.entries would make an array of pairs for every node and relationship.
  for (const k in props) {
    const v = props[k];
    if (v === null) continue;
    out[k] = typeof v === 'object' && !Array.isArray(v) && 'year' in v ? String(v) : v;
  }
  return out;
}
