import { createHash } from 'node:crypto';
import path from 'node:path';
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
import { validityOf, validityToStore } from '../edtf/validity';
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
    seedFile: storedSeedFile(item.at.file),
  };
}

/**
 * The seed file an element came from as stored: `<seed folder>/<file>` ("seeds/bochum.yaml"),
 * whatever directory the import runs in. Problems name files relative to the working directory,
 * which is what a reader of the message can open; stored that way, the path (and with it every
 * element's import hash) changed with the directory the command ran in, or with the temporary
 * folder a generated dataset was written to, so a re-import of unchanged files rewrote every
 * element in one transaction. Seed files sit directly in their folder (`seedFilePaths`).
 */
function storedSeedFile(file: string): string {
  const full = path.resolve(file);
  return `${path.basename(path.dirname(full))}/${path.basename(full)}`;
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

/** The property holding an element's content hash. */
export const IMPORT_HASH = 'importHash';

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  // Native dates and integers of the driver: their string form is exact.
  return JSON.stringify(String(value));
}

/**
 * The properties with `importHash`: a digest of what the import writes for the element — its
 * label or type, its ends and every property, in a fixed order. A re-import rewrites only
 * elements whose hash differs, so an unchanged national dataset costs reads, not writes.
 */
export function withImportHash(kind: string, props: Props, ends: readonly string[] = []): Props {
  let text = `${kind}\0${ends.join('\0')}\0`;
  for (const key of Object.keys(props).sort()) {
    if (key !== IMPORT_HASH) text += `${key}=${canonical(props[key])}\0`;
  }
  return { ...props, [IMPORT_HASH]: createHash('sha1').update(text).digest('base64') };
}
