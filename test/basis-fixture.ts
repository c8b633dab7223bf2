import type { Database } from '../src/db/database';
import { importDataset } from './dataset-fixture';
import { PROJECT_DOCUMENTS } from '../src/seed/documents';

/**
 * A small graph for the basis of statements (issue 11), keys `bx-…`: two cities, three units and
 * a theme hierarchy.
 *
 * - `bx-amt-a` belongs to Nordstadt (STATED), addresses elderly care (STATED) and family
 *   (INFERRED, with reasoning);
 * - `bx-amt-b` belongs to Südstadt only by inference (INFERRED BELONGS_TO, with reasoning) and
 *   addresses elderly care (STATED);
 * - `bx-amt-c` is itself an inferred unit (INFERRED node, with reasoning) of Nordstadt;
 * - the themes and the BROADER link elderly care → ageing are EDITORIAL.
 *
 * Imported through the importer under its own dataset, with the basis declared in the seed files
 * as for real data (the themes cite a vocabulary document of the fixture's own), so the support
 * check runs on it too.
 */
export const BASIS_FIXTURE_DATASET = 'basis-fixture';

export const REASONING = {
  amtB: 'Das Amt wird im Bericht der Stadt Südstadt genannt, also gehört es wohl zu ihr.',
  amtC: 'Ein Zuständiger für Jugend setzt ein Jugendamt voraus.',
  family: 'Beratung für Eltern ist Familienpolitik.',
} as const;

export const BASIS_QUOTES = {
  doc: 'Ämter in Nordstadt und Südstadt',
  nordstadt: 'Nordstadt ist eine Stadt im Norden.',
  suedstadt: 'Südstadt ist eine Stadt im Süden.',
  amtA: 'Das Amt für Senioren der Stadt Nordstadt leistet Altenhilfe und berät Eltern.',
  amtB: 'Im Bericht der Stadt Südstadt wird das Pflegeamt erwähnt; es leistet Altenhilfe.',
  amtC: 'In Nordstadt gibt es einen Zuständigen für Jugend.',
  ageing: 'Altern ist ein Thema des Vokabulars.',
  elderlyCare: 'Altenhilfe gehört zum Altern.',
  family: 'Familie ist ein Thema des Vokabulars.',
} as const;

/** The fixture's press text, and its vocabulary (the themes, EDITORIAL). */
const TEXT = [
  BASIS_QUOTES.doc,
  BASIS_QUOTES.nordstadt,
  BASIS_QUOTES.suedstadt,
  BASIS_QUOTES.amtA,
  BASIS_QUOTES.amtB,
  BASIS_QUOTES.amtC,
].join('\n');
const VOCABULARY = [
  'Vokabular',
  BASIS_QUOTES.ageing,
  BASIS_QUOTES.elderlyCare,
  BASIS_QUOTES.family,
].join('\n');
const q = (text: string) => `['${text}']`;

const SOURCES = `
entities:
  - type: SourceDocument
    id: bx-doc
    title: ${BASIS_QUOTES.doc}
    kind: PRESS_RELEASE
    language: de
    file: bx-doc.txt
    cite:
      - { doc: bx-doc, quote: ${BASIS_QUOTES.doc} }
  - type: SourceDocument
    id: bx-vocabulary
    title: Vokabular
    kind: VOCABULARY
    language: de
    file: bx-vocabulary.md
    basis: EDITORIAL
    cite:
      - { doc: bx-vocabulary, quote: Vokabular }
`;

const FACTS = `
document: bx-doc
entities:
  - { type: City, id: bx-nordstadt, name: Nordstadt, ags: '99300001', cite: ${q(BASIS_QUOTES.nordstadt)} }
  - { type: City, id: bx-suedstadt, name: Südstadt, ags: '99300002', cite: ${q(BASIS_QUOTES.suedstadt)} }
  - { type: OrgUnit, id: bx-amt-a, name: Amt für Senioren, kind: OFFICE, cite: ${q(BASIS_QUOTES.amtA)} }
  - { type: OrgUnit, id: bx-amt-b, name: Pflegeamt, kind: OFFICE, cite: ${q(BASIS_QUOTES.amtB)} }
  - type: OrgUnit
    id: bx-amt-c
    name: Jugendamt
    kind: OFFICE
    basis: INFERRED
    reasoning: ${REASONING.amtC}
    cite: ${q(BASIS_QUOTES.amtC)}
relations:
  - { from: bx-amt-a, type: BELONGS_TO, to: bx-nordstadt, cite: ${q(BASIS_QUOTES.amtA)} }
  - from: bx-amt-b
    type: BELONGS_TO
    to: bx-suedstadt
    basis: INFERRED
    reasoning: ${REASONING.amtB}
    cite: ${q(BASIS_QUOTES.amtB)}
  - from: bx-amt-c
    type: BELONGS_TO
    to: bx-nordstadt
    cite:
      - quote: ${BASIS_QUOTES.amtC}
        mentions: { bx-amt-c: Zuständigen für Jugend }
  - { from: bx-amt-a, type: ADDRESSES, to: bx-elderly-care, cite: ${q(BASIS_QUOTES.amtA)} }
  - from: bx-amt-a
    type: ADDRESSES
    to: bx-family
    basis: INFERRED
    reasoning: ${REASONING.family}
    cite: ${q(BASIS_QUOTES.amtA)}
  - { from: bx-amt-b, type: ADDRESSES, to: bx-elderly-care, cite: ${q(BASIS_QUOTES.amtB)} }
`;

/** The fixture's taxonomy: the project's own structure, EDITORIAL, cited to its vocabulary. */
const THEMES = `
document: bx-vocabulary
basis: EDITORIAL
entities:
  - { type: Theme, id: bx-ageing, labelDe: Altern, labelEn: Ageing, topConcept: true, cite: ${q(BASIS_QUOTES.ageing)} }
  - { type: Theme, id: bx-elderly-care, labelDe: Altenhilfe, labelEn: Elderly care, cite: ${q(BASIS_QUOTES.elderlyCare)} }
  - { type: Theme, id: bx-family, labelDe: Familie, labelEn: Family, topConcept: true, cite: ${q(BASIS_QUOTES.family)} }
relations:
  - { from: bx-elderly-care, type: BROADER, to: bx-ageing, cite: ${q(BASIS_QUOTES.elderlyCare)} }
`;

/** Imports the fixture beside whatever else is stored; the returned function removes it again. */
export async function importBasisFixture(db: Database): Promise<() => Promise<void>> {
  return importDataset(
    db,
    BASIS_FIXTURE_DATASET,
    {
      'sources.yaml': SOURCES,
      'facts.yaml': FACTS,
      'themes.yaml': THEMES,
      [`${PROJECT_DOCUMENTS}/bx-vocabulary.md`]: VOCABULARY,
    },
    { 'bx-doc.txt': TEXT },
  );
}
