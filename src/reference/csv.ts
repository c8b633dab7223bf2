import fs from 'node:fs';
import readline from 'node:readline';
import { ReferenceDataError } from './errors';

/** The header of `data/districts.csv` in landkreise-deutschland 3.0.0, exactly. */
export const DISTRICTS_HEADER =
  'AGS;type;name;NUTS3;area_km2;population;population_male;population_female;population_per_km2';

/** One Kreis or kreisfreie Stadt as its CSV row states it. */
export interface DistrictRow {
  /** Five-digit Kreisschlüssel. */
  ags: string;
  /** The source's type: "Kreisfreie Stadt", "Landkreis", "Kreis", "Stadtkreis", "Regionalverband". */
  type: string;
  name: string;
  nuts3: string;
  areaKm2: number;
  population: number;
  populationMale: number;
  populationFemale: number;
  populationPerKm2: number;
  /** The line of the file, verbatim: the quote that cites this row. */
  line: string;
  /** 1-based line number in the file. */
  lineNo: number;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;

/**
 * Parses one data line. The file has no quoting (names contain commas, never semicolons), so a
 * line is nine fields split at ";"; anything else is refused with the file and line.
 */
export function parseDistrictLine(line: string, lineNo: number, file: string): DistrictRow {
  const fail = (problem: string): never => {
    throw new ReferenceDataError(file, lineNo, problem);
  };
  if (line.includes('"')) fail('quoted fields are not expected in this file');
  const fields = line.split(';');
  if (fields.length !== 9) fail(`expected 9 fields separated by ";", found ${fields.length}`);
  const [ags, type, name, nuts3, area, pop, male, female, density] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{5}$/.test(ags)) fail(`AGS "${ags}" is not five digits`);
  if (type.trim() === '' || type !== type.trim()) fail('type is empty or padded');
  if (name.trim() === '' || name !== name.trim()) fail('name is empty or padded');
  if (!/^DE[0-9A-Z]{3}$/.test(nuts3)) fail(`NUTS3 code "${nuts3}" is malformed`);
  if (!DECIMAL.test(area)) fail(`area_km2 "${area}" is not a decimal number`);
  for (const [column, value] of [
    ['population', pop],
    ['population_male', male],
    ['population_female', female],
    ['population_per_km2', density],
  ] as const) {
    if (!INTEGER.test(value)) fail(`${column} "${value}" is not a whole number`);
  }
  return {
    ags,
    type,
    name,
    nuts3,
    areaKm2: Number(area),
    population: Number(pop),
    populationMale: Number(male),
    populationFemale: Number(female),
    populationPerKm2: Number(density),
    line,
    lineNo,
  };
}

/**
 * Streams the rows of the districts CSV line by line (readline), checking the header first and
 * refusing duplicate keys. A missing file or a malformed line throws ReferenceDataError.
 */
export async function* readDistricts(
  file: string,
  onLine: (line: string) => void = () => undefined,
): AsyncGenerator<DistrictRow> {
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new ReferenceDataError(file, null, `cannot read the file (${(error as Error).message})`);
  }
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const seen = new Set<string>();
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo += 1;
      onLine(raw);
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (lineNo === 1) {
        if (line !== DISTRICTS_HEADER) {
          throw new ReferenceDataError(
            file,
            1,
            `unexpected header; expected "${DISTRICTS_HEADER}"`,
          );
        }
        continue;
      }
      if (line === '') continue;
      const row = parseDistrictLine(line, lineNo, file);
      if (seen.has(row.ags)) throw new ReferenceDataError(file, lineNo, `AGS ${row.ags} repeats`);
      seen.add(row.ags);
      yield row;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (lineNo === 0) throw new ReferenceDataError(file, null, 'the file is empty');
}
