import { seededApi } from './api';
import { datasetForTests } from './dataset-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * The funding aggregate counts its statements while it groups them (each statement's first row),
 * and reads a programme's funders once per programme. A programme with two funders puts each of
 * its participations in two funder buckets, so the buckets add up to more than the total; these
 * tests fail if a statement is counted once per bucket, or if a funder is lost or doubled.
 */
const DATASET = 'funding-total-fixture';

const TEXT = `Zwei Geldgeber
Das Programm Zwei wird vom Bundesamt und vom Landesamt getragen.
Astadt erhält im Programm Zwei 100 Euro pro Jahr.
Bestadt erhält im Programm Zwei 200 Euro pro Jahr.
Astadt erhält im Programm Ohne 50 Euro pro Jahr.
Das Bundesamt stellt für das Programm Zwei 1.000 Euro bereit.`;

const SOURCES = `
entities:
  - type: SourceDocument
    id: ft-doc
    title: Zwei Geldgeber
    kind: PRESS_RELEASE
    language: de
    file: ft-doc.txt
    cite:
      - { doc: ft-doc, quote: Zwei Geldgeber }
`;

const participation = (city: string, programme: string, amount: number, quote: string) => `
  - from: ft-${city}
    type: PARTICIPATES_IN
    to: ft-${programme}
    role: PARTICIPANT
    fundingAmount: ${amount}
    fundingCurrency: EUR
    fundingPer: P1Y
    cite: ['${quote}']`;

const FACTS = `
document: ft-doc
entities:
  - { type: City, id: ft-astadt, name: Astadt, ags: '99200001', cite: [Astadt] }
  - { type: City, id: ft-bestadt, name: Bestadt, ags: '99200002', cite: [Bestadt] }
  - { type: Organisation, id: ft-bund, name: Bundesamt, kind: GOVERNMENT, cite: [Bundesamt] }
  - { type: Organisation, id: ft-land, name: Landesamt, kind: GOVERNMENT, cite: [Landesamt] }
  - { type: Programme, id: ft-zwei, name: Programm Zwei, level: FEDERAL, kind: FUNDING_PROGRAMME, cite: [Programm Zwei] }
  - { type: Programme, id: ft-ohne, name: Programm Ohne, level: MUNICIPAL, kind: PROJECT, cite: [Programm Ohne] }
relations:${participation('astadt', 'zwei', 100, 'Astadt erhält im Programm Zwei 100 Euro pro Jahr.')}${participation('bestadt', 'zwei', 200, 'Bestadt erhält im Programm Zwei 200 Euro pro Jahr.')}${participation('astadt', 'ohne', 50, 'Astadt erhält im Programm Ohne 50 Euro pro Jahr.')}
  - from: ft-bund
    type: FUNDS
    to: ft-zwei
    fundingAmount: 1000
    fundingCurrency: EUR
    cite: ['Das Bundesamt stellt für das Programm Zwei 1.000 Euro bereit.']
  - from: ft-land
    type: FUNDS
    to: ft-zwei
    cite: ['Das Programm Zwei wird vom Bundesamt und vom Landesamt getragen.']
`;

const api = seededApi();
const db = datasetForTests(
  DATASET,
  { 'sources.yaml': SOURCES, 'facts.yaml': FACTS },
  { 'ft-doc.txt': TEXT },
);

const FT = { key: { startsWith: 'ft-' } };

async function funding(args: string, variables: Record<string, unknown> = { ft: FT }) {
  const result = await api().query(
    `query($ft: ProgrammeWhere, $city: CityWhere) { stats { funding(programme: $ft, city: $city, ${args}) {
       total buckets { keys { key } kind currency per count sum statementIds } } } }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return (result.data as any).stats.funding;
}

const lines = (buckets: any[]) =>
  buckets
    .map((b) =>
      [...b.keys.map((k: any) => k.key ?? '∅'), b.kind, b.currency, b.per, b.count, b.sum].join(
        ' ',
      ),
    )
    .sort();

describe('stats: funding totals with several funders per programme', () => {
  it('puts a participation under each funder of its programme and counts it once in the total', async () => {
    const answer = await funding('groupBy: [FUNDER], membersPerBucket: 10');
    expect(lines(answer.buckets)).toEqual([
      'ft-bund PARTICIPATION EUR P1Y 2 300',
      'ft-bund PROGRAMME_FUNDING EUR  1 1000',
      'ft-land PARTICIPATION EUR P1Y 2 300',
      '∅ PARTICIPATION EUR P1Y 1 50',
    ]);
    expect(answer.total).toBe(4);
    const [counted] = (
      await db.executeRead((tx) =>
        tx.run(`MATCH ()-[s:PARTICIPATES_IN|FUNDS]->(p:Programme)
                WHERE s.fundingAmount IS NOT NULL AND p.id STARTS WITH 'ft-'
                RETURN count(s) AS n`),
      )
    ).records;
    expect(answer.total).toBe(counted!.get('n'));
  });

  it('gives the same total grouped by funder and year, by nothing, and by programme', async () => {
    const totals = await Promise.all(
      ['groupBy: [FUNDER, YEAR]', 'groupBy: []', 'groupBy: [PROGRAMME, FUNDER]'].map(
        async (args) => (await funding(args)).total,
      ),
    );
    expect(totals).toEqual([4, 4, 4]);
    const participations = await funding('groupBy: [FUNDER], kinds: [PARTICIPATION]');
    expect(participations.total).toBe(3);
  });

  it('answers a total of 0 and no bucket when no statement matches', async () => {
    const none = await funding('groupBy: [FUNDER]', {
      ft: FT,
      city: { key: { eq: 'ft-nirgendwo' } },
    });
    expect(none).toEqual({ total: 0, buckets: [] });
  });
});
