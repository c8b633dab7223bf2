import neo4j from 'neo4j-driver';
import {
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeSpec,
  type RelationSpec,
  type ValidityRule,
} from '../model/model';
import { parseEdtf } from '../edtf/edtf';
import { attestations, validityOf, validityToStore } from '../edtf/validity';
import { normaliseWhitespace } from './documents';
import type { SeedNode, SeedRelation } from './types';

type Props = Record<string, unknown>;

function toDate(iso: string | null): unknown {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/**
 * Stored form of a field. An EDTF field `f` keeps its string and gains native dates for
 * filtering: `fEarliest`/`fLatest` (outer bounds), `fStartLatest`/`fEndEarliest` (inner bounds
 * of intervals) and `fOpenEnd` when the source says it is ongoing.
 */
function storeFields(fields: Record<string, unknown>, specs: Record<string, FieldSpec>): Props {
  const out: Props = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = value;
    if (specs[name]?.type !== 'edtf' || typeof value !== 'string') continue;
    const bounds = parseEdtf(value);
    out[`${name}Earliest`] = toDate(bounds.earliest);
    out[`${name}Latest`] = toDate(bounds.latest);
    out[`${name}StartLatest`] = toDate(bounds.startLatest);
    out[`${name}EndEarliest`] = toDate(bounds.endEarliest);
    if (bounds.openEnd) out[`${name}OpenEnd`] = true;
  }
  for (const key of Object.keys(out)) if (out[key] === null) delete out[key];
  return out;
}

/**
 * Provenance sits on the element itself as two parallel lists, so nodes and relationships cite
 * alike and source documents do not become hubs that every path runs through.
 */
function provenance(item: SeedNode | SeedRelation, dataset: string): Props {
  return {
    sourceIds: item.cite.map((c) => c.doc),
    quotes: item.cite.map((c) => normaliseWhitespace(c.quote)),
    basis: item.grounding.basis,
    ...(item.grounding.reasoning ? { reasoning: item.grounding.reasoning } : {}),
    dataset,
    seedFile: item.at.file,
  };
}

/** The four validity bounds as native dates (see src/edtf/validity.ts for the semantics). */
function validity(
  rule: ValidityRule | undefined,
  fields: Record<string, unknown>,
  shownOn: string | null = null,
): Props {
  const stored = validityToStore(validityOf(rule, fields, shownOn));
  return Object.fromEntries(Object.entries(stored).map(([name, day]) => [name, toDate(day)]));
}

/** `shownOn`: the first day a dated relationship shows the node to exist (attestations). */
export function nodeProperties(
  node: SeedNode,
  dataset: string,
  shownOn: string | null = null,
): Props {
  const spec: NodeSpec = NODE_TYPES[node.type];
  return {
    ...storeFields(node.fields, spec.fields),
    ...validity(spec.validity, node.fields, shownOn),
    id: node.id,
    ...provenance(node, dataset),
  };
}

export function relationProperties(rel: SeedRelation, dataset: string): Props {
  const spec: RelationSpec = RELATION_TYPES[rel.type];
  return {
    ...storeFields(rel.fields, spec.fields),
    ...validity(spec.validity, rel.fields),
    id: rel.id,
    ...provenance(rel, dataset),
  };
}

/** The first day each node is shown to exist by a dated relationship of the seeds. */
export function seedAttestations(relations: SeedRelation[]): Map<string, string> {
  return attestations(
    relations.map((r) => ({
      rule: (RELATION_TYPES[r.type] as RelationSpec).validity,
      fields: r.fields,
      from: r.from,
      to: r.to,
    })),
  );
}
