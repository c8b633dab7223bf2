import fs from 'node:fs';
import path from 'node:path';
import { fixtureSeeds, writeFixture } from '../../test/fixtures';
import { formatProblem } from './types';
import { validateSeedDir } from './validate';
import { basisCounts } from './support';

/*
 * The support check on the fixture of test/fixtures.ts: one statement of each unsupported kind,
 * each rejected with a message that names the statement and the reason, and the way out
 * (INFERRED with reasoning) accepted.
 */

const P = 'sup';

function validate(edit: (files: Record<string, string>) => void, vocabulary?: string) {
  const files = fixtureSeeds(P);
  edit(files);
  const dirs = writeFixture(P, files);
  if (vocabulary !== undefined) {
    fs.mkdirSync(path.join(dirs.seedDir, 'documents'));
    fs.writeFileSync(path.join(dirs.seedDir, 'documents', 'vocabulary.md'), vocabulary);
  }
  try {
    return validateSeedDir(dirs.seedDir, dirs.documentsDir);
  } finally {
    dirs.cleanup();
  }
}

function problemsOf(edit: (files: Record<string, string>) => void, vocabulary?: string) {
  return validate(edit, vocabulary).problems.map(formatProblem);
}

/** Appends relations (and entities) to the fixture's facts file. */
function addFacts(relations: string, entities = '') {
  return (files: Record<string, string>) => {
    let text = files['facts.yaml']!;
    if (entities) text = text.replace('relations:\n', `${entities}relations:\n`);
    files['facts.yaml'] = `${text}${relations}`;
  };
}

describe('support check', () => {
  it('rejects a relation whose quote does not name one of its ends', () => {
    const problems = problemsOf(
      addFacts(`  - from: ${P}-erika-muster
    type: HOLDS_POST
    to: ${P}-rat
    roleTitle: Mitglied
    role: MEMBER
    cite: [Leiterin der Stabsstelle ist seit dem 1. Juni 2019 Erika Muster.]
`),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `facts\\.yaml:\\d+ relations\\[5\\] \\(${P}-erika-muster HOLDS_POST ${P}-rat\\): unsupported: no quote of a STATED relation names "${P}-rat" \\(Rat der Stadt Testhausen\\); .*mark the relation INFERRED with its reasoning`,
        ),
      ),
    ]);
  });

  it('accepts the same relation marked INFERRED with its reasoning, and counts it', () => {
    const result = validate(
      addFacts(`  - from: ${P}-erika-muster
    type: HOLDS_POST
    to: ${P}-rat
    roleTitle: Mitglied
    role: MEMBER
    basis: INFERRED
    reasoning: The fixture pretends the head of the unit sits on the council.
    cite: [Leiterin der Stabsstelle ist seit dem 1. Juni 2019 Erika Muster.]
`),
    );
    expect(result.problems).toEqual([]);
    const inferred = result.graph.relations.find(
      (r) => r.id === `${P}-erika-muster~HOLDS_POST~${P}-rat`,
    );
    expect(inferred?.grounding).toEqual({
      basis: 'INFERRED',
      reasoning: 'The fixture pretends the head of the unit sits on the council.',
    });
    expect(basisCounts(result.graph.nodes, result.graph.relations)).toEqual({
      STATED: 11,
      INFERRED: 1,
      EDITORIAL: 0,
    });
  });

  it('rejects an INFERRED fact without reasoning, and reasoning on a stated fact', () => {
    const problems = problemsOf((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace(
        `    roleTitle: Leiterin\n`,
        `    roleTitle: Leiterin\n    basis: INFERRED\n`,
      ).replace(`    name: Erika Muster\n`, `    name: Erika Muster\n    reasoning: Not needed.\n`);
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /Person sup-erika-muster\): "reasoning" belongs to INFERRED facts only \(this one is STATED\)/,
      ),
      expect.stringMatching(/HOLDS_POST sup-stabsstelle\): an INFERRED fact needs "reasoning"/),
    ]);
  });

  it('rejects a stated date that its quotes do not write', () => {
    const problems = problemsOf((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace('since: 2019-06-01', 'since: 2019-07-01');
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /HOLDS_POST sup-stabsstelle\): unsupported: since 2019-07-01 is not written in any quote of a STATED fact/,
      ),
    ]);
  });

  it('rejects a date on an entity that its quotes do not write', () => {
    const problems = problemsOf((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace('decided: 2019-05', 'decided: 2018');
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /OrgUnit sup-stabsstelle\): unsupported: decided 2018 is not written in any quote/,
      ),
    ]);
  });

  it('rejects a mention that is not in its quote or that names no end', () => {
    const problems = problemsOf((files) => {
      files['facts.yaml'] = files['facts.yaml']!.replace(
        `mentions: { ${P}-stabsstelle: Die Stabsstelle }`,
        `mentions: { ${P}-stabsstelle: Das Amt, ${P}-rat: Die Stabsstelle }`,
      );
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /ADDRESSES sup-housing\): mention "Das Amt" of "sup-stabsstelle" is not in its quote/,
      ),
      expect.stringMatching(
        /ADDRESSES sup-housing\): "mentions" names "sup-rat", which is not an end of this fact/,
      ),
      expect.stringMatching(
        /ADDRESSES sup-housing\): unsupported: no quote of a STATED relation names "sup-stabsstelle"/,
      ),
    ]);
  });

  it("keeps the project's vocabulary for EDITORIAL facts and EDITORIAL facts to the vocabulary", () => {
    const vocabulary =
      '# Vocabulary\n\n- Pflege (Care) is narrower than Wohnen (Housing): a test.\n';
    const problems = problemsOf((files) => {
      files['vocabulary.yaml'] = `document: ${P}-vocabulary
basis: EDITORIAL
entities:
  - type: SourceDocument
    id: ${P}-vocabulary
    title: Vocabulary
    kind: VOCABULARY
    language: en
    file: vocabulary.md
    cite: ['# Vocabulary']
  - { type: Theme, id: ${P}-care, labelDe: Pflege, labelEn: Care, cite: ['Pflege (Care)'] }
relations:
  - from: ${P}-care
    type: BROADER
    to: ${P}-housing
    cite: ['Pflege (Care) is narrower than Wohnen (Housing): a test.']
  - from: ${P}-stabsstelle
    type: ADDRESSES
    to: ${P}-care
    cite:
      - { doc: ${P}-doc, quote: 'Die Stabsstelle kümmert sich um Wohnen, Pflege und Beteiligung.' }
  - from: ${P}-stabsstelle
    type: ADDRESSES
    to: ${P}-care
    id: stated-from-vocabulary
    basis: STATED
    cite: ['Pflege (Care) is narrower than Wohnen (Housing): a test.']
`;
    }, vocabulary);
    expect(problems).toEqual([
      expect.stringMatching(
        /ADDRESSES sup-care\): an EDITORIAL fact cites the project's vocabulary document, not a source/,
      ),
      expect.stringMatching(
        /relations\[1\] \(sup-stabsstelle ADDRESSES sup-care\): unsupported: no quote of an EDITORIAL relation names "sup-stabsstelle"/,
      ),
      expect.stringMatching(
        /ADDRESSES sup-care\): the project's vocabulary document backs EDITORIAL facts only/,
      ),
      expect.stringMatching(
        /ADDRESSES sup-care\): unsupported: no quote of a STATED relation names "sup-stabsstelle"/,
      ),
    ]);
  });

  it('lets a facility others run go without BELONGS_TO', () => {
    const facility = `  - type: Organisation
    id: ${P}-traeger
    name: Freie Träger
    kind: PROVIDER
    collective: true
    cite: [Der Rat der Stadt Testhausen]
  - type: OrgUnit
    id: ${P}-kita
    name: Kita
    kind: FACILITY
    cite: [Der Rat der Stadt Testhausen]
`;
    const operated = `  - from: ${P}-traeger
    type: OPERATES
    to: ${P}-kita
    basis: INFERRED
    reasoning: A fixture; the text names neither.
    cite: [Der Rat der Stadt Testhausen]
`;
    expect(problemsOf(addFacts(operated, facility))).toEqual([]);
    expect(problemsOf(addFacts('', facility))).toEqual([
      expect.stringMatching(
        /OrgUnit sup-kita\): an OrgUnit needs exactly one BELONGS_TO relation to its city \(has 0\); a facility or service point others run needs OPERATES instead/,
      ),
    ]);
  });
});
