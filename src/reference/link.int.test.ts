import fs from 'node:fs';
import { startTestApi, type TestApi } from '../../test/api';
import { dumpDataset, testDatabase } from '../../test/db';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { importSeeds, SEED_DATASET } from '../seed/import';
import { deleteDataset } from '../seed/seed.repository';
import { DISTRICTS_CSV, importReference, REFERENCE_DATASET } from './import';

/*
 * The seed cities placed in the reference Kreise and Länder (issue 12): after the seeds and the
 * reference data, each city answers its Kreis and Land through the API, filters and stats by
 * Land and Kreis give exact city sets, removing the reference data removes the links, and the
 * order of the two imports does not matter. This file owns the dataset "reference": it imports
 * it and removes it afterwards; the seeds are as the other tests expect them.
 */
let db: Database;
let api: TestApi;
let seedBefore: string;

const HERTEN_NOTE =
  "No source the project cites states Herten's AGS; the one text that names the city (bochum-leben-im-alter-2020) gives no key, and the Destatis table of the reference data lists Kreise, not municipalities.";
const CITY_IS_KREIS =
  "the city's AGS begins with the key of this kreisfreie Stadt: the city forms this Kreis itself";

const csvLine = (ags: string) =>
  fs
    .readFileSync(DISTRICTS_CSV, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${ags};`))!;

beforeAll(async () => {
  db = testDatabase();
  await deleteDataset(db, REFERENCE_DATASET);
  await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
  seedBefore = await dumpDataset(db, SEED_DATASET);
  await importReference(db);
  api = await startTestApi();
});
afterAll(async () => {
  try {
    // The seeds as the other tests expect them: imported afresh, not nodes taken over.
    await deleteDataset(db, REFERENCE_DATASET);
    await deleteDataset(db, SEED_DATASET);
    await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
    expect(await dumpDataset(db, SEED_DATASET)).toBe(seedBefore);
  } finally {
    await api.close();
    await db.close();
  }
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON
async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api.query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function cityKeys(where: Record<string, unknown>, basis?: string): Promise<string[]> {
  const data = await ok(
    `query($where: CityWhere, $basis: BasisFilter) {
       cities(where: $where, basis: $basis, first: 100) { nodes { key } } }`,
    { where, basis: basis ?? null },
  );
  return (data.cities.nodes as { key: string }[]).map((n) => n.key).sort();
}

const PLACES = `{ cities(first: 100) { nodes {
  key ags agsNote
  county { node { key } basis reasoning }
  state { node { key } basis }
} } }`;

describe('seed cities in the reference Kreise and Länder', () => {
  it('answers each seed city its exact Kreis, Land and AGS (or why it has none)', async () => {
    const data = await ok(PLACES);
    expect(data.cities.nodes).toEqual([
      {
        key: 'bochum',
        ags: '05911000',
        agsNote: null,
        // A kreisfreie Stadt lies in the Kreis it forms: the reference County of its key.
        county: { node: { key: 'kreis-05911' }, basis: 'INFERRED', reasoning: CITY_IS_KREIS },
        // Its Land as the seeds state it directly, not once more through the Kreis.
        state: { node: { key: 'nordrhein-westfalen' }, basis: 'STATED' },
      },
      {
        key: 'bremerhaven',
        ags: '04012000',
        agsNote: null,
        county: { node: { key: 'kreis-04012' }, basis: 'INFERRED', reasoning: CITY_IS_KREIS },
        state: { node: { key: 'freie-hansestadt-bremen' }, basis: 'STATED' },
      },
      {
        key: 'castrop-rauxel',
        ags: '05562004',
        agsNote: null,
        // The seeds state its Kreis; the reference import adds no second link.
        county: { node: { key: 'kreis-recklinghausen' }, basis: 'STATED', reasoning: null },
        state: { node: { key: 'nordrhein-westfalen' }, basis: 'STATED' },
      },
      {
        key: 'herten',
        ags: null,
        agsNote: HERTEN_NOTE,
        // No source states its key or its Kreis: nothing is guessed.
        county: null,
        state: null,
      },
    ]);
  });

  it('cites the Destatis row and the city’s own statement of its AGS for each link it adds', async () => {
    const data = await ok(`{
      bochum: node(id: "bochum") { ... on City { county { sources { quote document { key } } } } }
      bremerhaven: node(id: "bremerhaven") { ... on City { county { sources { quote document { key } } } } }
    }`);
    expect(data.bochum.county.sources).toEqual([
      { quote: csvLine('05911'), document: { key: 'destatis-kreise-2018-csv' } },
      {
        quote: 'Bochum 05911000 (kreisfreie Stadt, Nordrhein-Westfalen)',
        document: { key: 'sources-catalogue' },
      },
    ]);
    expect(data.bremerhaven.county.sources).toEqual([
      { quote: csvLine('04012'), document: { key: 'destatis-kreise-2018-csv' } },
      {
        quote: 'Bremerhaven 04012000 (kreisfreie Stadt, Freie Hansestadt Bremen)',
        document: { key: 'sources-catalogue' },
      },
    ]);
    const links = await db.executeRead((tx) =>
      tx.run(
        `MATCH (c:City)-[r:LOCATED_IN]->(k:County) WHERE r.dataset = $dataset
         RETURN c.id AS city, k.id AS kreis, r.id AS id ORDER BY city`,
        { dataset: REFERENCE_DATASET },
      ),
    );
    expect(links.records.map((r) => r.toObject())).toEqual([
      { city: 'bochum', kreis: 'kreis-05911', id: 'reference-located-in-05911000' },
      { city: 'bremerhaven', kreis: 'kreis-04012', id: 'reference-located-in-04012000' },
    ]);
  });

  it('filters cities by Land and Kreis to exact sets', async () => {
    const land = (key: string) => ({ state: { some: { key: { eq: key } } } });
    const kreis = (key: string) => ({ county: { some: { key: { eq: key } } } });
    expect(await cityKeys(land('nordrhein-westfalen'))).toEqual(['bochum', 'castrop-rauxel']);
    expect(await cityKeys(land('freie-hansestadt-bremen'))).toEqual(['bremerhaven']);
    expect(await cityKeys(land('land-09'))).toEqual([]);
    expect(await cityKeys({ state: { none: {} } })).toEqual(['herten']);
    expect(await cityKeys(kreis('kreis-05911'))).toEqual(['bochum']);
    expect(await cityKeys(kreis('kreis-04012'))).toEqual(['bremerhaven']);
    expect(await cityKeys(kreis('kreis-recklinghausen'))).toEqual(['castrop-rauxel']);
    expect(await cityKeys({ county: { none: {} } })).toEqual(['herten']);
    expect(await cityKeys({ county: { some: { kind: { eq: 'Kreisfreie Stadt' } } } })).toEqual([
      'bochum',
      'bremerhaven',
    ]);
    // City → Kreis → Land, the way a kreisangehörige city and a kreisfreie Stadt alike reach it.
    expect(
      await cityKeys({
        county: { some: { state: { some: { key: { eq: 'nordrhein-westfalen' } } } } },
      }),
    ).toEqual(['bochum', 'castrop-rauxel']);
    // The links the reference data adds are INFERRED: a STATED-only view does not follow them.
    expect(await cityKeys(kreis('kreis-05911'), 'STATED')).toEqual([]);
    expect(await cityKeys(land('nordrhein-westfalen'), 'STATED')).toEqual([
      'bochum',
      'castrop-rauxel',
    ]);
  });

  it('answers the cities of a Kreis and of a Land from their side', async () => {
    const data = await ok(`{
      bochum: node(id: "kreis-05911") { ... on County { cities { totalCount nodes { node { key } } } } }
      recklinghausen: node(id: "kreis-recklinghausen") { ... on County { cities { totalCount nodes { node { key } } } } }
      dortmund: node(id: "kreis-05913") { ... on County { cities { totalCount nodes { node { key } } } } }
      nrw: node(id: "nordrhein-westfalen") { ... on State { cities { totalCount nodes { node { key } } } } }
    }`);
    expect(data).toEqual({
      bochum: { cities: { totalCount: 1, nodes: [{ node: { key: 'bochum' } }] } },
      recklinghausen: { cities: { totalCount: 1, nodes: [{ node: { key: 'castrop-rauxel' } }] } },
      dortmund: { cities: { totalCount: 0, nodes: [] } },
      // State.cities are the cities lying directly in the Land, as the seeds state it.
      nrw: { cities: { totalCount: 1, nodes: [{ node: { key: 'bochum' } }] } },
    });
  });

  it('counts cities and Kreise by Land exactly', async () => {
    const data = await ok(`{ stats {
      cities(groupBy: [STATE], membersPerBucket: 100) { total buckets { keys { key } count members { key } } }
      counties(groupBy: [STATE], where: {state: {some: {key: {eq: "nordrhein-westfalen"}}}}) {
        total buckets { keys { key } count } }
    } }`);
    const buckets = (data.stats.cities.buckets as { keys: { key: string | null }[] }[]).sort(
      (a, b) => String(a.keys[0]!.key).localeCompare(String(b.keys[0]!.key)),
    );
    expect({ total: data.stats.cities.total, buckets }).toEqual({
      total: 4,
      buckets: [
        {
          keys: [{ key: 'freie-hansestadt-bremen' }],
          count: 1,
          members: [{ key: 'bremerhaven' }],
        },
        {
          keys: [{ key: 'nordrhein-westfalen' }],
          count: 2,
          members: [{ key: 'bochum' }, { key: 'castrop-rauxel' }],
        },
        { keys: [{ key: null }], count: 1, members: [{ key: 'herten' }] },
      ],
    });
    // Every NRW row of the Destatis table (key 05…) is a Kreis of the seeds' NRW node.
    const nrwRows = fs
      .readFileSync(DISTRICTS_CSV, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('05')).length;
    expect(nrwRows).toBe(53);
    expect(data.stats.counties).toEqual({
      total: nrwRows,
      buckets: [{ keys: [{ key: 'nordrhein-westfalen' }], count: nrwRows }],
    });
  });

  it('re-importing either dataset keeps the links; removing the reference data removes them', async () => {
    const reference = await dumpDataset(db, REFERENCE_DATASET);
    await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
    const again = await importReference(db);
    expect(again.linkedCities).toEqual({
      bochum: 'kreis-05911',
      bremerhaven: 'kreis-04012',
    });
    expect(await dumpDataset(db, REFERENCE_DATASET)).toBe(reference);

    await deleteDataset(db, REFERENCE_DATASET); // what `npm run reference -- --remove` does
    const data = await ok(PLACES);
    expect(
      (data.cities.nodes as { key: string; county: { node: { key: string } } | null }[]).map(
        (c) => [c.key, c.county?.node.key ?? null],
      ),
    ).toEqual([
      ['bochum', null],
      ['bremerhaven', null],
      ['castrop-rauxel', 'kreis-recklinghausen'],
      ['herten', null],
    ]);
    const [left] = (
      await db.executeRead((tx) =>
        tx.run(
          `MATCH (:City)-[r:LOCATED_IN]->() RETURN count(r) AS all, count(r.dataset = $dataset OR NULL) AS reference`,
          { dataset: REFERENCE_DATASET },
        ),
      )
    ).records.map((r) => r.toObject());
    // Castrop-Rauxel → Kreis Recklinghausen, Bochum → NRW, Bremerhaven → Bremen: the seeds' own.
    expect(left).toEqual({ all: 3, reference: 0 });
    expect(await dumpDataset(db, SEED_DATASET)).toBe(seedBefore);
    await importReference(db);
  });

  it('gives the same graph when the reference data is imported before the seeds', async () => {
    const reference = await dumpDataset(db, REFERENCE_DATASET);
    await deleteDataset(db, REFERENCE_DATASET);
    await deleteDataset(db, SEED_DATASET);
    await importReference(db);
    // The seeds take over the Länder and the Kreis the reference data made for their keys …
    const seeded = await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
    expect([...seeded.takenOver].sort()).toEqual([
      'kreis-05562 → kreis-recklinghausen',
      'land-04 → freie-hansestadt-bremen',
      'land-05 → nordrhein-westfalen',
    ]);
    expect(await dumpDataset(db, SEED_DATASET)).toBe(seedBefore);
    // … and the reference import, run again, places the cities and tidies up what it owned.
    const again = await importReference(db);
    expect(again.linkedCities).toEqual({
      bochum: 'kreis-05911',
      bremerhaven: 'kreis-04012',
    });
    expect(await dumpDataset(db, REFERENCE_DATASET)).toBe(reference);
  });
});
