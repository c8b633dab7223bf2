import { csvField, csvOfRows, csvRow, parseCsv, parseCsvObjects } from './csv';
import { nodeCells, nodeColumns, relationCells, relationColumns } from './csv-columns';
import { CSV_FILES, csvFileByName } from './export-files';
import { NODE_LABELS, RELATION_TYPE_NAMES } from '../../model/model';

const TRICKY = [
  'plain',
  'Köln, Düsseldorf',
  'Stabsstelle „Leben im Alter“ – "Pionierstadt"',
  'zwei\nZeilen',
  'Windows\r\nZeile',
  'nur \r',
  ' führendes Leerzeichen',
  '"',
  '',
  'ÄÖÜäöüß€',
];

describe('CSV writer (RFC 4180)', () => {
  it('quotes only fields with a comma, double quote, CR or LF (or edge spaces), doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Köln, Düsseldorf')).toBe('"Köln, Düsseldorf"');
    expect(csvField('sagte "ja"')).toBe('"sagte ""ja"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('Umlaute äöü')).toBe('Umlaute äöü');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(40000)).toBe('40000');
    expect(csvField(true)).toBe('true');
  });

  it('ends every record with CRLF and reads back what it wrote, field for field', () => {
    const text = csvOfRows(
      ['id', 'value'],
      TRICKY.map((v, i) => [String(i), v]),
    );
    expect(text.startsWith('id,value\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records).toEqual([['id', 'value'], ...TRICKY.map((v, i) => [String(i), v])]);
    expect(parseCsvObjects(text)[2]).toEqual({ id: '2', value: TRICKY[2] });
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => csvOfRows(['a', 'b'], [['1']])).toThrow(/1 fields, the header 2/);
  });

  it('parses strictly: stray quotes and bare line feeds are errors', () => {
    expect(() => parseCsv('a"b\r\n')).toThrow(/double quote inside an unquoted field/);
    expect(() => parseCsv('"a"b\r\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a\nb\r\n')).toThrow(/bare line break/);
    expect(() => parseCsv('"open\r\n')).toThrow(/unterminated/);
    expect(parseCsv(csvRow(['', '']))).toEqual([['', '']]);
  });
});

describe('CSV columns', () => {
  it('gives an EDTF field its earliest and latest day, and numbered source pairs', () => {
    expect(nodeColumns('OrgUnit', 2)).toEqual([
      'id',
      'name',
      'altNames',
      'kind',
      'germanKind',
      'description',
      'decided',
      'decidedEarliest',
      'decidedLatest',
      'established',
      'establishedEarliest',
      'establishedLatest',
      'dissolved',
      'dissolvedEarliest',
      'dissolvedLatest',
      'status',
      'count',
      'goals',
      'dataset',
      'changedAt',
      'changedBy',
      'basis',
      'reasoning',
      'sourceId1',
      'quote1',
      'sourceId2',
      'quote2',
    ]);
    expect(relationColumns('BELONGS_TO', 1)).toEqual([
      'id',
      'from',
      'fromLabel',
      'to',
      'toLabel',
      'dataset',
      'changedAt',
      'changedBy',
      'basis',
      'reasoning',
      'sourceId1',
      'quote1',
    ]);
  });

  it('states the basis of every row: STATED when none is stored, the reasoning of an INFERRED fact', () => {
    const columns = relationColumns('ADDRESSES', 0);
    const cells = relationCells(
      {
        id: 'r',
        type: 'ADDRESSES',
        from: 'u',
        fromLabel: 'OrgUnit',
        to: 't',
        toLabel: 'Theme',
        props: { basis: 'INFERRED', reasoning: 'Der Satz legt es nahe.' },
      },
      0,
    );
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
    expect(row).toMatchObject({ basis: 'INFERRED', reasoning: 'Der Satz legt es nahe.' });
    const stated = nodeCells({ key: 'x', label: 'Theme', props: { reasoning: 'stray' } }, 0);
    const themeRow = Object.fromEntries(nodeColumns('Theme', 0).map((c, i) => [c, stated[i]]));
    // A reasoning belongs to an INFERRED fact only.
    expect(themeRow).toMatchObject({ basis: 'STATED', reasoning: null });
  });

  it('fills cells from stored properties: lists joined, booleans and numbers as text, gaps empty', () => {
    const cells = nodeCells(
      {
        key: 'x',
        label: 'City',
        props: {
          name: 'X',
          altNames: ['A', 'B'],
          dataset: 'd',
          changedAt: '2025-03-01T10:15:00Z',
          changedBy: 'import:d',
          sourceIds: ['doc'],
          quotes: ['q'],
        },
      },
      2,
    );
    expect(cells).toEqual([
      'x',
      'X',
      null,
      null,
      null,
      'A | B',
      'd',
      '2025-03-01T10:15:00Z',
      'import:d',
      'STATED',
      null,
      'doc',
      'q',
      null,
      null,
    ]);
    const rel = relationCells(
      {
        id: 'r',
        type: 'PARTICIPATES_IN',
        from: 'c',
        fromLabel: 'City',
        to: 'p',
        toLabel: 'Programme',
        props: {
          role: 'PARTICIPANT',
          period: '2021/2024-12~',
          periodEarliest: '2021-01-01',
          periodLatest: '2024-12-31',
          fundingAmount: 40000,
          fundingUpTo: true,
          sourceIds: ['doc'],
          quotes: ['q'],
        },
      },
      1,
    );
    expect(rel.length).toBe(relationColumns('PARTICIPATES_IN', 1).length);
    const row = Object.fromEntries(
      relationColumns('PARTICIPATES_IN', 1).map((c, i) => [c, rel[i]]),
    );
    expect(row).toMatchObject({
      periodEarliest: '2021-01-01',
      periodLatest: '2024-12-31',
      fundingAmount: 40000,
      fundingUpTo: true,
      quote1: 'q',
    });
  });

  it('refuses to cut citations off when an element has more than the header counted', () => {
    const node = { key: 'x', label: 'City' as const, props: { sourceIds: ['a', 'b'] } };
    expect(() => nodeCells(node, 1)).toThrow(/changed while it was exported/);
  });
});

describe('export file names', () => {
  it('has one file per label and relationship type, with distinct readable names', () => {
    expect(CSV_FILES.length).toBe(NODE_LABELS.length + RELATION_TYPE_NAMES.length);
    expect(new Set(CSV_FILES.map((f) => f.name)).size).toBe(CSV_FILES.length);
    expect(csvFileByName('cities.csv')).toEqual({
      kind: 'entity',
      name: 'cities.csv',
      label: 'City',
    });
    expect(csvFileByName('people.csv')).toMatchObject({ label: 'Person' });
    expect(csvFileByName('org-units.csv')).toMatchObject({ label: 'OrgUnit' });
    expect(csvFileByName('participates-in.csv')).toMatchObject({ type: 'PARTICIPATES_IN' });
    expect(csvFileByName('../cities.csv')).toBeUndefined();
    for (const f of CSV_FILES) expect(f.name).toMatch(/^[a-z]+(-[a-z]+)*\.csv$/);
  });
});
