import path from 'node:path';
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

const ENTITIES = new Set(['entities'] as const);
const RELATIONS = new Set(['relations'] as const);
const ignore: Report = () => undefined;

/**
 * A seed directory (YAML and NDJSON files alike) read in passes, so that memory does not grow
 * with the seed set: `index()` reads everything once into a compact index; `entities()` and then
 * `relations()` read the files again and yield each entry checked against every rule, one at a
 * time; `finish()` adds the rules over all relations. The problems of all passes collect in
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
        } else {
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

  /** Pass 2a: every entity, checked (external ones included; see `SeedNode.external`). */
  *entities(): Generator<SeedNode> {
    const checker = this.checker;
    const report = this.reporter();
    for (const { info, entry } of this.files.entries(ENTITIES)) {
      const node = readNode(info, entry, report);
      if (!node) continue;
      checker.checkNode(node, entry.index);
      yield node;
    }
  }

  /** Pass 2b: every relation, checked. */
  *relations(): Generator<SeedRelation> {
    const checker = this.checker;
    const report = this.reporter();
    for (const { info, entry } of this.files.entries(RELATIONS)) {
      const rel = readRelation(info, entry, report);
      if (!rel) continue;
      checker.checkRelation(rel);
      yield rel;
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
  for (const node of scan.entities()) (node.external ? graph.externals : graph.nodes).push(node);
  for (const rel of scan.relations()) graph.relations.push(rel);
  scan.finish();
  return { graph, problems: scan.problems };
}
