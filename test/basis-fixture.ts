import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';

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
 * Imported through the importer (dates, validity and ids as for real data) under its own
 * dataset; the basis is then set with Cypher, since the importer does not write it yet. The
 * properties are the ones the API reads: `basis` and `reasoning`.
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
  amtA: 'Das Amt für Senioren der Stadt Nordstadt berät ältere Menschen und Eltern.',
  amtB: 'Im Bericht der Stadt Südstadt wird das Pflegeamt erwähnt; es kümmert sich um Pflege.',
  amtC: 'In Nordstadt gibt es einen Zuständigen für Jugend.',
  ageing: 'Altern ist ein Thema des Vokabulars.',
  elderlyCare: 'Altenhilfe gehört zum Altern.',
  family: 'Familie ist ein Thema des Vokabulars.',
} as const;

const TEXT = Object.values(BASIS_QUOTES).join('\n');
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
`;

const FACTS = `
document: bx-doc
entities:
  - { type: City, id: bx-nordstadt, name: Nordstadt, ags: '99300001', cite: ${q(BASIS_QUOTES.nordstadt)} }
  - { type: City, id: bx-suedstadt, name: Südstadt, ags: '99300002', cite: ${q(BASIS_QUOTES.suedstadt)} }
  - { type: OrgUnit, id: bx-amt-a, name: Amt für Senioren, kind: OFFICE, cite: ${q(BASIS_QUOTES.amtA)} }
  - { type: OrgUnit, id: bx-amt-b, name: Pflegeamt, kind: OFFICE, cite: ${q(BASIS_QUOTES.amtB)} }
  - { type: OrgUnit, id: bx-amt-c, name: Jugendamt, kind: OFFICE, cite: ${q(BASIS_QUOTES.amtC)} }
  - { type: Theme, id: bx-ageing, labelDe: Altern, labelEn: Ageing, topConcept: true, cite: ${q(BASIS_QUOTES.ageing)} }
  - { type: Theme, id: bx-elderly-care, labelDe: Altenhilfe, labelEn: Elderly care, cite: ${q(BASIS_QUOTES.elderlyCare)} }
  - { type: Theme, id: bx-family, labelDe: Familie, labelEn: Family, topConcept: true, cite: ${q(BASIS_QUOTES.family)} }
relations:
  - { from: bx-amt-a, type: BELONGS_TO, to: bx-nordstadt, cite: ${q(BASIS_QUOTES.amtA)} }
  - { from: bx-amt-b, type: BELONGS_TO, to: bx-suedstadt, cite: ${q(BASIS_QUOTES.amtB)} }
  - { from: bx-amt-c, type: BELONGS_TO, to: bx-nordstadt, cite: ${q(BASIS_QUOTES.amtC)} }
  - { from: bx-elderly-care, type: BROADER, to: bx-ageing, cite: ${q(BASIS_QUOTES.elderlyCare)} }
  - { from: bx-amt-a, type: ADDRESSES, to: bx-elderly-care, cite: ${q(BASIS_QUOTES.amtA)} }
  - { from: bx-amt-a, type: ADDRESSES, to: bx-family, cite: ${q(BASIS_QUOTES.amtA)} }
  - { from: bx-amt-b, type: ADDRESSES, to: bx-elderly-care, cite: ${q(BASIS_QUOTES.amtB)} }
`;

/** The basis of the fixture's facts, as the seed importer will write it. */
const BASIS = `
MATCH (t:Theme:Entity) WHERE t.dataset = $dataset SET t.basis = 'EDITORIAL'
WITH count(*) AS themes
MATCH (:Theme {id: 'bx-elderly-care'})-[b:BROADER]->(:Theme {id: 'bx-ageing'}) SET b.basis = 'EDITORIAL'
WITH count(*) AS links
MATCH (u:OrgUnit {id: 'bx-amt-c'}) SET u.basis = 'INFERRED', u.reasoning = $amtC
WITH count(*) AS units
MATCH (:OrgUnit {id: 'bx-amt-b'})-[r:BELONGS_TO]->(:City {id: 'bx-suedstadt'})
SET r.basis = 'INFERRED', r.reasoning = $amtB
WITH count(*) AS belongs
MATCH (:OrgUnit {id: 'bx-amt-a'})-[r:ADDRESSES]->(:Theme {id: 'bx-family'})
SET r.basis = 'INFERRED', r.reasoning = $family
RETURN count(*) AS addresses`;

/** Imports the fixture beside whatever else is stored; the returned function removes it again. */
export async function importBasisFixture(db: Database): Promise<() => Promise<void>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-basis-'));
  const seedDir = path.join(root, 'seeds');
  const documentsDir = path.join(root, 'documents');
  fs.mkdirSync(seedDir);
  fs.mkdirSync(documentsDir);
  fs.writeFileSync(path.join(documentsDir, 'bx-doc.txt'), TEXT);
  fs.writeFileSync(path.join(seedDir, 'sources.yaml'), SOURCES);
  fs.writeFileSync(path.join(seedDir, 'facts.yaml'), FACTS);
  try {
    await importSeeds(db, { seedDir, documentsDir, dataset: BASIS_FIXTURE_DATASET });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  const result = await db.executeWrite((tx) =>
    tx.run(BASIS, { dataset: BASIS_FIXTURE_DATASET, ...REASONING }),
  );
  if (result.records[0]?.get('addresses') !== 1) throw new Error('basis fixture: facts missing');
  return () => deleteDataset(db, BASIS_FIXTURE_DATASET);
}
