import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { RawEntry, SeedFileInfo } from './entries';
import { ndjsonEntries, type Section } from './ndjson';
import type { SeedProblem } from './types';

export type { RawEntry, SeedFileInfo } from './entries';

/** A YAML seed file, parsed whole: its defaults and its entries. */
export interface RawSeedFile extends SeedFileInfo {
  entries: RawEntry[];
}

const TOP_LEVEL_KEYS = new Set(['document', 'basis', 'entities', 'relations']);
const SEED_FILE = /\.(ya?ml|ndjson)$/;
const YAML_FILE = /\.ya?ml$/;

/** The seed files of a directory (YAML and NDJSON), in name order. */
export function seedFilePaths(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => SEED_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** One entry and the file it stands in. */
export interface FileEntry {
  info: SeedFileInfo;
  entry: RawEntry;
}

/**
 * The seed files of a directory, readable in several passes. YAML files are parsed whole, once
 * (they are written by hand and small); NDJSON files are streamed line by line on every pass.
 * Problems of a file's form (syntax) are reported once, to `problems`.
 */
export class SeedFiles {
  readonly paths: string[];
  private readonly yaml = new Map<string, RawSeedFile>();
  private readonly reported = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly problems: SeedProblem[],
  ) {
    this.paths = seedFilePaths(dir);
    if (this.paths.length === 0) {
      problems.push({ file: dir, message: 'no seed files (*.yaml, *.ndjson) found' });
    }
  }

  /** Every entry of the sections asked for, file by file in name order. */
  *entries(sections: ReadonlySet<Section> = ALL_SECTIONS): Generator<FileEntry> {
    for (const full of this.paths) {
      const file = path.relative(process.cwd(), full);
      if (YAML_FILE.test(full)) {
        let parsed = this.yaml.get(full);
        if (!parsed) {
          parsed = loadSeedFile(full, file, this.problems);
          this.yaml.set(full, parsed);
        }
        for (const entry of parsed.entries) {
          if (sections.has(entry.section)) yield { info: parsed, entry };
        }
      } else {
        // The first pass that reads every line reports the file's problems; later ones skip.
        const report = sections.size === 2 && !this.reported.has(full);
        if (report) this.reported.add(full);
        const info: SeedFileInfo = { file };
        for (const entry of ndjsonEntries(full, info, sections, report ? this.problems : undefined))
          yield { info, entry };
      }
    }
  }
}

export const ALL_SECTIONS: ReadonlySet<Section> = new Set(['entities', 'relations']);

export function loadSeedFile(full: string, file: string, problems: SeedProblem[]): RawSeedFile {
  const lineCounter = new LineCounter();
  const text = fs.readFileSync(full, 'utf8');
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;

  const result: RawSeedFile = { file, entries: [] };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      problems.push({ file, line, message: `YAML: ${error.message.split('\n')[0]}` });
    }
    return result;
  }
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    problems.push({
      file,
      line: 1,
      message: 'a seed file is a mapping with entities and relations',
    });
    return result;
  }
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!TOP_LEVEL_KEYS.has(key)) {
      problems.push({
        file,
        line: lineOf(pair.key as YamlNode),
        message: `unknown top-level key "${key}" (expected document, basis, entities, relations)`,
      });
    }
  }
  const document = doc.get('document');
  if (document !== undefined) {
    if (typeof document === 'string') result.document = document;
    else problems.push({ file, line: 1, message: '"document" must be a source document id' });
  }
  const basis = doc.get('basis');
  if (basis !== undefined) {
    if (typeof basis === 'string') result.basis = basis;
    else problems.push({ file, line: 1, message: '"basis" must be STATED, INFERRED or EDITORIAL' });
  }
  for (const section of ['entities', 'relations'] as const) {
    const seq = doc.get(section, true) as YamlNode | undefined;
    if (seq === undefined || seq === null) continue;
    if (!isSeq(seq)) {
      problems.push({ file, line: lineOf(seq), message: `"${section}" must be a list` });
      continue;
    }
    seq.items.forEach((item, index) => {
      const node = item as YamlNode;
      result.entries.push({
        section,
        index,
        line: lineOf(node),
        value: node === null ? null : node.toJS(doc),
      });
    });
  }
  return result;
}
