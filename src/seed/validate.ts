import path from 'node:path';
import {
  isNodeLabel,
  isRelationType,
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type NodeSpec,
  type RelationSpec,
} from '../model/model';
import { EdtfError, parseEdtf } from '../edtf/edtf';
import { DocumentTexts, PROJECT_DOCUMENTS, quoteShapeProblem } from './documents';
import { checkSupport } from './support';
import { loadSeedFiles, type RawEntry, type RawSeedFile } from './load';
import {
  BASES,
  type Basis,
  type Citation,
  type Grounding,
  type Location,
  type SeedGraph,
  type SeedNode,
  type SeedProblem,
  type SeedRelation,
} from './types';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Relationship types whose chains must not loop back on themselves. */
const ACYCLIC: readonly string[] = ['PART_OF', 'BROADER', 'LOCATED_IN'];

export interface ValidationResult {
  graph: SeedGraph;
  problems: SeedProblem[];
}

/** Loads and validates every seed file in `seedDir`; quotes are checked against `documentsDir`. */
export function validateSeedDir(seedDir: string, documentsDir: string): ValidationResult {
  const problems: SeedProblem[] = [];
  const files = loadSeedFiles(seedDir, problems);
  return validateSeedFiles(
    files,
    new DocumentTexts(documentsDir, path.join(seedDir, PROJECT_DOCUMENTS)),
    problems,
  );
}

export function validateSeedFiles(
  files: RawSeedFile[],
  documents: DocumentTexts,
  problems: SeedProblem[] = [],
): ValidationResult {
  const nodes: SeedNode[] = [];
  const relations: SeedRelation[] = [];
  const report = (at: Location, message: string) =>
    problems.push({ file: at.file, line: at.line, entry: at.entry, message });

  for (const file of files) {
    for (const entry of file.entries) {
      if (entry.section === 'entities') {
        const node = readNode(file, entry, report);
        if (node) nodes.push(node);
      } else {
        const relation = readRelation(file, entry, report);
        if (relation) relations.push(relation);
      }
    }
  }

  const byId = indexById(nodes, report, (id) => `duplicate id "${id}"`);
  checkUniqueFields(nodes, report);
  indexById(relations, report, (id) => `duplicate relation "${id}"; give one an explicit id`);
  for (const rel of relations) checkEndpoints(rel, byId, report);

  checkCitations(nodes, relations, byId, documents, report, problems);
  checkSupport(nodes, relations, byId, report);
  checkBelongsTo(nodes, relations, report);
  checkCityKeys(nodes, report);
  checkAcyclic(relations, report);

  return { graph: { nodes, relations }, problems };
}

export type Report = (at: Location, message: string) => void;

/** Where an entry stands: file and line; elements read from the graph have no line (0). */
function where(at: Location): string {
  return at.line > 0 ? `${at.file}:${at.line}` : at.file;
}

/** Maps ids to their first definition and reports every later one. */
export function indexById<T extends { id: string; at: Location }>(
  items: T[],
  report: Report,
  message: (id: string) => string,
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (first) report(item.at, `${message(item.id)} (first defined at ${where(first.at)})`);
    else byId.set(item.id, item);
  }
  return byId;
}

function describe(file: RawSeedFile, entry: RawEntry, label: string): Location {
  return {
    file: file.file,
    line: entry.line,
    entry: `${entry.section}[${entry.index}] (${label})`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readNode(file: RawSeedFile, entry: RawEntry, report: Report): SeedNode | null {
  const value = entry.value;
  if (!isRecord(value)) {
    report(describe(file, entry, '?'), 'an entity is a mapping with type, id, fields and cite');
    return null;
  }
  const { type, id, cite, basis, reasoning, ...fields } = value;
  const at = describe(file, entry, `${String(type)} ${String(id)}`);
  if (!isNodeLabel(type)) {
    report(at, `unknown type "${String(type)}" (one of ${Object.keys(NODE_TYPES).join(', ')})`);
    return null;
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    report(at, `id must be lowercase letters, digits and hyphens (got ${JSON.stringify(id)})`);
    return null;
  }
  const spec: NodeSpec = NODE_TYPES[type];
  const checked = checkFields(fields, spec.fields, `${type}`, at, report);
  return {
    type,
    id,
    fields: checked,
    cite: readCitations(cite, file, at, report),
    grounding: readGrounding(basis, reasoning, file, at, report),
    at,
  };
}

/** The id of a relation that sets none: its ends and type. */
export function relationIdOf(from: string, type: string, to: string): string {
  return `${from}~${type}~${to}`;
}

export function readRelation(
  file: RawSeedFile,
  entry: RawEntry,
  report: Report,
): SeedRelation | null {
  const value = entry.value;
  if (!isRecord(value)) {
    report(describe(file, entry, '?'), 'a relation is a mapping with from, type, to and cite');
    return null;
  }
  const { type, from, to, id, cite, basis, reasoning, ...fields } = value;
  const at = describe(file, entry, `${String(from)} ${String(type)} ${String(to)}`);
  if (!isRelationType(type)) {
    report(
      at,
      `unknown relation type "${String(type)}" (one of ${Object.keys(RELATION_TYPES).join(', ')})`,
    );
    return null;
  }
  if (typeof from !== 'string' || typeof to !== 'string') {
    report(at, '"from" and "to" must be entity ids');
    return null;
  }
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    report(at, `id must be lowercase letters, digits and hyphens (got ${JSON.stringify(id)})`);
    return null;
  }
  const spec: RelationSpec = RELATION_TYPES[type];
  const checked = checkFields(fields, spec.fields, type, at, report);
  return {
    type,
    id: typeof id === 'string' ? id : relationIdOf(from, type, to),
    from,
    to,
    fields: checked,
    cite: readCitations(cite, file, at, report),
    grounding: readGrounding(basis, reasoning, file, at, report),
    at,
  };
}

const MAX_REASONING_LENGTH = 240;

/** The fact's basis (its own, else the file's, else STATED) and the reasoning it needs. */
function readGrounding(
  basis: unknown,
  reasoning: unknown,
  file: RawSeedFile,
  at: Location,
  report: Report,
): Grounding {
  const declared = basis ?? file.basis ?? 'STATED';
  if (!(BASES as readonly unknown[]).includes(declared)) {
    report(at, `basis must be one of ${BASES.join(', ')} (got ${JSON.stringify(declared)})`);
    return { basis: 'STATED' };
  }
  const grounding: Grounding = { basis: declared as Basis };
  if (declared === 'INFERRED') {
    if (typeof reasoning !== 'string' || reasoning.trim() === '') {
      report(at, 'an INFERRED fact needs "reasoning": one line on why the quotes support it');
    } else if (/\n/.test(reasoning.trim()) || reasoning.length > MAX_REASONING_LENGTH) {
      report(at, `"reasoning" is one line of at most ${MAX_REASONING_LENGTH} characters`);
    } else {
      grounding.reasoning = reasoning.trim();
    }
  } else if (reasoning !== undefined) {
    report(at, `"reasoning" belongs to INFERRED facts only (this one is ${declared})`);
  }
  return grounding;
}

function checkFields(
  fields: Record<string, unknown>,
  specs: Record<string, FieldSpec>,
  owner: string,
  at: Location,
  report: Report,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      report(
        at,
        `unknown field "${name}" for ${owner}${known.length ? ` (fields: ${known.join(', ')})` : ''}`,
      );
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = checkValue(name, raw, spec, at, report);
    if (value !== undefined) out[name] = value;
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (
      spec.required &&
      (fields[name] === undefined || fields[name] === null || fields[name] === '')
    ) {
      report(at, `missing required field "${name}"`);
    }
  }
  return out;
}

function checkValue(
  name: string,
  raw: unknown,
  spec: FieldSpec,
  at: Location,
  report: Report,
): unknown {
  const fail = (expected: string) => {
    report(at, `field "${name}" must be ${expected} (got ${JSON.stringify(raw)})`);
    return undefined;
  };
  switch (spec.type) {
    case 'string': {
      if (typeof raw !== 'string' || raw.trim() === '') return fail('a non-empty string');
      if (spec.pattern && !spec.pattern.test(raw)) return fail(`a string matching ${spec.pattern}`);
      return raw.trim();
    }
    case 'string[]': {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string' || v.trim() === '')) {
        return fail('a list of non-empty strings');
      }
      return raw.map((v: string) => v.trim());
    }
    case 'int':
      return Number.isInteger(raw) ? raw : fail('a whole number');
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : fail('a number');
    case 'boolean':
      return typeof raw === 'boolean' ? raw : fail('true or false');
    case 'enum':
      return typeof raw === 'string' && spec.values?.includes(raw)
        ? raw
        : fail(`one of ${spec.values?.join(', ')}`);
    case 'edtf': {
      // An unquoted year reads as a number in YAML; it is still a valid EDTF year.
      const value = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : raw;
      if (typeof value !== 'string') return fail('an EDTF date string');
      try {
        parseEdtf(value);
        return value;
      } catch (error) {
        report(
          at,
          `field "${name}": ${error instanceof EdtfError ? error.message : String(error)}`,
        );
        return undefined;
      }
    }
  }
}

function readCitations(raw: unknown, file: RawSeedFile, at: Location, report: Report): Citation[] {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    report(at, 'missing source: every entity and relation needs "cite" with at least one quote');
    return [];
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const out: Citation[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      if (!file.document) {
        report(
          at,
          `bare quote without a "document" for the file: use { doc: <source id>, quote: … }`,
        );
        continue;
      }
      out.push({ doc: file.document, quote: item });
    } else if (
      isRecord(item) &&
      typeof item.quote === 'string' &&
      (typeof item.doc === 'string' || (item.doc === undefined && file.document))
    ) {
      const extra = Object.keys(item).filter((k) => !['doc', 'quote', 'mentions'].includes(k));
      if (extra.length > 0) {
        report(
          at,
          `unknown citation field(s): ${extra.join(', ')} — if that is part of the quote, put the quote in quotes (in { … } a comma ends the value)`,
        );
      }
      const citation: Citation = {
        doc: typeof item.doc === 'string' ? item.doc : (file.document as string),
        quote: item.quote,
      };
      const mentions = readMentions(item.mentions, at, report);
      if (mentions) citation.mentions = mentions;
      out.push(citation);
    } else {
      report(
        at,
        `a citation is a quote string or { doc: <source id>, quote: <text>, mentions: { <id>: <words> } } (got ${JSON.stringify(item)})`,
      );
    }
  }
  return out;
}

export function checkUniqueFields(nodes: SeedNode[], report: Report): void {
  const seen = new Map<string, SeedNode>();
  for (const node of nodes) {
    const spec: NodeSpec = NODE_TYPES[node.type];
    for (const [name, field] of Object.entries(spec.fields)) {
      if (!field.unique || node.fields[name] === undefined) continue;
      const key = `${node.type}.${name}=${String(node.fields[name])}`;
      const first = seen.get(key);
      if (first) {
        report(
          node.at,
          `${node.type}.${name} "${String(node.fields[name])}" is also used by ${first.id}`,
        );
      } else {
        seen.set(key, node);
      }
    }
  }
}

export function checkEndpoints(
  rel: SeedRelation,
  byId: Map<string, SeedNode>,
  report: Report,
): void {
  const spec: RelationSpec = RELATION_TYPES[rel.type];
  for (const [end, id, allowed] of [
    ['from', rel.from, spec.from],
    ['to', rel.to, spec.to],
  ] as const) {
    const node = byId.get(id);
    if (!node) {
      report(rel.at, `unknown reference: "${end}" names "${id}", which no seed file defines`);
    } else if (!(allowed as readonly NodeLabel[]).includes(node.type)) {
      report(
        rel.at,
        `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${node.type} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  if (rel.from === rel.to) report(rel.at, 'a relation cannot connect an entity to itself');
}

function checkCitations(
  nodes: SeedNode[],
  relations: SeedRelation[],
  byId: Map<string, SeedNode>,
  documents: DocumentTexts,
  report: Report,
  problems: SeedProblem[],
): void {
  const haveDocuments = documents.exists();
  if (!haveDocuments) {
    problems.push({
      file: documents.dir,
      message:
        'the source documents directory does not exist, so quotes cannot be verified (set SEED_DOCUMENTS_DIR)',
    });
  }
  const unreadable = new Set<string>();
  for (const node of nodes) {
    if (node.type !== 'SourceDocument' || !haveDocuments) continue;
    const file = String(node.fields.file ?? '');
    if (file && documents.text(file) === null) {
      unreadable.add(node.id);
      report(node.at, `document file "${file}" not found in ${documents.dir}`);
    }
  }
  for (const item of [...nodes, ...relations]) {
    checkQuotes(
      item,
      byId,
      documents,
      report,
      (source) => haveDocuments && !unreadable.has(source.id),
    );
  }
}

/** The texts quotes are checked against (the seed documents, or texts kept in the graph). */
export type QuoteTexts = Pick<DocumentTexts, 'contains'>;

/**
 * The quotes of one fact: each cites a source document, is one sentence or less, and is verbatim
 * in the document's text. Documents whose text cannot be read (`verifiable` false) are left out
 * of the verbatim check; the caller reports why.
 */
export function checkQuotes(
  item: SeedNode | SeedRelation,
  byId: Map<string, SeedNode>,
  documents: QuoteTexts,
  report: Report,
  verifiable: (source: SeedNode) => boolean = () => true,
): void {
  for (const citation of item.cite) {
    const source = byId.get(citation.doc);
    if (!source || source.type !== 'SourceDocument') {
      report(item.at, `missing source: "${citation.doc}" is not a source document id`);
      continue;
    }
    const shape = quoteShapeProblem(citation.quote);
    if (shape) {
      report(item.at, `${shape}: "${citation.quote.slice(0, 80)}…"`);
      continue;
    }
    if (!verifiable(source)) continue;
    if (!documents.contains(String(source.fields.file), citation.quote)) {
      report(item.at, `quote not found verbatim in ${citation.doc}: "${citation.quote}"`);
    }
  }
}

/** `mentions: { <entity id>: <words> | [<words>, …] }` of a citation. */
function readMentions(
  raw: unknown,
  at: Location,
  report: Report,
): Record<string, string[]> | undefined {
  if (raw === undefined) return undefined;
  const bad = () =>
    report(at, '"mentions" maps entity ids to the words of the quote that stand for them');
  if (!isRecord(raw)) {
    bad();
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [id, words] of Object.entries(raw)) {
    const list = Array.isArray(words) ? words : [words];
    if (list.length === 0 || !list.every((w) => typeof w === 'string' && w.trim() !== '')) {
      bad();
      continue;
    }
    out[id] = list as string[];
  }
  return out;
}

/**
 * Every unit of a city's administration belongs to exactly one city: that is what makes "cities
 * where some unit …" one hop. Facilities and service points that the sources show run by others
 * or by the city together with others (OPERATES) belong to no administration and may have none.
 */
export function checkBelongsTo(nodes: SeedNode[], relations: SeedRelation[], report: Report): void {
  const count = new Map<string, number>();
  const operated = new Set<string>();
  for (const rel of relations) {
    if (rel.type === 'BELONGS_TO') count.set(rel.from, (count.get(rel.from) ?? 0) + 1);
    if (rel.type === 'OPERATES') operated.add(rel.to);
  }
  for (const node of nodes) {
    if (node.type !== 'OrgUnit') continue;
    const n = count.get(node.id) ?? 0;
    const provided = ['FACILITY', 'SERVICE_POINT'].includes(String(node.fields.kind));
    if (n === 0 && provided && operated.has(node.id)) continue;
    if (n !== 1)
      report(
        node.at,
        `an OrgUnit needs exactly one BELONGS_TO relation to its city (has ${n}); a facility or service point others run needs OPERATES instead`,
      );
  }
}

/**
 * A city's AGS is its identity and what places it in its Kreis and Land, so the data says either
 * the key (as a cited source states it) or, in `agsNote`, why it has none: a missing key is never
 * silent, and a guessed one never needed.
 */
function checkCityKeys(nodes: SeedNode[], report: Report): void {
  for (const node of nodes) {
    if (node.type !== 'City') continue;
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
}

export function checkAcyclic(relations: SeedRelation[], report: Report): void {
  for (const type of ACYCLIC) {
    const edges = new Map<string, SeedRelation[]>();
    for (const rel of relations) {
      if (rel.type !== type) continue;
      edges.set(rel.from, [...(edges.get(rel.from) ?? []), rel]);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        const first = edges.get(id)?.[0];
        if (first) report(first.at, `${type} forms a cycle: ${[...path, id].join(' → ')}`);
        return;
      }
      state.set(id, 'visiting');
      for (const rel of edges.get(id) ?? []) visit(rel.to, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of edges.keys()) visit(id, []);
  }
}
