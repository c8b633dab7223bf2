import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApi } from '../../test/api';
import { dumpDataset, testDatabase } from '../../test/db';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { importSeeds, SEED_DATASET } from '../seed/import';
import { deleteDataset } from '../seed/seed.repository';
import { normaliseWhitespace } from '../seed/documents';
import { ReferenceDataError } from './errors';
import {
  CSV_DOC,
  DISTRICTS_CSV,
  importReference,
  KREISE_XLSX,
  REFERENCE_DATASET,
  XLSX_DOC,
} from './import';
import { readKreiseSheet } from './laender';

/** This file owns the dataset "reference": it imports it and removes it afterwards. */
let db: Database;
let seedBefore: string;
let tmp: string;
const csvText = fs.readFileSync(DISTRICTS_CSV, 'utf8');
const sheetLines = new Set(readKreiseSheet(KREISE_XLSX).lines);
const catalogue = fs.readFileSync(path.join(loadConfig().seed.documentsDir, 'SOURCES.md'), 'utf8');

beforeAll(async () => {
  db = testDatabase();
  await importSeeds(db, { ...loadConfig().seed, dataset: SEED_DATASET });
  await deleteDataset(db, REFERENCE_DATASET);
  seedBefore = await dumpDataset(db, SEED_DATASET);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-reference-'));
});
afterAll(async () => {
  await deleteDataset(db, REFERENCE_DATASET);
  // The seeds' entities are as they were, with or without the reference data beside them.
  expect(await dumpDataset(db, SEED_DATASET)).toBe(seedBefore);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function read<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await db.executeRead((tx) => tx.run(query, params));
  return result.records.map((r) => r.toObject() as T);
}

describe('reference import', () => {
  it('imports 16 Länder and 401 Kreise, each Kreis in its Land, without touching the seeds', async () => {
    const result = await importReference(db);
    expect(result.states).toBe(16);
    expect(result.counties).toBe(401);
    // The seeds hold Nordrhein-Westfalen, Bremen and Kreis Recklinghausen: reused, not duplicated.
    expect(result.reusedNodes.sort()).toEqual([
      'freie-hansestadt-bremen',
      'kreis-recklinghausen',
      'nordrhein-westfalen',
    ]);
    expect(result.counts.nodes).toEqual({ County: 400, SourceDocument: 2, State: 14 });
    // Kreis Recklinghausen → NRW is stated by the seeds already; no second relationship. The two
    // seed cities whose stated AGS begins with a kreisfreie Stadt's key are placed in it;
    // Castrop-Rauxel's Kreis the seeds state, Herten has no stated AGS.
    expect(result.counts.relationships).toEqual({ LOCATED_IN: 402 });
    expect(result.linkedCities).toEqual({ bochum: 'kreis-05911', bremerhaven: 'kreis-04012' });

    const [totals] = await read<{ states: number; counties: number }>(
      `MATCH (s:State) WITH count(s) AS states MATCH (c:County) RETURN states, count(c) AS counties`,
    );
    expect(totals).toEqual({ states: 16, counties: 401 });
    const inLand = await read<{ ags: string }>(
      `MATCH (c:County)-[:LOCATED_IN]->(s:State)
       WHERE substring(c.ags, 0, 2) = s.ags RETURN c.ags AS ags`,
    );
    expect(new Set(inLand.map((r) => r.ags)).size).toBe(401);
    const [dupes] = await read<{ n: number }>(
      `MATCH (c:County)-[r:LOCATED_IN]->(:State) WITH c, count(r) AS k WHERE k > 1 RETURN count(c) AS n`,
    );
    expect(dupes?.n).toBe(0);
  });

  it('stores the figures of known rows as the source states them', async () => {
    const rows = await read<Record<string, unknown>>(
      `MATCH (c:County) WHERE c.ags IN ['05911', '04012']
       RETURN c.id AS id, c.name AS name, c.kind AS kind, c.nuts3 AS nuts3,
              c.population AS population, c.areaKm2 AS areaKm2, c.basis AS basis
       ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: 'kreis-04012',
        name: 'Bremerhaven, Stadt',
        kind: 'Kreisfreie Stadt',
        nuts3: 'DE502',
        population: 113634,
        areaKm2: 101.53,
        basis: 'STATED',
      },
      {
        id: 'kreis-05911',
        name: 'Bochum, Stadt',
        kind: 'Kreisfreie Stadt',
        nuts3: 'DEA51',
        population: 364628,
        areaKm2: 145.66,
        basis: 'STATED',
      },
    ]);
    const states = await read<Record<string, unknown>>(
      `MATCH (s:State {dataset: $dataset}) WHERE s.ags IN ['01', '02', '09']
       RETURN s.id AS id, s.name AS name, s.population AS population, s.areaKm2 AS areaKm2
       ORDER BY id`,
      { dataset: REFERENCE_DATASET },
    );
    expect(states).toEqual([
      { id: 'land-01', name: 'Schleswig-Holstein', population: 2896712, areaKm2: 15804.3 },
      { id: 'land-02', name: 'Hamburg', population: 1841179, areaKm2: 755.09 },
      { id: 'land-09', name: 'Bayern', population: 13076721, areaKm2: 70541.61 },
    ]);
    const rel = await read<Record<string, unknown>>(
      `MATCH (:County {ags: '05911'})-[r:LOCATED_IN]->(s:State)
       RETURN s.id AS state, r.basis AS basis, r.reasoning AS reasoning, r.dataset AS dataset`,
    );
    expect(rel).toEqual([
      {
        state: 'nordrhein-westfalen',
        basis: 'INFERRED',
        reasoning: "the first two digits of the AGS are the Land's key",
        dataset: REFERENCE_DATASET,
      },
    ]);
  });

  it('serves the figures through the API, as node(id:) reads them', async () => {
    const api = await startTestApi();
    try {
      const result = await api.query(`{
        kreis: node(id: "kreis-05911") { ... on County { name kind nuts3 population areaKm2 state { node { key } } } }
        land: node(id: "land-09") { ... on State { name ags population areaKm2 } }
        seeded: node(id: "kreis-recklinghausen") { ... on County { name population areaKm2 } }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        kreis: {
          name: 'Bochum, Stadt',
          kind: 'Kreisfreie Stadt',
          nuts3: 'DEA51',
          population: 364628,
          areaKm2: 145.66,
          state: { node: { key: 'nordrhein-westfalen' } },
        },
        land: { name: 'Bayern', ags: '09', population: 13076721, areaKm2: 70541.61 },
        // Owned by the seeds, which state no figures: none are invented for it.
        seeded: { name: 'Kreis Recklinghausen', population: null, areaKm2: null },
      });
    } finally {
      await api.close();
    }
  });

  it('cites every node and relationship with quotes verbatim in the CSV, the sheet or, for a city, its own source', async () => {
    const cited = await read<{ id: string; sourceIds: string[]; quotes: string[] }>(
      `MATCH (n:Entity {dataset: $dataset}) RETURN n.id AS id, n.sourceIds AS sourceIds, n.quotes AS quotes
       UNION ALL
       MATCH ()-[r]->() WHERE r.dataset = $dataset
       RETURN r.id AS id, r.sourceIds AS sourceIds, r.quotes AS quotes`,
      { dataset: REFERENCE_DATASET },
    );
    expect(cited).toHaveLength(416 + 402);
    const csvLines = new Set(csvText.split('\n'));
    for (const item of cited) {
      expect(item.quotes.length).toBeGreaterThan(0);
      expect(item.sourceIds).toHaveLength(item.quotes.length);
      item.quotes.forEach((quote, i) => {
        const doc = item.sourceIds[i];
        if (doc === 'sources-catalogue') {
          // A city's link also cites the city's own quote that states its AGS.
          expect(item.id).toMatch(/^reference-located-in-\d{8}$/);
          expect(normaliseWhitespace(catalogue)).toContain(quote);
        } else if (doc === CSV_DOC) {
          expect(normaliseWhitespace(csvText)).toContain(quote);
          if (item.id.startsWith('kreis-')) expect(csvLines.has(quote)).toBe(true);
        } else {
          expect(doc).toBe(XLSX_DOC);
          expect(sheetLines.has(quote)).toBe(true);
        }
      });
    }
    const [county] = await read<{ quotes: string[] }>(
      `MATCH (c:County {ags: '05911'}) RETURN c.quotes AS quotes`,
    );
    expect(county?.quotes).toEqual([
      '05911;Kreisfreie Stadt;Bochum, Stadt;DEA51;145.66;364628;177699;186929;2503',
    ]);
  });

  it('is idempotent: a second import changes nothing', async () => {
    const before = await dumpDataset(db, REFERENCE_DATASET);
    const again = await importReference(db);
    expect(again.deletedNodes + again.deletedRelationships).toBe(0);
    expect(await dumpDataset(db, REFERENCE_DATASET)).toBe(before);
  });

  it('refuses a malformed row mid-file with a typed error and keeps the previous dataset', async () => {
    const before = await dumpDataset(db, REFERENCE_DATASET);
    const lines = csvText.split('\n');
    lines[300] = lines[300]!.replace(/;[^;]*$/, ';not-a-number');
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, lines.join('\n'));
    let batches = 0;
    const attempt = importReference(db, {
      csvFile: bad,
      batchSize: 50,
      afterBatch: () => {
        batches += 1;
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(ReferenceDataError);
    await expect(attempt).rejects.toThrow(`${bad}:301: population_per_km2 "not-a-number"`);
    // Batches were written inside the transaction before the bad row, and rolled back.
    expect(batches).toBeGreaterThan(0);
    expect(await dumpDataset(db, REFERENCE_DATASET)).toBe(before);
  });

  it('refuses a missing file before touching the database', async () => {
    const before = await dumpDataset(db, REFERENCE_DATASET);
    await expect(
      importReference(db, { csvFile: path.join(tmp, 'missing.csv') }),
    ).rejects.toBeInstanceOf(ReferenceDataError);
    await expect(
      importReference(db, { xlsxFile: path.join(tmp, 'missing.xlsx') }),
    ).rejects.toBeInstanceOf(ReferenceDataError);
    expect(await dumpDataset(db, REFERENCE_DATASET)).toBe(before);
  });
});
