import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { NODE_TYPES, RELATION_TYPES, type NodeSpec, type RelationSpec } from '../model/model';
import { validateSeedDir } from './validate';

/*
 * seeds/COVERAGE.md names, per source text, where each stated policy fact is in the graph. Every
 * entity id, relation id (`from~TYPE~to`) and field (`id.field`) it names in backticks must
 * exist in the seeds, so a renamed or removed fact shows up here rather than silently leaving
 * the record wrong.
 */

const { seed } = loadConfig({});
const coverage = fs.readFileSync(path.join(seed.seedDir, 'COVERAGE.md'), 'utf8');
const { graph } = validateSeedDir(seed.seedDir, seed.documentsDir);

/** Backticked references that look like ids: lowercase words with hyphens or a relation id. */
function references(text: string): string[] {
  const tokens = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] as string);
  return [
    ...new Set(
      tokens.filter(
        (t) =>
          /^[a-z][a-z0-9-]*(~[A-Z_]+~[a-z][a-z0-9-]*)?(\.[a-zA-Z]+)?$/.test(t) &&
          (t.includes('-') || t.includes('~')),
      ),
    ),
  ];
}

describe('seeds/COVERAGE.md', () => {
  it('has a section for every source text', () => {
    const documents = graph.nodes
      .filter((n) => n.type === 'SourceDocument' && String(n.fields.file).endsWith('.txt'))
      .map((n) => n.id)
      .sort();
    const sections = [...coverage.matchAll(/^## (\S+)$/gm)].map((m) => m[1]).sort();
    expect(sections).toEqual(documents);
  });

  it('names only ids, relation ids and fields the seeds hold', () => {
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const relations = new Map(graph.relations.map((r) => [r.id, r]));
    const unknown: string[] = [];
    const refs = references(coverage);
    for (const ref of refs) {
      const [id, field] = ref.split('.') as [string, string | undefined];
      const node = nodes.get(id);
      const relation = relations.get(id);
      if (!node && !relation) {
        // Documents of the source catalogue (`bochum-leben-im-alter-2020.txt`) are files, not ids.
        if (!ref.endsWith('.txt')) unknown.push(ref);
        continue;
      }
      if (field === undefined || field === 'txt') continue;
      const specs = node
        ? (NODE_TYPES[node.type] as NodeSpec).fields
        : (RELATION_TYPES[relation!.type] as RelationSpec).fields;
      if (!(field in specs)) unknown.push(`${ref} (no field ${field})`);
    }
    expect(unknown).toEqual([]);
    expect(refs.length).toBeGreaterThan(100);
  });
});
