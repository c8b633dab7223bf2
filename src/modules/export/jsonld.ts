import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../config';
import {
  NODE_TYPES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  type RelationSpec,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import type { ExportNode, ExportRelation } from './export.repository';
import { basisOf } from '../basis/basis';

/**
 * The graph as JSON-LD, in the compacted form of the project's context (`schema/context.jsonld`,
 * served at /export/context.jsonld): what `jsonld.compact` would write, so a round trip through
 * a processor gives the same document back.
 *
 * - An entity is a node object `kgid:<key>` typed with its model class (`City`, …) and the
 *   classes of the W3C Organization Ontology, schema.org or SKOS it follows; its fields are
 *   terms of the context (EDTF strings typed `edtf:EDTF`, their bounds `xsd:date`).
 * - A relationship is two objects: the plain triple on its start node (`"locatedIn": …`), and a
 *   reified `rdf:Statement` (`kgrel:<TYPE>/<id>`) carrying the relationship's properties and its
 *   citations, so a fact and its provenance stay apart but linked.
 * - Every entity and statement states when it last changed (`changedAt`, xsd:dateTime) and who
 *   changed it (`changedBy`: a curator's credential id, with `changedByName`, or
 *   `import:<dataset>` for the last import of its dataset).
 * - Provenance is `sources`: a set of citations, each a `document` (the SourceDocument node) and
 *   the verbatim `quote`.
 * - Every entity and every statement states its `basis` (`kg:basis`: "STATED", "INFERRED" or
 *   "EDITORIAL"; a missing stored basis reads STATED) and, for an INFERRED one, its `reasoning`
 *   (`kg:reasoning`).
 */

export const CONTEXT_FILE = path.join(REPO_ROOT, 'schema', 'context.jsonld');

export type JsonObject = Record<string, unknown>;

/** The context document as published: `{ "@context": { … } }`. */
export function readContextDocument(): { '@context': JsonObject } {
  return JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8')) as { '@context': JsonObject };
}

/** Classes of outside vocabularies each label is aligned with (besides its own `kg:` class). */
const ALIGNED_CLASSES: Record<NodeLabel, string[]> = {
  SourceDocument: ['schema:CreativeWork'],
  State: ['schema:AdministrativeArea'],
  County: ['schema:AdministrativeArea'],
  City: ['schema:City', 'org:Organization'],
  District: ['schema:Place'],
  Venue: ['schema:Place'],
  OrgUnit: ['org:OrganizationalUnit'],
  Person: ['schema:Person', 'foaf:Person'],
  Organisation: ['org:FormalOrganization', 'schema:Organization'],
  Programme: [],
  Event: ['schema:Event'],
  Theme: ['skos:Concept'],
};

/** The context term of the direct triple each relationship type stands for (from the model). */
export const PREDICATES = Object.fromEntries(
  RELATION_TYPE_NAMES.map((type) => [type, (RELATION_TYPES[type] as RelationSpec).term]),
) as Record<RelationType, string>;

export const entityIri = (key: string) => `kgid:${encodeURIComponent(key)}`;
export const statementIri = (type: RelationType, id: string) =>
  `kgrel:${type}/${encodeURIComponent(id)}`;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function fieldTerms(fields: Record<string, FieldSpec>, props: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, spec] of Object.entries(fields)) {
    const names =
      spec.type === 'edtf' ? [name, `${name}Earliest`, `${name}Latest`] : ([name] as string[]);
    for (const n of names) if (!isEmpty(props[n])) out[n] = props[n];
  }
  return out;
}

function basisTerms(props: JsonObject): JsonObject {
  const { basis, reasoning } = basisOf(props);
  return reasoning === null ? { basis } : { basis, reasoning };
}

function changeTerms(props: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const term of ['changedAt', 'changedBy', 'changedByName']) {
    if (!isEmpty(props[term])) out[term] = props[term];
  }
  return out;
}

function citations(props: JsonObject): JsonObject {
  const ids = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  if (ids.length === 0) return {};
  return {
    sources: ids.map((doc, i) => ({ document: entityIri(doc), quote: quotes[i] ?? '' })),
  };
}

export function entityObject(node: ExportNode): JsonObject {
  const types = [node.label, ...ALIGNED_CLASSES[node.label]];
  const fields: Record<string, FieldSpec> = NODE_TYPES[node.label].fields;
  return {
    id: entityIri(node.key),
    // A single type compacts to a plain string, several to an array.
    type: types.length === 1 ? types[0] : types,
    key: node.key,
    ...fieldTerms(fields, node.props),
    ...(isEmpty(node.props.dataset) ? {} : { dataset: node.props.dataset }),
    ...changeTerms(node.props),
    ...basisTerms(node.props),
    ...citations(node.props),
  };
}

/** The triple on the start node, then the statement with the relationship's properties. */
export function relationObjects(rel: ExportRelation): [JsonObject, JsonObject] {
  const predicate = PREDICATES[rel.type];
  const fields: Record<string, FieldSpec> = RELATION_TYPES[rel.type].fields;
  return [
    { id: entityIri(rel.from), [predicate]: entityIri(rel.to) },
    {
      id: statementIri(rel.type, rel.id),
      type: 'Statement',
      subject: entityIri(rel.from),
      predicate,
      object: entityIri(rel.to),
      ...fieldTerms(fields, rel.props),
      ...(isEmpty(rel.props.dataset) ? {} : { dataset: rel.props.dataset }),
      ...changeTerms(rel.props),
      ...basisTerms(rel.props),
      ...citations(rel.props),
    },
  ];
}

/**
 * A document written piece by piece: the head with the inline context, then the objects of
 * `@graph` separated by commas, then the tail. The context is inlined so a file stays readable
 * offline and by any processor; it is the same one served at /export/context.jsonld.
 */
export function documentHead(context: JsonObject): string {
  return `{"@context":${JSON.stringify(context)},"@graph":[\n`;
}

export const DOCUMENT_TAIL = '\n]}\n';

export function graphItem(object: JsonObject, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(object)}`;
}
