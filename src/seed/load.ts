import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { SeedProblem } from './types';

/** One entry of a seed file as written, with the line it starts on. */
export interface RawEntry {
  section: 'entities' | 'relations';
  index: number;
  line: number;
  value: unknown;
}

export interface RawSeedFile {
  file: string;
  /** Default source document for bare-string quotes. */
  document?: string;
  /** Default basis of the file's facts (e.g. EDITORIAL for the theme taxonomy). */
  basis?: string;
  entries: RawEntry[];
}

const TOP_LEVEL_KEYS = new Set(['document', 'basis', 'entities', 'relations']);

function seedFilePaths(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The seed files of a directory with their text, in name order. */
export function listSeedFiles(dir: string): { name: string; text: string }[] {
  return seedFilePaths(dir).map((full) => ({
    name: path.basename(full),
    text: fs.readFileSync(full, 'utf8'),
  }));
}

/** Reads and parses the YAML of every seed file; syntax errors become problems with lines. */
export function loadSeedFiles(dir: string, problems: SeedProblem[]): RawSeedFile[] {
  const files = seedFilePaths(dir);
  if (files.length === 0) {
    problems.push({ file: dir, message: 'no seed files (*.yaml) found' });
  }
  return files.map((full) => loadSeedFile(full, path.relative(process.cwd(), full), problems));
}

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
