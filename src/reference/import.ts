import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { AppError, ErrorCode } from '../common/errors';
import type { Database } from '../db/database';
import type { NodeLabel } from '../model/model';
import { nodeProperties, relationProperties } from '../seed/properties';
import {
  applySchema,
  countDataset,
  deleteStaleNodes,
  deleteStaleRelations,
  findConflicts,
  readSchemaStatements,
  upsertNodes,
  writeDatasetState,
  type Counts,
  type NodeRow,
  type RelationRow,
} from '../seed/seed.repository';
import type { Citation, Grounding, SeedNode, SeedRelation } from '../seed/types';
import { readDistricts, type DistrictRow } from './csv';
import { ReferenceDataError } from './errors';
import { readKreiseSheet, type Land } from './laender';
import { foreignByAgs, keyedCities, upsertLocatedIn, type KeyedCity } from './reference.repository';

import { REFERENCE_DATASET } from './dataset';

export { REFERENCE_DATASET };
/** Bump when what the importer derives from the files changes. */
const FORMAT = 2;

const PACKAGE = 'landkreise-deutschland';
const PACKAGE_DIR = path.dirname(require.resolve(`${PACKAGE}/package.json`));
export const DISTRICTS_CSV = path.join(PACKAGE_DIR, 'data', 'districts.csv');
export const KREISE_XLSX = path.join(PACKAGE_DIR, 'source', '04-kreise.xlsx');

export const CSV_DOC = 'destatis-kreise-2018-csv';
export const XLSX_DOC = 'destatis-kreise-2018-xlsx';
const DESTATIS_URL =
  'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html';
/** The attribution CC BY 4.0 asks for, as the package states it. */
export const ATTRIBUTION =
  '© Statistisches Bundesamt (Destatis), 2019, Daten im Auftrag der Herausgebergemeinschaft ' +
  'Statistische Ämter des Bundes und der Länder. Gebietsstand 31.12.2018. Licence CC BY 4.0 ' +
  '(https://creativecommons.org/licenses/by/4.0/). Via the npm package landkreise-deutschland ' +
  '3.0.0 (https://github.com/mojoaxel/landkreise-deutschland).';
const TITLE = 'Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte';
const LOCATED_IN_REASONING = "the first two digits of the AGS are the Land's key";
/** A city in the Kreis whose key begins its AGS, said apart for a city that is its own Kreis. */
const CITY_IN_KREIS_REASONING = "the first five digits of the city's AGS are the key of its Kreis";
const CITY_IS_KREIS_REASONING =
  "the city's AGS begins with the key of this kreisfreie Stadt: the city forms this Kreis itself";
/** The source's types of a row that is a city forming a Kreis of its own. */
const CITY_KREIS_TYPES: readonly string[] = ['Kreisfreie Stadt', 'Stadtkreis'];

export const landId = (key: string) => `land-${key}`;
export const kreisId = (ags: string) => `kreis-${ags}`;
/** The id of a Kreis's LOCATED_IN (five digits) or a city's (its eight-digit AGS). */
export const locatedInId = (ags: string) => `reference-located-in-${ags}`;

export interface ReferenceOptions {
  csvFile?: string;
  xlsxFile?: string;
  dataset?: string;
  /** Rows per UNWIND statement (default 200). */
  batchSize?: number;
  log?: (line: string) => void;
  /** Test hook: called after each batch of Kreise is written, inside the transaction. */
  afterBatch?: (written: number) => Promise<void> | void;
}

export interface ReferenceResult {
  counts: Counts;
  states: number;
  counties: number;
  /** Rows whose node another dataset owns (left alone; the relationships attach to it). */
  reusedNodes: string[];
  /** Cities of other datasets placed in their Kreis by their AGS: city id → Kreis id. */
  linkedCities: Record<string, string>;
  deletedNodes: number;
  deletedRelationships: number;
}

const STATED: Grounding = { basis: 'STATED' };

function node(
  type: NodeLabel,
  id: string,
  fields: Record<string, unknown>,
  cite: Citation[],
  file: string,
  line: number,
): SeedNode {
  return { type, id, fields, cite, grounding: STATED, at: { file, line, entry: id } };
}

function sourceDocuments(csvHeader: string, sheetLines: string[]): SeedNode[] {
  const common = {
    kind: 'CATALOGUE',
    publisher: 'Statistisches Bundesamt (Destatis)',
    published: '2019',
    url: DESTATIS_URL,
    language: 'de',
    note: ATTRIBUTION,
  };
  const period = sheetLines.find((l) => l.startsWith('Gebietsstand:')) ?? 'Gebietsstand';
  return [
    node(
      'SourceDocument',
      CSV_DOC,
      { ...common, title: `${TITLE} (CSV)`, file: `${PACKAGE}/data/districts.csv` },
      [{ doc: CSV_DOC, quote: csvHeader }],
      `${PACKAGE}/data/districts.csv`,
      1,
    ),
    node(
      'SourceDocument',
      XLSX_DOC,
      { ...common, title: TITLE, file: `${PACKAGE}/source/04-kreise.xlsx` },
      [
        { doc: XLSX_DOC, quote: TITLE },
        { doc: XLSX_DOC, quote: period },
      ],
      `${PACKAGE}/source/04-kreise.xlsx`,
      1,
    ),
  ];
}

function stateNode(land: Land): SeedNode {
  return node(
    'State',
    landId(land.key),
    {
      name: land.name,
      ags: land.key,
      kind: 'Land',
      population: neo4j.int(land.population),
      areaKm2: land.areaKm2,
    },
    [
      { doc: XLSX_DOC, quote: land.keyRow },
      { doc: XLSX_DOC, quote: land.figuresRow },
    ],
    `${PACKAGE}/source/04-kreise.xlsx`,
    0,
  );
}

function countyNode(row: DistrictRow): SeedNode {
  return node(
    'County',
    kreisId(row.ags),
    {
      name: row.name,
      ags: row.ags,
      kind: row.type,
      nuts3: row.nuts3,
      population: neo4j.int(row.population),
      areaKm2: row.areaKm2,
    },
    [{ doc: CSV_DOC, quote: row.line }],
    `${PACKAGE}/data/districts.csv`,
    row.lineNo,
  );
}

function locatedIn(row: DistrictRow, land: Land, from: string, to: string): SeedRelation {
  return {
    type: 'LOCATED_IN',
    id: locatedInId(row.ags),
    from,
    to,
    fields: {},
    cite: [
      { doc: CSV_DOC, quote: row.line },
      { doc: XLSX_DOC, quote: land.keyRow },
    ],
    grounding: { basis: 'INFERRED', reasoning: LOCATED_IN_REASONING },
    at: { file: `${PACKAGE}/data/districts.csv`, line: row.lineNo, entry: locatedInId(row.ags) },
  };
}

/**
 * A city of another dataset in the Kreis (or kreisfreie Stadt) whose key its AGS begins with,
 * citing the Kreis's row and the city's own quote that writes the AGS.
 */
function cityInKreis(row: DistrictRow, city: KeyedCity, kreis: string): SeedRelation {
  const reasoning = CITY_KREIS_TYPES.includes(row.type)
    ? CITY_IS_KREIS_REASONING
    : CITY_IN_KREIS_REASONING;
  return {
    type: 'LOCATED_IN',
    id: locatedInId(city.ags),
    from: city.id,
    to: kreis,
    fields: {},
    cite: [
      { doc: CSV_DOC, quote: row.line },
      { doc: city.doc, quote: city.quote },
    ],
    grounding: { basis: 'INFERRED', reasoning },
    at: { file: `${PACKAGE}/data/districts.csv`, line: row.lineNo, entry: locatedInId(city.ags) },
  };
}

/**
 * Imports the 16 Länder (from the xlsx) and the 401 Kreise and kreisfreie Städte (streamed from
 * the CSV) as the dataset "reference", in ONE transaction: a malformed row anywhere rolls back
 * everything written before it, so the previous version of the dataset stays as it was.
 * Territorial bodies another dataset already holds (same label and AGS) are left alone; the
 * reference relationships attach to them. Cities other datasets hold (the seeds') are placed in
 * their Kreis by the AGS one of their own quotes states, unless their dataset already does so;
 * a city without a stated AGS is left where it is (no key is guessed).
 */
export async function importReference(
  db: Database,
  options: ReferenceOptions = {},
): Promise<ReferenceResult> {
  const csvFile = options.csvFile ?? DISTRICTS_CSV;
  const xlsxFile = options.xlsxFile ?? KREISE_XLSX;
  const dataset = options.dataset ?? REFERENCE_DATASET;
  const batchSize = options.batchSize ?? 200;
  const log = options.log ?? (() => undefined);

  // Everything that can be checked before the database is: the sheet (small) and the CSV file.
  const sheet = readKreiseSheet(xlsxFile);
  const laender = new Map(sheet.laender.map((l) => [l.key, l]));
  try {
    fs.accessSync(csvFile, fs.constants.R_OK);
  } catch (error) {
    throw new ReferenceDataError(
      csvFile,
      null,
      `cannot read the file (${(error as Error).message})`,
    );
  }
  log(`read ${sheet.laender.length} Länder from ${path.basename(xlsxFile)}`);

  await applySchema(db, readSchemaStatements());

  return db.executeWrite(async (tx) => {
    const digest = createHash('sha256').update(`format ${FORMAT}\0`);
    digest.update(fs.readFileSync(xlsxFile));
    const nodeIds: string[] = [];
    const relIds: string[] = [];
    const reused: string[] = [];

    const writeOwn = async (label: NodeLabel, nodes: SeedNode[]) => {
      const conflicts = await findConflicts(
        tx,
        dataset,
        nodes.map((n) => ({ id: n.id, type: n.type })),
      );
      if (conflicts.length > 0) {
        throw new AppError(
          ErrorCode.SEED_INVALID,
          `reference ids already used by other data; nothing was written: ${conflicts
            .map((c) => `${c.id} (${c.labels.join(':')}, dataset "${c.dataset ?? 'none'}")`)
            .join(', ')}`,
        );
      }
      const rows: NodeRow[] = nodes.map((n) => ({ id: n.id, props: nodeProperties(n, dataset) }));
      await upsertNodes(tx, label, rows);
      nodeIds.push(...nodes.map((n) => n.id));
    };

    // The Länder first, so every Kreis finds its Land.
    const foreignStates = await foreignByAgs(tx, 'State', dataset, [...laender.keys()]);
    const stateIds = new Map<string, string>();
    const ownStates: SeedNode[] = [];
    for (const land of sheet.laender) {
      const foreign = foreignStates.get(land.key);
      if (foreign) reused.push(foreign);
      else ownStates.push(stateNode(land));
      stateIds.set(land.key, foreign ?? landId(land.key));
    }
    // Cities by the Kreis key their AGS begins with.
    const citiesByKreis = new Map<string, KeyedCity[]>();
    for (const city of await keyedCities(tx, dataset)) {
      // The links depend on the other datasets' cities too, so their keys enter the digest.
      digest.update(`city ${city.id} ${city.ags}\0`);
      const key = city.ags.slice(0, 5);
      citiesByKreis.set(key, [...(citiesByKreis.get(key) ?? []), city]);
    }
    const linkedCities: Record<string, string> = {};
    let csvHeader: string | null = null;
    const rows = readDistricts(csvFile, (line) => {
      csvHeader ??= line;
      digest.update(line).update('\n');
    });

    let counties = 0;
    let batch: DistrictRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const foreign = await foreignByAgs(
        tx,
        'County',
        dataset,
        batch.map((r) => r.ags),
      );
      const own = batch.filter((r) => !foreign.has(r.ags)).map(countyNode);
      reused.push(...foreign.values());
      await writeOwn('County', own);
      const rels: RelationRow[] = batch.map((r) => {
        const land = laender.get(r.ags.slice(0, 2));
        if (!land) {
          throw new ReferenceDataError(csvFile, r.lineNo, `no Land with key ${r.ags.slice(0, 2)}`);
        }
        const rel = locatedIn(
          r,
          land,
          foreign.get(r.ags) ?? kreisId(r.ags),
          stateIds.get(land.key)!,
        );
        return { id: rel.id, from: rel.from, to: rel.to, props: relationProperties(rel, dataset) };
      });
      const cityRels: RelationRow[] = batch.flatMap((r) =>
        (citiesByKreis.get(r.ags) ?? []).map((city) => {
          const rel = cityInKreis(r, city, foreign.get(r.ags) ?? kreisId(r.ags));
          return {
            id: rel.id,
            from: rel.from,
            to: rel.to,
            props: relationProperties(rel, dataset),
          };
        }),
      );
      const written = new Set(await upsertLocatedIn(tx, dataset, [...rels, ...cityRels]));
      relIds.push(...written);
      for (const rel of cityRels) if (written.has(rel.id)) linkedCities[rel.from] = rel.to;
      counties += batch.length;
      batch = [];
      await options.afterBatch?.(counties);
    };

    let first = true;
    for await (const row of rows) {
      if (first) {
        // The header is known once the first row is read; the sources and Länder go first.
        await writeOwn('SourceDocument', sourceDocuments(csvHeader!, sheet.lines));
        await writeOwn('State', ownStates);
        first = false;
      }
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (counties === 0) throw new ReferenceDataError(csvFile, null, 'the file has no rows');

    const deletedRelationships = await deleteStaleRelations(tx, dataset, relIds);
    const { deleted } = await deleteStaleNodes(tx, dataset, nodeIds);
    const counts = await countDataset(tx, dataset);
    await writeDatasetState(tx, dataset, digest.digest('hex'), counts);
    log(`${sheet.laender.length} Länder and ${counties} Kreise read`);
    return {
      counts,
      states: sheet.laender.length,
      counties,
      reusedNodes: reused,
      linkedCities,
      deletedNodes: deleted,
      deletedRelationships,
    };
  });
}
