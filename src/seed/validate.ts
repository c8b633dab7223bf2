import path from 'node:path';
import { isRelationType, RELATION_TYPES, type RelationSpec } from '../model/model';
import { DocumentTexts, PROJECT_DOCUMENTS } from './documents';
import { readNode, readRelation, type Report } from './entries';
import { SeedChecker } from './checker';
import { SeedFiles, ALL_SECTIONS } from './load';
import { SeedIndex } from './seed-index';
import type { SeedGraph, SeedNode, SeedProblem, SeedRelation } from './types';

export { ID_PATTERN } from './entries';

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

/**
 * A seed directory (YAML and NDJSON files alike) read in passes, so that memory does not grow
 * with the seed set: `index()` reads everything once into a compact index; `entries()` reads the
 * files again and yields each entry checked against every rule, one at a time; `finish()` adds
 * the rules over all relations. The problems of all passes collect in
 * `problems`; the importer writes each yielded entry while the rest is still being read.
 */
export class SeedScan {
  readonly problems: SeedProblem[] = [];
  readonly files: SeedFiles;
  readonly documents: DocumentTexts;
  private built?: { index: SeedIndex; checker: SeedChecker };

  constructor(
    readonly seedDir: string,
    documentsDir: string,
  ) {
    this.files = new SeedFiles(seedDir, this.problems);
    this.documents = new DocumentTexts(documentsDir, path.join(seedDir, PROJECT_DOCUMENTS));
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
  const scan = new SeedScan(seedDir, documentsDir);
  const graph: SeedGraph = { nodes: [], relations: [], externals: [] };
  for (const { node, relation } of scan.entries()) {
    if (relation) graph.relations.push(relation);
    else (node.external ? graph.externals : graph.nodes).push(node);
  }
  scan.finish();
  return { graph, problems: scan.problems };
}
