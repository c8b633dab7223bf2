import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DISTRICTS_HEADER, parseDistrictLine, readDistricts } from './csv';
import { ReferenceDataError } from './errors';
import { DISTRICTS_CSV } from './import';

const BOCHUM = '05911;Kreisfreie Stadt;Bochum, Stadt;DEA51;145.66;364628;177699;186929;2503';

describe('districts CSV', () => {
  it('parses a row and keeps the line verbatim', () => {
    expect(parseDistrictLine(BOCHUM, 106, 'x.csv')).toEqual({
      ags: '05911',
      type: 'Kreisfreie Stadt',
      name: 'Bochum, Stadt',
      nuts3: 'DEA51',
      areaKm2: 145.66,
      population: 364628,
      populationMale: 177699,
      populationFemale: 186929,
      populationPerKm2: 2503,
      line: BOCHUM,
      lineNo: 106,
    });
  });

  it.each([
    ['05911;Kreisfreie Stadt;Bochum', 'expected 9 fields'],
    [BOCHUM.replace('05911', '5911'), 'AGS "5911" is not five digits'],
    [BOCHUM.replace('DEA51', 'XX'), 'NUTS3 code "XX" is malformed'],
    [BOCHUM.replace('145.66', '145,66'), 'area_km2 "145,66"'],
    [BOCHUM.replace('364628', '-1'), 'population "-1" is not a whole number'],
    [BOCHUM.replace('Bochum, Stadt', ''), 'name is empty'],
    [BOCHUM.replace('Bochum', '"Bochum'), 'quoted fields'],
  ])('refuses %s', (line, message) => {
    expect(() => parseDistrictLine(line, 7, 'x.csv')).toThrow(ReferenceDataError);
    expect(() => parseDistrictLine(line, 7, 'x.csv')).toThrow(`x.csv:7: ${message}`);
  });

  it('streams the 401 rows of the package, all keys distinct', async () => {
    const rows = [];
    for await (const row of readDistricts(DISTRICTS_CSV)) rows.push(row);
    expect(rows).toHaveLength(401);
    expect(new Set(rows.map((r) => r.ags)).size).toBe(401);
    const text = fs.readFileSync(DISTRICTS_CSV, 'utf8');
    for (const row of rows) expect(text.split('\n')[row.lineNo - 1]).toBe(row.line);
    expect(rows.find((r) => r.ags === '05562')?.line).toBe(
      '05562;Kreis;Recklinghausen;DEA36;761.31;615261;300019;315242;808',
    );
  });

  it('refuses a wrong header, a repeated key and a missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-csv-'));
    const drain = async (file: string) => {
      for await (const row of readDistricts(file)) void row;
    };
    try {
      fs.writeFileSync(path.join(dir, 'h.csv'), `AGS;name\n${BOCHUM}\n`);
      await expect(drain(path.join(dir, 'h.csv'))).rejects.toThrow('h.csv:1: unexpected header');
      fs.writeFileSync(path.join(dir, 'd.csv'), `${DISTRICTS_HEADER}\n${BOCHUM}\n${BOCHUM}\n`);
      await expect(drain(path.join(dir, 'd.csv'))).rejects.toThrow('d.csv:3: AGS 05911 repeats');
      await expect(drain(path.join(dir, 'none.csv'))).rejects.toThrow(ReferenceDataError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
