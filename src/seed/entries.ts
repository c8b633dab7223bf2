import {
  isNodeLabel,
  isRelationType,
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeSpec,
  type RelationSpec,
} from '../model/model';
import { EdtfError, parseEdtf } from '../edtf/edtf';
import {
  BASES,
  type Basis,
  type Citation,
  type Grounding,
  type Location,
  type SeedNode,
  type SeedRelation,
} from './types';

/**
 * The rules for ONE entry of a seed file — an entity or a relation, whatever the file format
 * (a YAML list item, an NDJSON line): types, ids, fields, enums, dates, citations, basis. The
 * rules that need the whole seed set (references, duplicates, quotes, support) are in checker.ts.
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Report = (at: Location, message: string) => void;

/** What a file says for all its entries (YAML: its top-level keys; NDJSON: its header line). */
export interface SeedFileInfo {
  file: string;
  /** Default source document for bare-string quotes. */
  document?: string;
  /** Default basis of the file's facts (e.g. EDITORIAL for the theme taxonomy). */
  basis?: string;
}

/** One entry of a seed file as written, with the line it starts on. */
export interface RawEntry {
  section: 'entities' | 'relations';
  /** Position among the file's entries of its section (entities[0], relations[3]). */
  index: number;
  line: number;
  value: unknown;
}

/**
 * The official keys an external entity may be found by instead of its id (`ags` of a City,
 * County or State: the key the reference data and the seeds agree on).
 */
export const EXTERNAL_KEYS = ['ags'] as const;

/**
 * Where an entry stands. Its description is made only when a problem asks for it: a national
 * seed set has a million entries and few problems.
 */
class EntryLocation implements Location {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly section: string,
    private readonly index: number,
    private readonly parts: readonly unknown[],
  ) {}

  get entry(): string {
    return `${this.section}[${this.index}] (${this.parts.map(String).join(' ')})`;
  }
}

function describe(file: SeedFileInfo, entry: RawEntry, ...parts: unknown[]): Location {
  return new EntryLocation(file.file, entry.line, entry.section, entry.index, parts);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readNode(file: SeedFileInfo, entry: RawEntry, report: Report): SeedNode | null {
  const value = entry.value;
  if (!isRecord(value)) {
    report(describe(file, entry, '?'), 'an entity is a mapping with type, id, fields and cite');
    return null;
  }
  const { type, id, cite, basis, reasoning, external, ...fields } = value;
  const at = describe(file, entry, type, id);
  if (!isNodeLabel(type)) {
    report(at, `unknown type "${String(type)}" (one of ${Object.keys(NODE_TYPES).join(', ')})`);
    return null;
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    report(at, `id must be lowercase letters, digits and hyphens (got ${JSON.stringify(id)})`);
    return null;
  }
  const spec: NodeSpec = NODE_TYPES[type];
  if (external !== undefined) {
    return readExternal(type, id, value, spec, at, report);
  }
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

/**
 * `external: true`: an entity another dataset owns (a reference County, say) that this file's
 * relations end at. It is neither written nor cited here; the import finds it in the database by
 * its id, or by its official key (`ags`) when the entry gives one.
 */
function readExternal(
  type: SeedNode['type'],
  id: string,
  value: Record<string, unknown>,
  spec: NodeSpec,
  at: Location,
  report: Report,
): SeedNode | null {
  if (value.external !== true) {
    report(at, '"external" is true or absent');
    return null;
  }
  const keys: Record<string, FieldSpec> = {};
  for (const name of EXTERNAL_KEYS) {
    const field = (spec.fields as Record<string, FieldSpec>)[name];
    if (field) keys[name] = { ...field, required: false };
  }
  const extra = Object.keys(value).filter(
    (k) => !['type', 'id', 'external'].includes(k) && !(k in keys),
  );
  if (extra.length > 0) {
    const allowed = ['type', 'id', 'external', ...Object.keys(keys)].join(', ');
    report(
      at,
      `an external entity has only ${allowed}; its fields and sources belong to the dataset that owns it (got ${extra.join(', ')})`,
    );
  }
  const own = Object.fromEntries(Object.entries(value).filter(([k]) => k in keys));
  return {
    type,
    id,
    fields: checkFields(own, keys, type, at, report),
    cite: [],
    grounding: { basis: 'STATED' },
    at,
    external: true,
  };
}

/** The id of a relation that sets none: its ends and type. */
export function relationIdOf(from: string, type: string, to: string): string {
  return `${from}~${type}~${to}`;
}

export function readRelation(
  file: SeedFileInfo,
  entry: RawEntry,
  report: Report,
): SeedRelation | null {
  const value = entry.value;
  if (!isRecord(value)) {
    report(describe(file, entry, '?'), 'a relation is a mapping with from, type, to and cite');
    return null;
  }
  const { type, from, to, id, cite, basis, reasoning, ...fields } = value;
  const at = describe(file, entry, from, type, to);
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
  file: SeedFileInfo,
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

function readCitations(raw: unknown, file: SeedFileInfo, at: Location, report: Report): Citation[] {
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
