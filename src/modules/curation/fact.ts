import { modelLabel, plain } from '../entity/entity.record';
import {
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import type { Basis, Citation, Location, SeedNode, SeedRelation } from '../../seed/types';

/**
 * One fact as curation sees it: an entity or a relationship with its model fields, its
 * citations, its basis and its version — what a change records before and after, and what the
 * seed validator's functions check (as a SeedNode or SeedRelation).
 */
export type FactKind = 'ENTITY' | 'RELATION';

/** The dataset every curated element belongs to; a seed import leaves it alone. */
export const CURATED_DATASET = 'curated';

export interface FactState {
  kind: FactKind;
  /** The label of an entity or the type of a relationship. */
  type: string;
  /** The entity's key or the relationship's id. */
  key: string;
  /** A relationship's ends (keys). */
  from?: string;
  to?: string;
  /** The model fields, as stored (EDTF as strings). */
  fields: Record<string, unknown>;
  cite: { doc: string; quote: string }[];
  basis: Basis;
  reasoning?: string;
  /** 1 for an element as imported or created; each applied change adds one. */
  version: number;
  dataset: string | null;
}

/** The model fields of a label or relationship type. */
export function fieldSpecs(kind: FactKind, type: string): Record<string, FieldSpec> {
  return kind === 'ENTITY'
    ? (NODE_TYPES[type as NodeLabel].fields as Record<string, FieldSpec>)
    : (RELATION_TYPES[type as RelationType].fields as Record<string, FieldSpec>);
}

function common(props: Record<string, unknown>) {
  const ids = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  const basis = (
    ['INFERRED', 'EDITORIAL'].includes(String(props.basis)) ? props.basis : 'STATED'
  ) as Basis;
  return {
    cite: ids.map((doc, i) => ({ doc, quote: quotes[i] ?? '' })),
    basis,
    ...(basis === 'INFERRED' && typeof props.reasoning === 'string'
      ? { reasoning: props.reasoning }
      : {}),
    version: typeof props.version === 'number' ? props.version : 1,
    dataset: typeof props.dataset === 'string' ? props.dataset : null,
  };
}

function pickFields(specs: Record<string, FieldSpec>, props: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(specs)) if (props[name] !== undefined) out[name] = props[name];
  return out;
}

/** A stored node (labels and properties as read) as a fact. */
export function nodeFact(
  key: string,
  labels: string[],
  stored: Record<string, unknown>,
): FactState {
  const props = plain(stored);
  const type = modelLabel(labels);
  return {
    kind: 'ENTITY',
    type,
    key,
    fields: pickFields(fieldSpecs('ENTITY', type), props),
    ...common(props),
  };
}

/** A stored relationship as a fact. */
export function relationFact(
  type: RelationType,
  from: string,
  to: string,
  stored: Record<string, unknown>,
): FactState {
  const props = plain(stored);
  return {
    kind: 'RELATION',
    type,
    key: String(props.id),
    from,
    to,
    fields: pickFields(fieldSpecs('RELATION', type), props),
    ...common(props),
  };
}

/** How a fact is named in problems and messages: "OrgUnit bochum-x", "BELONGS_TO a → b". */
export function describeFact(
  fact: Pick<FactState, 'kind' | 'type' | 'key' | 'from' | 'to'>,
): string {
  return fact.kind === 'ENTITY'
    ? `${fact.type} "${fact.key}"`
    : `${fact.type} "${fact.key}" (${fact.from} → ${fact.to})`;
}

/** Where a fact read from the graph "stands" for the validator's messages (no file, no line). */
export function graphLocation(fact: FactState): Location {
  return { file: 'the graph', line: 0, entry: describeFact(fact) };
}

/** A fact as the seed validator holds an element of the seed files. */
export function seedElement(
  fact: FactState,
  at: Location = graphLocation(fact),
): SeedNode | SeedRelation {
  const cite: Citation[] = fact.cite.map((c) => ({ ...c }));
  const grounding = { basis: fact.basis, ...(fact.reasoning ? { reasoning: fact.reasoning } : {}) };
  if (fact.kind === 'ENTITY') {
    return {
      type: fact.type as NodeLabel,
      id: fact.key,
      fields: { ...fact.fields },
      cite,
      grounding,
      at,
    };
  }
  return {
    type: fact.type as RelationType,
    id: fact.key,
    from: fact.from!,
    to: fact.to!,
    fields: { ...fact.fields },
    cite,
    grounding,
    at,
  };
}

/** The fact as an entry of a seed file (what readNode/readRelation read). */
export function seedEntry(fact: FactState): Record<string, unknown> {
  return {
    type: fact.type,
    ...(fact.kind === 'ENTITY' ? { id: fact.key } : { id: fact.key, from: fact.from, to: fact.to }),
    ...fact.fields,
    cite: fact.cite.map((c) => ({ ...c })),
    basis: fact.basis,
    ...(fact.reasoning !== undefined ? { reasoning: fact.reasoning } : {}),
  };
}

/** What a change records of a fact: its fields, citations and basis (JSON-safe). */
export interface FactSnapshot {
  fields: Record<string, unknown>;
  cite: { doc: string; quote: string }[];
  basis: Basis;
  reasoning?: string;
}

export function snapshotOf(fact: FactState): FactSnapshot {
  return {
    fields: { ...fact.fields },
    cite: fact.cite.map((c) => ({ ...c })),
    basis: fact.basis,
    ...(fact.reasoning !== undefined ? { reasoning: fact.reasoning } : {}),
  };
}

/** The fields (and "sources", "basis", "reasoning") in which two snapshots differ. */
export function changedFields(before: FactSnapshot | null, after: FactSnapshot | null): string[] {
  const none: Partial<FactSnapshot> & { fields: Record<string, unknown> } = { fields: {} };
  const a: Partial<FactSnapshot> & { fields: Record<string, unknown> } = before ?? none;
  const b: Partial<FactSnapshot> & { fields: Record<string, unknown> } = after ?? none;
  const names = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].filter(
    (name) => JSON.stringify(a.fields[name]) !== JSON.stringify(b.fields[name]),
  );
  if (JSON.stringify(a.cite ?? []) !== JSON.stringify(b.cite ?? [])) names.push('sources');
  if (a.basis !== b.basis) names.push('basis');
  if (a.reasoning !== b.reasoning) names.push('reasoning');
  return names;
}
