import path from 'node:path';
import { isRelationType, RELATION_TYPES, type RelationSpec } from '../model/model';
import { DocumentTexts, PROJECT_DOCUMENTS } from './documents';
import { readNode, readRelation, type Report } from './entries';
import { SeedChecker } from './checker';
import { SeedFiles, ALL_SECTIONS, type FileEntry, type RawSeedFile } from './load';
import type { Section } from './ndjson';
import {
  ACYCLIC,
  belongsToProblem,
  checkEndpoints as checkEndpointTypes,
  checkQuotes as checkQuotesOf,
  firstDefinedAt,
  isProvidedUnit,
  reportCycles,
  UniqueKeys,
  type QuoteTexts,
} from './rules';
import { SeedIndex } from './seed-index';
import type { Location, SeedGraph, SeedNode, SeedProblem, SeedRelation } from './types';

export { ID_PATTERN, readNode, readRelation, relationIdOf, type Report } from './entries';
export type { QuoteTexts } from './rules';

export interface ValidationResult {
  graph: SeedGraph;
  problems: SeedProblem[];
}

/** One checked entry of pass 2. */
export type SeedEntry =
  { node: SeedNode; relation?: never } | { relation: SeedRelation; node?: never };
const ignore: Report = () => undefined;

/** Only relationships of a kind with a validity rule can attest a node (pass 1 reads no other). */
function datable(value: unknown): boolean {
  const type = (value as { type?: unknown } | null)?.type;
  return !isRelationType(type) || (RELATION_TYPES[type] as RelationSpec).validity !== undefined;
}

/** Seed files that can be read more than once: a directory's, or entries held in memory. */
export interface SeedSource {
  readonly paths: readonly string[];
  entries(sections?: ReadonlySet<Section>): Iterable<FileEntry>;
}

/** Seed files already in memory (a test's, or a write's entries). */
class MemoryFiles implements SeedSource {
  readonly paths: string[];

  constructor(private readonly files: RawSeedFile[]) {
    this.paths = files.map((f) => f.file);
  }

  *entries(sections: ReadonlySet<Section> = ALL_SECTIONS): Generator<FileEntry> {
    for (const info of this.files) {
      for (const entry of info.entries) if (sections.has(entry.section)) yield { info, entry };
    }
  }
}

/**
 * A seed directory (YAML and NDJSON files alike) read in passes, so that memory does not grow
 * with the seed set: `index()` reads everything once into a compact index; `entries()` reads the
 * files again and yields each entry checked against every rule, one at a time; `finish()` adds
 * the rules over all relations. The problems of all passes collect in
 * `problems`; the importer writes each yielded entry while the rest is still being read.
 */
export class SeedScan {
  private built?: { index: SeedIndex; checker: SeedChecker };

  constructor(
    readonly files: SeedSource,
    readonly documents: DocumentTexts,
    readonly problems: SeedProblem[] = [],
  ) {}

  /** The seed files of a directory; quotes are checked against `documentsDir`. */
  static ofDir(seedDir: string, documentsDir: string): SeedScan {
    const problems: SeedProblem[] = [];
    return new SeedScan(
      new SeedFiles(seedDir, problems),
      new DocumentTexts(documentsDir, path.join(seedDir, PROJECT_DOCUMENTS)),
      problems,
    );
  }

  /** Pass 1: ids, labels, names, documents and attestations of every entity. */
  index(): SeedIndex {
    if (!this.built) {
      const index = new SeedIndex();
      for (const { info, entry } of this.files.entries(ALL_SECTIONS)) {
        if (entry.section === 'entities') {
          const node = readNode(info, entry, ignore);
          if (node) index.addNode(node, entry.index);
        } else if (datable(entry.value)) {
          const rel = readRelation(info, entry, ignore);
          if (rel) index.addRelation(rel);
        }
      }
      this.built = { index, checker: new SeedChecker(index, this.documents, this.problems) };
    }
    return this.built.index;
  }

  get checker(): SeedChecker {
    this.index();
    return this.built!.checker;
  }

  /**
   * Pass 2: every entity and relation in file order, each checked against every rule (external
   * entities included; see `SeedNode.external`).
   */
  *entries(): Generator<SeedEntry> {
    const checker = this.checker;
    const report = this.reporter();
    for (const { info, entry } of this.files.entries(ALL_SECTIONS)) {
      if (entry.section === 'entities') {
        const node = readNode(info, entry, report);
        if (!node) continue;
        checker.checkNode(node, entry.index);
        yield { node };
      } else {
        const relation = readRelation(info, entry, report);
        if (!relation) continue;
        checker.checkRelation(relation, entry.index);
        yield { relation };
      }
    }
  }

  /** The rules over all relations of a kind, once both passes are through. */
  finish(): void {
    this.checker.finish();
  }

  private reporter(): Report {
    return (at, message) =>
      this.problems.push({ file: at.file, line: at.line, entry: at.entry, message });
  }
}

/**
 * Loads and validates every seed file in `seedDir` and returns the whole graph in memory (for the
 * project's seeds and tests; the importer streams instead). Quotes are checked against
 * `documentsDir`.
 */
export function validateSeedDir(seedDir: string, documentsDir: string): ValidationResult {
  return validateScan(SeedScan.ofDir(seedDir, documentsDir));
}

/** Validates seed files already in memory, by the same passes and rules as a directory. */
export function validateSeedFiles(
  files: RawSeedFile[],
  documents: DocumentTexts,
  problems: SeedProblem[] = [],
): ValidationResult {
  return validateScan(new SeedScan(new MemoryFiles(files), documents, problems));
}

function validateScan(scan: SeedScan): ValidationResult {
  const graph: SeedGraph = { nodes: [], relations: [], externals: [] };
  for (const { node, relation } of scan.entries()) {
    if (relation) graph.relations.push(relation);
    else (node.external ? graph.externals : graph.nodes).push(node);
  }
  scan.finish();
  return { graph, problems: scan.problems };
}

/*
 * The rules of rules.ts over elements held in memory: what curation checks a write with, against
 * the part of the graph it meets (src/modules/curation/write-checker.ts). Same rules, same
 * messages as the seed checker.
 */

/** Maps ids to their first definition and reports every later one. */
export function indexById<T extends { id: string; at: Location }>(
  items: T[],
  report: Report,
  message: (id: string) => string,
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (first) report(item.at, firstDefinedAt(message(item.id), first.at));
    else byId.set(item.id, item);
  }
  return byId;
}

export function checkUniqueFields(nodes: SeedNode[], report: Report): void {
  const keys = new UniqueKeys();
  for (const node of nodes) keys.check(node, report);
}

export function checkEndpoints(
  rel: SeedRelation,
  byId: Map<string, SeedNode>,
  report: Report,
): void {
  checkEndpointTypes(rel, (id) => byId.get(id)?.type, report);
}

/** The quotes of one fact against documents in `byId` (see rules.ts checkQuotes). */
export function checkQuotes(
  item: SeedNode | SeedRelation,
  byId: Map<string, SeedNode>,
  documents: QuoteTexts,
  report: Report,
  verifiable: (source: SeedNode) => boolean = () => true,
): void {
  const documentOf = (doc: string) => {
    const source = byId.get(doc);
    return source?.type === 'SourceDocument' ? { file: String(source.fields.file) } : undefined;
  };
  checkQuotesOf(item, documentOf, documents, report, (doc) => verifiable(byId.get(doc)!));
}

/** Each unit's one city (see rules.ts belongsToProblem), over the relations given. */
export function checkBelongsTo(nodes: SeedNode[], relations: SeedRelation[], report: Report): void {
  const count = new Map<string, number>();
  const operated = new Set<string>();
  for (const rel of relations) {
    if (rel.type === 'BELONGS_TO') count.set(rel.from, (count.get(rel.from) ?? 0) + 1);
    if (rel.type === 'OPERATES') operated.add(rel.to);
  }
  for (const node of nodes) {
    if (node.type !== 'OrgUnit') continue;
    const problem = belongsToProblem(
      count.get(node.id) ?? 0,
      isProvidedUnit(node),
      operated.has(node.id),
    );
    if (problem) report(node.at, problem);
  }
}

/** No chain of an acyclic type loops back (see rules.ts reportCycles), over the relations given. */
export function checkAcyclic(relations: SeedRelation[], report: Report): void {
  for (const type of ACYCLIC) {
    const edges = relations.filter((rel) => rel.type === type);
    const numbers = new Map<string, number>();
    const ids: string[] = [];
    const numberOf = (id: string) => {
      let n = numbers.get(id);
      if (n === undefined) {
        n = ids.length;
        numbers.set(id, n);
        ids.push(id);
      }
      return n;
    };
    const from = edges.map((rel) => numberOf(rel.from));
    const to = edges.map((rel) => numberOf(rel.to));
    reportCycles(
      type,
      ids.length,
      { from, to },
      (n) => ids[n]!,
      (e) => edges[e]!.at,
      report,
    );
  }
}
