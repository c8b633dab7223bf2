import type { AsOfView } from '../time/as-of';
import { NODE_LABELS, type NodeLabel } from '../../model/model';

/** A node as the repository reads it: its readable key, its model label and its properties. */
export interface EntityRecord {
  key: string;
  label: NodeLabel;
  props: Record<string, unknown>;
  /** The as-of view it was read under; relation fields of its object inherit it. */
  view?: AsOfView | null;
}

/** A relationship read from one side: its properties and the node at the other end. */
export interface RelatedRecord {
  rel: Record<string, unknown>;
  node: EntityRecord;
}

export function modelLabel(labels: string[]): NodeLabel {
  const label = NODE_LABELS.find((l) => labels.includes(l));
  if (!label) throw new Error(`node with labels ${labels.join(':')} has no model label`);
  return label;
}

/** Neo4j temporal values become ISO strings; everything else passes as is. */
export function plain(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v) && 'year' in v ? String(v) : v;
  }
  return out;
}
