import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ReferenceDataError } from './errors';
import { DISTRICTS_CSV, KREISE_XLSX } from './import';
import { readKreiseSheet } from './laender';
import { decodeXml, parseSharedStrings, parseSheet, readZip, rowText } from './xlsx';

describe('xlsx reader', () => {
  it('reads shared strings, inline strings, values and escapes', () => {
    const shared = parseSharedStrings(
      '<sst><si><t>Bochum</t></si><si><r><t>Rich </t></r><r><t xml:space="preserve">text</t></r></si><si/></sst>',
    );
    expect(shared).toEqual(['Bochum', 'Rich text', '']);
    const rows = parseSheet(
      '<sheetData><row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><v>1.5</v></c>' +
        '<c r="C3" t="inlineStr"><is><t>A &amp; B</t></is></c><c r="D3"/></row><row r="4"/></sheetData>',
      shared,
    );
    expect(rows).toEqual([
      { row: 3, cells: { A: 'Bochum', B: '1.5', C: 'A & B' } },
      { row: 4, cells: {} },
    ]);
    expect(rowText(rows[0]!)).toBe('Bochum;1.5;A & B');
    expect(decodeXml('&#x41;&#66;&lt;')).toBe('AB<');
  });

  it('reads the entries of the zip archive', () => {
    const zip = readZip(KREISE_XLSX);
    expect(zip.get('xl/workbook.xml')?.toString('utf8')).toContain(
      'Kreisfreie Städte u. Landkreise',
    );
  });

  it('refuses a file that is not a zip archive, and a missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-xlsx-'));
    try {
      const file = path.join(dir, 'x.xlsx');
      fs.writeFileSync(file, zlib.deflateRawSync(Buffer.from('not a zip')));
      expect(() => readZip(file)).toThrow(ReferenceDataError);
      expect(() => readZip(path.join(dir, 'none.xlsx'))).toThrow('cannot read the file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Länder of 04-kreise.xlsx', () => {
  const sheet = readKreiseSheet(KREISE_XLSX);

  it('are the 16 Länder with the figures of their own rows', () => {
    expect(sheet.laender.map((l) => `${l.key} ${l.name}`)).toEqual([
      '01 Schleswig-Holstein',
      '02 Hamburg',
      '03 Niedersachsen',
      '04 Bremen',
      '05 Nordrhein-Westfalen',
      '06 Hessen',
      '07 Rheinland-Pfalz',
      '08 Baden-Württemberg',
      '09 Bayern',
      '10 Saarland',
      '11 Berlin',
      '12 Brandenburg',
      '13 Mecklenburg-Vorpommern',
      '14 Sachsen',
      '15 Sachsen-Anhalt',
      '16 Thüringen',
    ]);
    const nrw = sheet.laender.find((l) => l.key === '05')!;
    expect(nrw).toMatchObject({ population: 17932651, areaKm2: 34112.31 });
    expect(nrw.keyRow).toBe('05;Nordrhein-Westfalen');
    expect(nrw.figuresRow).toBe('Insgesamt;34112.31;17932651;8798631;9134020;526');
    // Berlin and Hamburg have no "Insgesamt" row: the figures are those of their one Kreis.
    const berlin = sheet.laender.find((l) => l.key === '11')!;
    expect(berlin).toMatchObject({ population: 3644826, areaKm2: 891.12 });
    expect(berlin.figuresRow.startsWith('11000;Kreisfreie Stadt;Berlin, Stadt;DE300')).toBe(true);
    // The sheet's total for Germany is the sum of the Länder's own rows (a check, not a source).
    expect(sheet.laender.reduce((sum, l) => sum + l.population, 0)).toBe(83019213);
  });

  it('lists the same 401 Kreise as the CSV, with the same figures', () => {
    const csv = fs.readFileSync(DISTRICTS_CSV, 'utf8').trim().split('\n').slice(1);
    expect(sheet.districts).toHaveLength(401);
    const byAgs = new Map(sheet.districts.map((d) => [d.ags, d.text.split(';')]));
    for (const line of csv) {
      const [ags, type, name, nuts3, area, ...counts] = line.split(';');
      const cells = byAgs.get(ags!)!;
      expect(cells).toBeDefined();
      expect(cells[1]).toBe(type);
      // The package removed ", Stadtkreis" from names (its README says so).
      expect(cells[2]!.replace(', Stadtkreis', '')).toBe(name);
      expect(cells[3]).toBe(nuts3);
      expect(Math.round(Number(cells[4]) * 100) / 100).toBe(Number(area));
      expect(cells.slice(5).map(Number)).toEqual(counts.map(Number));
    }
  });
});
