import { seededApi } from './api';
import { datasetForTests } from './dataset-fixture';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/**
 * A member that reaches one year along two walks, once certainly and once uncertainly, is
 * counted once in that year, and as certain: Emil took up one post in 2019 and another in
 * "winter 2019" (December 2019 to February 2020, so its year may be 2020). Its own dataset,
 * keys `ym-…`, imported through the importer so that date bounds are stored as for real data.
 */
const DATASET = 'stats-year-merge';
const Q = {
  doc: 'Zwei Posten im Jahr 2019',
  city: 'Die Stadt Jahrstadt (Gemeindeschlüssel 99300001) liegt im Westen.',
  amt: 'Das Jahramt gehört zur Stadtverwaltung Jahrstadt.',
  stelle: 'Die Jahrstelle gehört zur Stadtverwaltung Jahrstadt.',
  emilAmt: 'Emil Eck leitet seit 2019 das Jahramt.',
  emilStelle: 'Emil Eck leitet seit dem Winter 2019 auch die Jahrstelle.',
  frida: 'Frida Fuchs arbeitet seit dem Winter 2019 in der Jahrstelle.',
} as const;

const SOURCES = `
entities:
  - type: SourceDocument
    id: ym-doc
    title: ${Q.doc}
    kind: PRESS_RELEASE
    language: de
    file: ym-doc.txt
    cite:
      - { doc: ym-doc, quote: ${Q.doc} }
`;

const FACTS = `
document: ym-doc
entities:
  - { type: City, id: ym-jahrstadt, name: Jahrstadt, ags: '99300001', cite: '${Q.city}' }
  - { type: OrgUnit, id: ym-amt, name: Jahramt, kind: OFFICE, cite: '${Q.amt}' }
  - { type: OrgUnit, id: ym-stelle, name: Jahrstelle, kind: STAFF_UNIT, cite: '${Q.stelle}' }
  - { type: Person, id: ym-emil, name: Emil Eck, cite: '${Q.emilAmt}' }
  - { type: Person, id: ym-frida, name: Frida Fuchs, cite: '${Q.frida}' }
relations:
  - { from: ym-amt, type: BELONGS_TO, to: ym-jahrstadt, cite: '${Q.amt}' }
  - { from: ym-stelle, type: BELONGS_TO, to: ym-jahrstadt, cite: '${Q.stelle}' }
  - { from: ym-emil, type: HOLDS_POST, to: ym-amt, role: HEAD, roleTitle: Leiter, since: '2019', cite: '${Q.emilAmt}' }
  - { from: ym-emil, type: HOLDS_POST, to: ym-stelle, role: HEAD, roleTitle: Leiter, since: '2019-24', cite: '${Q.emilStelle}' }
  - { from: ym-frida, type: HOLDS_POST, to: ym-stelle, role: MEMBER, roleTitle: Mitarbeiterin, since: '2019-24', cite: '${Q.frida}' }
`;

const api = seededApi();
datasetForTests(
  DATASET,
  { 'sources.yaml': SOURCES, 'facts.yaml': FACTS },
  { 'ym-doc.txt': Object.values(Q).join('\n') },
);

it('counts a person reaching one year certainly and uncertainly once, and as certain', async () => {
  const result = await api().query(
    `{ stats { people(where: { key: { startsWith: "ym-" } }, groupBy: [YEAR, ORG_UNIT_KIND],
        yearOf: SINCE, membersPerBucket: 10) {
      total buckets { keys { key } count uncertainCount memberIds }
    } } }`,
  );
  expect(result.errors).toBeUndefined();
  const count = (result.data as any).stats.people;
  expect(count.total).toBe(2);
  const rows = count.buckets.map((b: any) => [
    b.keys.map((k: any) => k.key).join('|'),
    b.count,
    b.uncertainCount,
    b.memberIds.length,
  ]);
  expect(rows.sort()).toEqual([
    // The dimensions are independent: Emil has a certain 2019 (the Jahramt) and a staff unit.
    ['2019|OFFICE', 1, 0, 1],
    ['2019|STAFF_UNIT', 2, 1, 2],
  ]);
});

it('counts each person once in a year without a second dimension', async () => {
  const result = await api().query(
    `{ stats { people(where: { key: { startsWith: "ym-" } }, groupBy: [YEAR], yearOf: SINCE) {
      total buckets { keys { key } count uncertainCount }
    } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect((result.data as any).stats.people).toEqual({
    total: 2,
    buckets: [{ keys: [{ key: '2019' }], count: 2, uncertainCount: 1 }],
  });
});
