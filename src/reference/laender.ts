import { ReferenceDataError } from './errors';
import { readSheet, rowText, type SheetRow } from './xlsx';

/** The sheet of `source/04-kreise.xlsx` that lists the Länder, their Kreise and their totals. */
export const KREISE_SHEET = 'Kreisfreie Städte u. Landkreise';

/** A Land as the sheet states it: its key row and the row its figures come from. */
export interface Land {
  /** Two-digit Land key ("01" … "16"). */
  key: string;
  name: string;
  population: number;
  /** Rounded to the sheet's two decimals (the cell holds binary floating point, e.g. 2083.5500000000002). */
  areaKm2: number;
  /** The Land's key row as text, e.g. "01;Schleswig-Holstein". */
  keyRow: string;
  /**
   * The row the figures are read from, as text: the Land's "Insgesamt" row, or — for Hamburg
   * and Berlin, which the sheet lists without one because the Land is a single kreisfreie Stadt
   * — the row of that one Kreis.
   */
  figuresRow: string;
}

/** A Kreis row of the sheet (columns A–I), for comparing the sheet with the CSV. */
export interface SheetDistrict {
  ags: string;
  text: string;
}

export interface KreiseSheet {
  laender: Land[];
  districts: SheetDistrict[];
  /** Every row of the sheet as text: what quotes from the sheet are checked against. */
  lines: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Reads the Länder from the sheet: a row whose column A is a two-digit key and column B a name
 * starts a Land; its figures are on the next "Insgesamt" row (columns E area, F population)
 * before the next Land, or, where there is none, on the row of its only Kreis. Nothing is summed.
 */
export function parseKreiseSheet(rows: SheetRow[], file: string): KreiseSheet {
  const fail = (row: number | null, problem: string): never => {
    throw new ReferenceDataError(file, row, problem);
  };
  const laender: Land[] = [];
  const districts: SheetDistrict[] = [];
  let current: {
    key: string;
    name: string;
    row: SheetRow;
    total?: SheetRow;
    kreise: SheetRow[];
  } | null = null;
  const finish = () => {
    if (!current) return;
    const only = current.kreise.length === 1 ? current.kreise[0] : undefined;
    const figures =
      current.total ??
      (only && only.cells.A === `${current.key}000` ? only : undefined) ??
      fail(current.row.row, `Land ${current.key} has neither an "Insgesamt" row nor one Kreis`);
    const area = Number(figures.cells.E);
    const population = Number(figures.cells.F);
    if (!Number.isFinite(area) || !Number.isInteger(population)) {
      fail(figures.row, `Land ${current.key}: area or population is not a number`);
    }
    laender.push({
      key: current.key,
      name: current.name,
      population,
      areaKm2: round2(area),
      keyRow: rowText(current.row),
      figuresRow: rowText(figures),
    });
    current = null;
  };
  for (const row of rows) {
    const { A, B, C } = row.cells;
    if (A !== undefined && /^\d{2}$/.test(A) && B !== undefined) {
      finish();
      current = { key: A, name: B, row, kreise: [] };
    } else if (A !== undefined && /^\d{5}$/.test(A)) {
      const land = current as typeof current | null;
      if (!land || !A.startsWith(land.key)) return fail(row.row, `Kreis ${A} outside its Land`);
      land.kreise.push(row);
      districts.push({ ags: A, text: rowText(row) });
    } else if (C === 'Insgesamt' && current && B === undefined && A === undefined) {
      current.total = row;
      finish();
    } else if (B === 'Deutschland') {
      finish();
    }
  }
  finish();
  if (laender.length === 0) fail(null, `no Länder found in sheet "${KREISE_SHEET}"`);
  return { laender, districts, lines: rows.map(rowText) };
}

export function readKreiseSheet(file: string): KreiseSheet {
  return parseKreiseSheet(readSheet(file, KREISE_SHEET), file);
}
