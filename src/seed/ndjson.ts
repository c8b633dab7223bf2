import type { RawEntry, SeedFileInfo } from './entries';
import { readLines } from './lines';
import type { SeedProblem } from './types';

/**
 * NDJSON seed files (`*.ndjson`): the streamable twin of the YAML format, for generated and
 * large seed sets. One JSON object per line:
 *
 *   {"document": "doc-id", "basis": "STATED"}   optional, before the first entry: the file's
 *                                               defaults, as YAML's top-level keys
 *   {"entity": {"type": "City", "id": …, …}}    one entity, the same mapping as a YAML entry
 *   {"relation": {"from": …, "type": …, …}}     one relation, likewise
 *
 * Blank lines are skipped. Entries are read line by line and never held together, so a file may
 * be as large as the disk allows.
 */

export type Section = RawEntry['section'];

const KEY_OF: Record<string, Section> = { entity: 'entities', relation: 'relations' };
/** Recognises an entry line without parsing it, so a pass can skip the other section cheaply. */
const ENTRY_PREFIX = /^\s*\{\s*"(entity|relation)"\s*:/;
const HEADER_KEYS = new Set(['document', 'basis']);

/**
 * The entries of one NDJSON file in order, only those of `sections`. `info` receives the header's
 * defaults before the first entry is yielded. Problems of the file's form (bad JSON, unknown line
 * kinds) go to `problems` when given: one pass reports them, the others pass none.
 */
export function* ndjsonEntries(
  full: string,
  info: SeedFileInfo,
  sections: ReadonlySet<Section>,
  problems?: SeedProblem[],
): Generator<RawEntry> {
  const counts: Record<Section, number> = { entities: 0, relations: 0 };
  const problem = (line: number, message: string) =>
    problems?.push({ file: info.file, line, message });
  for (const { text, line } of readLines(full)) {
    if (text.trim() === '') continue;
    const prefix = ENTRY_PREFIX.exec(text);
    if (prefix && !sections.has(KEY_OF[prefix[1]!]!)) {
      counts[KEY_OF[prefix[1]!]!] += 1;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problem(line, `JSON: ${(error as Error).message}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(line, 'a line holds one JSON object');
      continue;
    }
    const keys = Object.keys(value);
    const section = keys.length === 1 ? KEY_OF[keys[0]!] : undefined;
    if (section) {
      const index = counts[section];
      counts[section] += 1;
      if (sections.has(section)) {
        yield { section, index, line, value: (value as Record<string, unknown>)[keys[0]!] };
      }
    } else if (keys.length > 0 && keys.every((k) => HEADER_KEYS.has(k))) {
      if (counts.entities + counts.relations > 0) {
        problem(line, 'the defaults line {"document": …, "basis": …} comes before the first entry');
        continue;
      }
      readHeader(value as Record<string, unknown>, info, line, problem);
    } else {
      problem(
        line,
        'a line is {"entity": {…}}, {"relation": {…}} or, before them, {"document": …, "basis": …}',
      );
    }
  }
}

function readHeader(
  header: Record<string, unknown>,
  info: SeedFileInfo,
  line: number,
  problem: (line: number, message: string) => void,
): void {
  if (header.document !== undefined) {
    if (typeof header.document === 'string') info.document = header.document;
    else problem(line, '"document" must be a source document id');
  }
  if (header.basis !== undefined) {
    if (typeof header.basis === 'string') info.basis = header.basis;
    else problem(line, '"basis" must be STATED, INFERRED or EDITORIAL');
  }
}
