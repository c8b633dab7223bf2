import type { Database } from '../src/db/database';
import { importDataset } from './dataset-fixture';

/**
 * Funding statements the project seeds lack: several currencies, periods and ceilings in one
 * programme, programme funding beside city funding, and a unit set up in winter 2024 (a date
 * spanning two years). Imported beside the seeds under its own dataset, through the importer,
 * so its date bounds and validity are stored as for real data.
 */
export const STATS_FIXTURE_DATASET = 'stats-fixture';

const TEXT = `Fördergeld für Fixturstadt und Nachbarorte
Das Programm Alpha läuft von 2022 bis 2025.
Das Programm Beta läuft im Jahr 2023.
Fixturstadt erhält im Programm Alpha von 2022 bis 2024 bis zu 10.000 Euro pro Jahr.
Nachbarstadt erhält im Programm Alpha bis zu 8.000 Euro pro Jahr.
Drittstadt erhält im Programm Alpha genau 3.000 Euro pro Jahr.
Fixturstadt erhält im Programm Beta 5.000 Euro pro Monat.
Fixturstadt erhält im Programm Gamma 2.000 Franken pro Jahr.
Das Fixturministerium stellt für das Programm Alpha insgesamt 1.000.000 Euro bereit.
Das Fixturministerium fördert auch das Programm Beta.
Fixturstadt hat die Fixturstelle für Senioren im Winter 2024 eingerichtet.`;

const SOURCES = `
entities:
  - type: SourceDocument
    id: fx-doc
    title: Fördergeld für Fixturstadt und Nachbarorte
    kind: PRESS_RELEASE
    language: de
    file: fx-doc.txt
    cite:
      - { doc: fx-doc, quote: Fördergeld für Fixturstadt und Nachbarorte }
`;

const participation = (
  city: string,
  programme: string,
  amount: number,
  currency: string,
  per: string,
  upTo: boolean,
  quote: string,
  period?: string,
) => `  - from: fx-${city}
    type: PARTICIPATES_IN
    to: fx-${programme}
    role: PARTICIPANT
${period ? `    period: '${period}'\n` : ''}    fundingAmount: ${amount}
    fundingCurrency: ${currency}
    fundingPer: ${per}
    fundingUpTo: ${upTo}
    cite: ['${quote}']
`;

const FACTS = `
document: fx-doc
entities:
  - { type: City, id: fx-fixturstadt, name: Fixturstadt, ags: '99100001', cite: [Fixturstadt] }
  - { type: City, id: fx-nachbarstadt, name: Nachbarstadt, ags: '99100002', cite: [Nachbarstadt] }
  - { type: City, id: fx-drittstadt, name: Drittstadt, ags: '99100003', cite: [Drittstadt] }
  - type: Organisation
    id: fx-ministerium
    name: Fixturministerium
    kind: MINISTRY
    cite: [Das Fixturministerium]
  - { type: Programme, id: fx-alpha, name: Programm Alpha, level: FEDERAL, kind: FUNDING_PROGRAMME, period: 2022/2025, cite: [Das Programm Alpha läuft von 2022 bis 2025.] }
  - { type: Programme, id: fx-beta, name: Programm Beta, level: STATE, kind: FUNDING_PROGRAMME, period: '2023', cite: [Das Programm Beta läuft im Jahr 2023.] }
  - { type: Programme, id: fx-gamma, name: Programm Gamma, level: MUNICIPAL, kind: PROJECT, cite: [Programm Gamma] }
  - type: OrgUnit
    id: fx-fixturstelle
    name: Fixturstelle für Senioren
    kind: STAFF_UNIT
    established: '2024-24'
    cite: [Fixturstadt hat die Fixturstelle für Senioren im Winter 2024 eingerichtet.]
relations:
  - from: fx-fixturstelle
    type: BELONGS_TO
    to: fx-fixturstadt
    cite: [Fixturstadt hat die Fixturstelle für Senioren im Winter 2024 eingerichtet.]
${participation('fixturstadt', 'alpha', 10000, 'EUR', 'P1Y', true, 'Fixturstadt erhält im Programm Alpha von 2022 bis 2024 bis zu 10.000 Euro pro Jahr.', '2022/2024')}${participation('nachbarstadt', 'alpha', 8000, 'EUR', 'P1Y', true, 'Nachbarstadt erhält im Programm Alpha bis zu 8.000 Euro pro Jahr.')}${participation('drittstadt', 'alpha', 3000, 'EUR', 'P1Y', false, 'Drittstadt erhält im Programm Alpha genau 3.000 Euro pro Jahr.')}${participation('fixturstadt', 'beta', 5000, 'EUR', 'P1M', false, 'Fixturstadt erhält im Programm Beta 5.000 Euro pro Monat.')}${participation('fixturstadt', 'gamma', 2000, 'CHF', 'P1Y', false, 'Fixturstadt erhält im Programm Gamma 2.000 Franken pro Jahr.')}  - from: fx-ministerium
    type: FUNDS
    to: fx-alpha
    fundingAmount: 1000000
    fundingCurrency: EUR
    cite: [Das Fixturministerium stellt für das Programm Alpha insgesamt 1.000.000 Euro bereit.]
  - from: fx-ministerium
    type: FUNDS
    to: fx-beta
    cite: [Das Fixturministerium fördert auch das Programm Beta.]
`;

/** Imports the fixture beside the seeds; the returned function removes it again. */
export async function importStatsFixture(db: Database): Promise<() => Promise<void>> {
  return importDataset(
    db,
    STATS_FIXTURE_DATASET,
    { 'sources.yaml': SOURCES, 'facts.yaml': FACTS },
    { 'fx-doc.txt': TEXT },
  );
}
