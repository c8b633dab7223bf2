import path from 'node:path';
import { fixtureSeeds, writeFixture, type FixtureDirs } from '../../test/fixtures';
import { loadConfig } from '../config';
import { quoteShapeProblem } from './documents';
import { formatProblem } from './types';
import { validateSeedDir } from './validate';

const P = 'unit';

function problemsFor(edit: (files: Record<string, string>) => void): string[] {
  const files = fixtureSeeds(P);
  edit(files);
  const dirs: FixtureDirs = writeFixture(P, files);
  try {
    return validateSeedDir(dirs.seedDir, dirs.documentsDir).problems.map(formatProblem);
  } finally {
    dirs.cleanup();
  }
}

function replaceIn(file: string, from: string, to: string) {
  return (files: Record<string, string>) => {
    const text = files[file]!;
    if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
    files[file] = text.replace(from, to);
  };
}

describe('seed validation', () => {
  it('accepts the valid fixture', () => {
    expect(problemsFor(() => undefined)).toEqual([]);
  });

  it('names file, line and entry for an unknown reference', () => {
    const problems = problemsFor(replaceIn('facts.yaml', `to: ${P}-housing`, `to: ${P}-nowhere`));
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `facts\\.yaml:\\d+ relations\\[4\\] \\(${P}-stabsstelle ADDRESSES ${P}-nowhere\\): unknown reference`,
        ),
      ),
    ]);
  });

  it('rejects duplicate ids, pointing at the first definition', () => {
    const problems = problemsFor(replaceIn('facts.yaml', `id: ${P}-erika-muster`, `id: ${P}-rat`));
    expect(
      problems.some((p) =>
        /duplicate id "unit-rat" \(first defined at .*facts\.yaml:\d+\)/.test(p),
      ),
    ).toBe(true);
  });

  it('rejects malformed EDTF dates', () => {
    const problems = problemsFor(replaceIn('facts.yaml', 'since: 2019-06-01', 'since: Juni 2019'));
    expect(problems).toEqual([
      expect.stringMatching(/HOLDS_POST .*field "since": "Juni 2019" is not a supported EDTF date/),
    ]);
  });

  it('rejects an entry without a source', () => {
    const problems = problemsFor(replaceIn('facts.yaml', '    cite: [Erika Muster]\n', ''));
    expect(problems).toEqual([expect.stringMatching(/Person unit-erika-muster\): missing source/)]);
  });

  it('rejects a citation of an unknown document', () => {
    const problems = problemsFor(
      replaceIn('facts.yaml', 'cite: [Erika Muster]', 'cite: [{ doc: nope, quote: Erika Muster }]'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/missing source: "nope" is not a source document id/),
    ]);
  });

  it('rejects a quote that is not verbatim in its document', () => {
    const problems = problemsFor(
      replaceIn('facts.yaml', 'cite: [Erika Muster]', 'cite: [Erika Mustermann]'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/quote not found verbatim in unit-doc: "Erika Mustermann"/),
    ]);
  });

  it('rejects quotes longer than a sentence', () => {
    expect(quoteShapeProblem('Erster Satz. Zweiter Satz.')).toMatch(/more than one sentence/);
    expect(quoteShapeProblem('am 1. November nahm sie die Arbeit auf')).toBeNull();
    expect(
      quoteShapeProblem('mit dem Verein „Familiengerechte Kommune e.V.“ einem Verfahren'),
    ).toBeNull();
    expect(quoteShapeProblem('x'.repeat(301))).toMatch(/301 characters/);
  });

  it('rejects unknown fields, bad enums and missing required fields', () => {
    const problems = problemsFor((files) => {
      replaceIn('facts.yaml', 'kind: STAFF_UNIT', 'kind: STAFF')(files);
      replaceIn('facts.yaml', 'name: Erika Muster', 'nmae: Erika Muster')(files);
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/field "kind" must be one of COUNCIL, /),
        expect.stringMatching(/unknown field "nmae" for Person/),
        expect.stringMatching(/missing required field "name"/),
      ]),
    );
  });

  it('rejects relations between labels the model does not allow', () => {
    const problems = problemsFor((files) => {
      replaceIn(
        'facts.yaml',
        `to: ${P}-stabsstelle\n    roleTitle`,
        `to: ${P}-housing\n    roleTitle`,
      )(files);
      // The mention stood for the end the post no longer goes to.
      replaceIn('facts.yaml', `\n        mentions: { ${P}-stabsstelle: Stabsstelle }`, '')(files);
    });
    expect(problems).toEqual([expect.stringMatching(/HOLDS_POST cannot end at a Theme/)]);
  });

  it('requires every org unit to belong to exactly one city', () => {
    const problems = problemsFor(
      replaceIn(
        'facts.yaml',
        `  - from: ${P}-rat\n    type: BELONGS_TO`,
        `  - from: ${P}-stabsstelle\n    id: second\n    type: BELONGS_TO`,
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /OrgUnit unit-rat\): an OrgUnit needs exactly one BELONGS_TO relation to its city \(has 0\)/,
        ),
        expect.stringMatching(
          /OrgUnit unit-stabsstelle\): an OrgUnit needs exactly one BELONGS_TO .*\(has 2\)/,
        ),
      ]),
    );
  });

  it('requires a city to give its AGS or say why it has none, not both', () => {
    const ags = /\n {4}ags: '[0-9]{8}'/;
    const withoutKey = problemsFor((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace(ags, '');
    });
    expect(withoutKey).toEqual([
      expect.stringMatching(
        /City unit-testhausen\): a City needs "ags" as a cited source states it, or "agsNote" saying why it has none/,
      ),
    ]);
    const noted = problemsFor((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace(
        ags,
        '\n    agsNote: No source states it.',
      );
    });
    expect(noted).toEqual([]);
    const both = problemsFor((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace(
        ags,
        (line) => `${line}\n    agsNote: No source states it.`,
      );
    });
    expect(both).toEqual([
      expect.stringMatching(/City unit-testhausen\): a City has either "ags" or "agsNote"/),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsFor((files) => {
      files['broken.yaml'] = 'entities:\n  - type: City\n    id: [unclosed\n';
    });
    expect(problems).toEqual([expect.stringMatching(/broken\.yaml:\d+: YAML: /)]);
  });

  it('detects cycles in the theme hierarchy', () => {
    const problems = problemsFor((files) => {
      files['cycle.yaml'] = `document: ${P}-doc
entities:
  - { type: Theme, id: a-theme, labelDe: Pflege, labelEn: Care, cite: [Pflege] }
relations:
  - { from: a-theme, type: BROADER, to: ${P}-housing, cite: ['Wohnen, Pflege'] }
  - { from: ${P}-housing, type: BROADER, to: a-theme, cite: ['Wohnen, Pflege'] }
`;
    });
    expect(problems).toEqual([expect.stringMatching(/BROADER forms a cycle/)]);
  });

  it('cannot verify quotes without the documents and says so', () => {
    const dirs = writeFixture(P, fixtureSeeds(P));
    try {
      const { problems } = validateSeedDir(dirs.seedDir, path.join(dirs.documentsDir, 'missing'));
      expect(problems.map(formatProblem)).toEqual([
        expect.stringMatching(/documents directory does not exist/),
      ]);
    } finally {
      dirs.cleanup();
    }
  });
});

describe('the project seeds', () => {
  it('are valid, and every quote is verbatim in its document', () => {
    const { seed } = loadConfig({});
    const { graph, problems } = validateSeedDir(seed.seedDir, seed.documentsDir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(graph.nodes.length).toBeGreaterThan(50);
  });
});
