import {
  NODE_TYPES,
  RELATION_TYPES,
  type NodeLabel,
  type NodeSpec,
  type RelationSpec,
} from '../model/model';
import { quoteShapeProblem, type DocumentTexts } from './documents';
import type { Report } from './entries';
import type { Location, SeedNode, SeedRelation } from './types';

/*
 * The rules over more than one entry, written once. The seed checker (checker.ts) applies them
 * entry by entry against the compact index of a whole seed set; validate.ts applies them to
 * elements held in memory (a curation write and the part of the graph it meets). Both give the
 * same messages because both call these.
 */

/** Relationship types whose chains must not loop back on themselves. */
export const ACYCLIC: readonly string[] = ['PART_OF', 'BROADER', 'LOCATED_IN'];

/** Where an entry stands: file and line; elements read from the graph have no line (0). */
export function where(at: Pick<Location, 'file' | 'line'>): string {
  return at.line > 0 ? `${at.file}:${at.line}` : at.file;
}

export function duplicateIdMessage(id: string): string {
  return `duplicate id "${id}"`;
}

export function duplicateRelationMessage(id: string): string {
  return `duplicate relation "${id}"; give one an explicit id`;
}

/** A later definition of an id, pointing at the first. */
export function firstDefinedAt(message: string, first: Pick<Location, 'file' | 'line'>): string {
  return `${message} (first defined at ${where(first)})`;
}

/** Both ends of a relation exist and carry labels its type allows; it joins two entities. */
export function checkEndpoints(
  rel: SeedRelation,
  typeOf: (id: string) => NodeLabel | undefined,
  report: Report,
): void {
  const spec: RelationSpec = RELATION_TYPES[rel.type];
  for (const [end, id, allowed] of [
    ['from', rel.from, spec.from],
    ['to', rel.to, spec.to],
  ] as const) {
    const type = typeOf(id);
    if (!type) {
      report(rel.at, `unknown reference: "${end}" names "${id}", which no seed file defines`);
    } else if (!(allowed as readonly NodeLabel[]).includes(type)) {
      report(
        rel.at,
        `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${type} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  if (rel.from === rel.to) report(rel.at, 'a relation cannot connect an entity to itself');
}

/** The texts quotes are checked against (the seed documents, or texts kept in the graph). */
export type QuoteTexts = Pick<DocumentTexts, 'contains'>;

/**
 * The quotes of one fact: each cites a source document, is one sentence or less, and is verbatim
 * in the document's text. `documentOf` answers the file of a source document id (undefined for
 * anything else); documents whose text cannot be read (`verifiable` false) are left out of the
 * verbatim check, and the caller reports why.
 */
export function checkQuotes(
  item: SeedNode | SeedRelation,
  documentOf: (doc: string) => { file: string } | undefined,
  texts: QuoteTexts,
  report: Report,
  verifiable: (doc: string, file: string) => boolean,
): void {
  for (const citation of item.cite) {
    const source = documentOf(citation.doc);
    if (!source) {
      report(item.at, `missing source: "${citation.doc}" is not a source document id`);
      continue;
    }
    const shape = quoteShapeProblem(citation.quote);
    if (shape) {
      report(item.at, `${shape}: "${citation.quote.slice(0, 80)}…"`);
      continue;
    }
    if (!verifiable(citation.doc, source.file)) continue;
    if (!texts.contains(source.file, citation.quote)) {
      report(item.at, `quote not found verbatim in ${citation.doc}: "${citation.quote}"`);
    }
  }
}

/** The unique fields (an AGS) seen so far: a second entity with the same value is reported. */
export class UniqueKeys {
  private readonly seen = new Map<string, string>();

  check(node: SeedNode, report: Report): void {
    const spec: NodeSpec = NODE_TYPES[node.type];
    for (const [name, field] of Object.entries(spec.fields)) {
      if (!field.unique || node.fields[name] === undefined) continue;
      const key = `${node.type}.${name}=${String(node.fields[name])}`;
      const first = this.seen.get(key);
      if (first !== undefined) {
        report(
          node.at,
          `${node.type}.${name} "${String(node.fields[name])}" is also used by ${first}`,
        );
      } else {
        this.seen.set(key, node.id);
      }
    }
  }
}

/**
 * A city's AGS is its identity and what places it in its Kreis and Land, so the data says either
 * the key (as a cited source states it) or, in `agsNote`, why it has none: a missing key is never
 * silent, and a guessed one never needed.
 */
export function checkCityKey(node: SeedNode, report: Report): void {
  if (node.type !== 'City' || node.external) return;
  const hasKey = node.fields.ags !== undefined;
  const hasNote = node.fields.agsNote !== undefined;
  if (hasKey && hasNote) {
    report(
      node.at,
      'a City has either "ags" or "agsNote" (why no source states its key), not both',
    );
  } else if (!hasKey && !hasNote) {
    report(
      node.at,
      'a City needs "ags" as a cited source states it, or "agsNote" saying why it has none (never a guessed key)',
    );
  }
}

/**
 * Every unit of a city's administration belongs to exactly one city: that is what makes "cities
 * where some unit …" one hop. Facilities and service points that the sources show run by others
 * or by the city together with others (OPERATES) belong to no administration and may have none.
 * `provided`: the unit is a facility or service point; `operated`: an OPERATES ends at it.
 */
export function belongsToProblem(
  count: number,
  provided: boolean,
  operated: boolean,
): string | null {
  if (count === 0 && provided && operated) return null;
  if (count === 1) return null;
  return `an OrgUnit needs exactly one BELONGS_TO relation to its city (has ${count}); a facility or service point others run needs OPERATES instead`;
}

/** True for the kinds of unit others may run instead of a city (see belongsToProblem). */
export function isProvidedUnit(node: SeedNode): boolean {
  return ['FACILITY', 'SERVICE_POINT'].includes(String(node.fields.kind));
}

/** The relations of one acyclic type as numbered edges: edge e runs from[e] → to[e]. */
export interface NumberedEdges {
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

/**
 * Reports each cycle of one relation type. Depth-first over the edges, without recursion (chains
 * may be long), from each start in the order the edges first name it; the adjacency is built
 * here, in typed arrays, so that it exists only while it is needed. A cycle is reported at the
 * first edge leaving the node that closes it, with the path that led there.
 */
export function reportCycles(
  type: string,
  nodes: number,
  edges: NumberedEdges,
  idOf: (n: number) => string,
  at: (edge: number) => Location,
  report: Report,
): void {
  const count = edges.from.length;
  const start = new Int32Array(nodes + 1);
  for (let e = 0; e < count; e += 1) start[edges.from[e]! + 1]! += 1;
  for (let n = 0; n < nodes; n += 1) start[n + 1]! += start[n]!;
  const cursor = start.slice(0, nodes);
  const out = new Int32Array(count);
  for (let e = 0; e < count; e += 1) out[cursor[edges.from[e]!]!++] = e;
  const state = new Uint8Array(nodes); // 0 unseen, 1 on the path, 2 done
  const firsts: number[] = [];
  const named = new Uint8Array(nodes);
  for (let e = 0; e < count; e += 1) {
    const from = edges.from[e]!;
    if (named[from] === 0) firsts.push(from);
    named[from] = 1;
  }
  for (const first of firsts) {
    if (state[first] === 2) continue;
    const path = [first];
    const next = [start[first]!];
    state[first] = 1;
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const i = next[next.length - 1]!;
      if (i >= start[node + 1]!) {
        state[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = edges.to[out[i]!]!;
      if (state[target] === 2) continue;
      if (state[target] === 1) {
        if (start[target + 1]! > start[target]!) {
          const cycle = [...path, target].map(idOf).join(' → ');
          report(at(out[start[target]!]!), `${type} forms a cycle: ${cycle}`);
        }
        continue;
      }
      state[target] = 1;
      path.push(target);
      next.push(start[target]!);
    }
  }
}
