import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureBothWays } from '../../test/fixtures';
import { readLines } from './lines';
import { ndjsonEntries } from './ndjson';
import type { SeedFileInfo } from './entries';
import { formatProblem, type SeedGraph, type SeedProblem } from './types';
import { validateSeedDir } from './validate';

const P = 'nd';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-ndjson-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

describe('readLines', () => {
  it('splits at \\n and \\r\\n and keeps a last line without a break', () => {
    const full = file('crlf.txt', 'eins\r\nzwei\n\ndrei');
    expect([...readLines(full)]).toEqual([
      { text: 'eins', line: 1 },
      { text: 'zwei', line: 2 },
      { text: '', line: 3 },
      { text: 'drei', line: 4 },
    ]);
  });

  it('decodes a character whose bytes straddle two chunks, and lines longer than a chunk', () => {
    // The 1 MB chunk ends inside "ä" (two bytes in UTF-8).
    const first = 'a'.repeat((1 << 20) - 1) + 'ä';
    const long = 'ö'.repeat(700_000);
    const lines = [...readLines(file('big.txt', `${first}\nkurz\n${long}\n`))];
    expect(lines.map((l) => [l.text.length, l.line])).toEqual([
      [first.length, 1],
      [4, 2],
      [long.length, 3],
    ]);
    expect(lines[0]!.text.endsWith('aä')).toBe(true);
    expect(lines[2]!.text).toBe(long);
  });
});

describe('NDJSON seed files', () => {
  function read(content: string) {
    const info: SeedFileInfo = { file: 'x.ndjson' };
    const problems: SeedProblem[] = [];
    const entries = [
      ...ndjsonEntries(
        file('x.ndjson', content),
        info,
        new Set(['entities', 'relations']),
        problems,
      ),
    ];
    return { info, entries, problems: problems.map(formatProblem) };
  }

  it('reads the defaults line, entities and relations with their lines and positions', () => {
    const { info, entries, problems } = read(
      [
        '{"document": "d", "basis": "INFERRED"}',
        '',
        '{"entity": {"type": "City", "id": "a"}}',
        '{"relation": {"from": "a", "type": "LOCATED_IN", "to": "b"}}',
        '{"entity": {"type": "City", "id": "b"}}',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(info).toEqual({ file: 'x.ndjson', document: 'd', basis: 'INFERRED' });
    expect(entries).toEqual([
      { section: 'entities', index: 0, line: 3, value: { type: 'City', id: 'a' } },
      {
        section: 'relations',
        index: 0,
        line: 4,
        value: { from: 'a', type: 'LOCATED_IN', to: 'b' },
      },
      { section: 'entities', index: 1, line: 5, value: { type: 'City', id: 'b' } },
    ]);
  });

  it('reports bad JSON, unknown line kinds and late defaults with their lines', () => {
    const { entries, problems } = read(
      [
        '{"entity": {"type": "City", "id": "a"}}',
        '{"entity": {"type": ',
        '{"thing": {}}',
        '{"entity": {}, "relation": {}}',
        '[1, 2]',
        '{"document": "late"}',
      ].join('\n'),
    );
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([
      expect.stringMatching(/^x\.ndjson:2: JSON: /),
      'x.ndjson:3: a line is {"entity": {…}}, {"relation": {…}} or, before them, {"document": …, "basis": …}',
      'x.ndjson:4: a line is {"entity": {…}}, {"relation": {…}} or, before them, {"document": …, "basis": …}',
      'x.ndjson:5: a line holds one JSON object',
      'x.ndjson:6: the defaults line {"document": …, "basis": …} comes before the first entry',
    ]);
  });

  it('skips the other section without parsing its lines, counting their positions', () => {
    const info: SeedFileInfo = { file: 'x.ndjson' };
    const full = file(
      'skip.ndjson',
      [
        '{"relation": {"from": "a", "type": "LOCATED_IN", "to": "b"}}',
        '{"entity": {"type": "City", "id": "a"}}',
        '{"relation": not json at all',
        '{"entity": {"type": "City", "id": "b"}}',
      ].join('\n'),
    );
    expect([...ndjsonEntries(full, info, new Set(['entities']))]).toEqual([
      { section: 'entities', index: 0, line: 2, value: { type: 'City', id: 'a' } },
      { section: 'entities', index: 1, line: 4, value: { type: 'City', id: 'b' } },
    ]);
  });
});

/** The graph without where each entry stood (file names and lines differ by format). */
function comparable(graph: SeedGraph) {
  const strip = <T extends { at: unknown }>({ at, ...rest }: T) => (void at, rest);
  return {
    nodes: graph.nodes.map(strip),
    relations: graph.relations.map(strip),
    externals: graph.externals.map(strip),
  };
}

describe('the same seeds as YAML and as NDJSON', () => {
  it('validate to the same graph, with no problems', () => {
    const { yaml, ndjson } = fixtureBothWays(P);
    try {
      const fromYaml = validateSeedDir(yaml.seedDir, yaml.documentsDir);
      const fromNdjson = validateSeedDir(ndjson.seedDir, ndjson.documentsDir);
      expect(fromYaml.problems).toEqual([]);
      expect(fromNdjson.problems).toEqual([]);
      expect(fromYaml.graph.nodes).toHaveLength(6);
      expect(fromYaml.graph.relations).toHaveLength(5);
      expect(comparable(fromNdjson.graph)).toEqual(comparable(fromYaml.graph));
      expect(fromNdjson.graph.nodes.map((n) => path.basename(n.at.file))).toEqual([
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'facts.ndjson',
        'sources.ndjson',
      ]);
    } finally {
      yaml.cleanup();
      ndjson.cleanup();
    }
  });

  it('report the same problem, naming the entry the same way', () => {
    const { yaml, ndjson } = fixtureBothWays(P);
    try {
      for (const dirs of [yaml, ndjson]) {
        const facts = fs.readdirSync(dirs.seedDir).find((f) => f.startsWith('facts'))!;
        const full = path.join(dirs.seedDir, facts);
        fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace('2019-06-01', '2019-13'));
      }
      const messages = (dirs: { seedDir: string; documentsDir: string }) =>
        validateSeedDir(dirs.seedDir, dirs.documentsDir).problems.map((p) => [p.entry, p.message]);
      expect(messages(ndjson)).toEqual(messages(yaml));
      expect(messages(yaml)).toEqual([
        [
          `relations[3] (${P}-erika-muster HOLDS_POST ${P}-stabsstelle)`,
          expect.stringMatching(/^field "since": "2019-13"/),
        ],
      ]);
    } finally {
      yaml.cleanup();
      ndjson.cleanup();
    }
  });
});
