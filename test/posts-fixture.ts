import type { Database } from '../src/db/database';
import { importDataset } from './dataset-fixture';

/**
 * Two small cities with posts of every kind the seeds have few of: posts in units of two cities,
 * a mayor's office (a post in the city itself), a post in an organisation seated in a city (which
 * has no city of its own), a person with two posts, dated, attested and undated posts; and the
 * dated facts YEAR can read (a unit decided, set up and dissolved, a programme decided on, a
 * participation with a period), with a theme hierarchy for quotes along BROADER. Every key starts
 * with `px-`, so tests can single the fixture out with `startsWith: "px-"`. Imported beside the
 * seeds under its own dataset through the importer, so dates and validity are stored as for real
 * data.
 */
export const POSTS_FIXTURE_DATASET = 'posts-fixture';

/** The document every fixture quote is taken from, one sentence per fact. */
export const QUOTES = {
  doc: 'Posten in Nordstadt und Südstadt',
  nordstadt: 'Die Stadt Nordstadt liegt im Norden.',
  suedstadt: 'Die Stadt Südstadt liegt im Süden.',
  sozialamt:
    'Das Sozialamt Nordstadt wurde 2018 beschlossen, 2019 eingerichtet und 2024 aufgelöst.',
  sozialamtCity: 'Das Sozialamt Nordstadt gehört zur Stadtverwaltung Nordstadt.',
  dezernat: 'Das Sozialdezernat Südstadt besteht seit 2015.',
  dezernatCity: 'Das Sozialdezernat Südstadt gehört zur Stadtverwaltung Südstadt.',
  verband: 'Der Wohlfahrtsverband Nord hat seinen Sitz in Nordstadt.',
  anna: 'Anna Alt leitete das Sozialamt Nordstadt vom 1. Juni 2019 bis zum 31. Dezember 2021.',
  annaVerband: 'Seit 2022 ist Anna Alt Geschäftsführerin beim Wohlfahrtsverband Nord.',
  bernd: 'Bernd Berg leitet seit 2020 als Sozialdezernent das Sozialdezernat Südstadt.',
  clara: 'Clara Christ, Oberbürgermeisterin von Nordstadt, sprach am 10. Mai 2023.',
  dora: 'Dora Dorn ist Sachbearbeiterin im Sozialamt Nordstadt.',
  programm: 'Das Programm Teilhabe läuft von 2021 bis 2023.',
  decision: 'Das Sozialdezernat Südstadt beschloss im März 2020 das Programm Teilhabe.',
  nordstadtJoins: 'Nordstadt nimmt von 2021 bis 2023 am Programm Teilhabe teil.',
  suedstadtJoins: 'Auch Südstadt nimmt am Programm Teilhabe teil.',
  armut: 'Armut ist ein Thema.',
  altersarmut: 'Altersarmut ist eine Form der Armut.',
  addresses: 'Das Sozialamt Nordstadt kümmert sich um Altersarmut.',
} as const;

const TEXT = Object.values(QUOTES).join('\n');

const SOURCES = `
entities:
  - type: SourceDocument
    id: px-doc
    title: ${QUOTES.doc}
    kind: PRESS_RELEASE
    language: de
    file: px-doc.txt
    cite:
      - { doc: px-doc, quote: ${QUOTES.doc} }
`;

const q = (text: string) => `['${text}']`;

const FACTS = `
document: px-doc
entities:
  - { type: City, id: px-nordstadt, name: Nordstadt, ags: '99200001', cite: ${q(QUOTES.nordstadt)} }
  - { type: City, id: px-suedstadt, name: Südstadt, ags: '99200002', cite: ${q(QUOTES.suedstadt)} }
  - type: OrgUnit
    id: px-sozialamt
    name: Sozialamt Nordstadt
    kind: OFFICE
    decided: '2018'
    established: '2019'
    dissolved: '2024'
    cite: ${q(QUOTES.sozialamt)}
  - type: OrgUnit
    id: px-dezernat
    name: Sozialdezernat Südstadt
    kind: DEPARTMENT
    established: '2015'
    cite: ${q(QUOTES.dezernat)}
  - type: Organisation
    id: px-verband
    name: Wohlfahrtsverband Nord
    kind: WELFARE_ASSOCIATION
    cite: ${q(QUOTES.verband)}
  - { type: Person, id: px-anna, name: Anna Alt, cite: ${q(QUOTES.anna)} }
  - { type: Person, id: px-bernd, name: Bernd Berg, cite: ${q(QUOTES.bernd)} }
  - { type: Person, id: px-clara, name: Clara Christ, cite: ${q(QUOTES.clara)} }
  - { type: Person, id: px-dora, name: Dora Dorn, cite: ${q(QUOTES.dora)} }
  - type: Programme
    id: px-programm
    name: Programm Teilhabe
    level: MUNICIPAL
    kind: PROJECT
    period: 2021/2023
    cite: ${q(QUOTES.programm)}
  - { type: Theme, id: px-armut, labelDe: Armut, labelEn: Poverty, cite: ${q(QUOTES.armut)} }
  - { type: Theme, id: px-altersarmut, labelDe: Altersarmut, labelEn: Old-age poverty, cite: ${q(QUOTES.altersarmut)} }
relations:
  - { from: px-sozialamt, type: BELONGS_TO, to: px-nordstadt, cite: ${q(QUOTES.sozialamtCity)} }
  - { from: px-dezernat, type: BELONGS_TO, to: px-suedstadt, cite: ${q(QUOTES.dezernatCity)} }
  - { from: px-verband, type: LOCATED_IN, to: px-nordstadt, seat: true, cite: ${q(QUOTES.verband)} }
  - from: px-anna
    type: HOLDS_POST
    to: px-sozialamt
    roleTitle: Leiterin des Sozialamts
    role: HEAD
    since: 2019-06-01
    until: 2021-12-31
    cite: ${q(QUOTES.anna)}
  - from: px-anna
    type: HOLDS_POST
    to: px-verband
    roleTitle: Geschäftsführerin
    role: MANAGING_DIRECTOR
    since: '2022'
    cite: ${q(QUOTES.annaVerband)}
  - from: px-bernd
    type: HOLDS_POST
    to: px-dezernat
    roleTitle: Sozialdezernent
    role: SOCIAL_AFFAIRS_EXECUTIVE
    since: '2020'
    cite: ${q(QUOTES.bernd)}
  - from: px-clara
    type: HOLDS_POST
    to: px-nordstadt
    roleTitle: Oberbürgermeisterin
    role: MAYOR
    attested: 2023-05-10
    cite: ${q(QUOTES.clara)}
  - from: px-dora
    type: HOLDS_POST
    to: px-sozialamt
    roleTitle: Sachbearbeiterin
    role: MEMBER
    cite: ${q(QUOTES.dora)}
  - from: px-dezernat
    type: DECIDED
    to: px-programm
    date: 2020-03
    decision: das Programm Teilhabe
    cite: ${q(QUOTES.decision)}
  - from: px-nordstadt
    type: PARTICIPATES_IN
    to: px-programm
    role: PARTICIPANT
    period: 2021/2023
    cite: ${q(QUOTES.nordstadtJoins)}
  - from: px-suedstadt
    type: PARTICIPATES_IN
    to: px-programm
    role: PARTICIPANT
    cite: ${q(QUOTES.suedstadtJoins)}
  - { from: px-altersarmut, type: BROADER, to: px-armut, cite: ${q(QUOTES.altersarmut)} }
  - { from: px-sozialamt, type: ADDRESSES, to: px-altersarmut, cite: ${q(QUOTES.addresses)} }
`;

/** Imports the fixture beside the seeds; the returned function removes it again. */
export async function importPostsFixture(db: Database): Promise<() => Promise<void>> {
  return importDataset(
    db,
    POSTS_FIXTURE_DATASET,
    { 'sources.yaml': SOURCES, 'facts.yaml': FACTS },
    { 'px-doc.txt': TEXT },
  );
}
