import { MATRIX_HEADER, matrixToRows, type MatrixLike } from './compare.csv';

const evidence = (key: string, unit?: string) => ({
  node: { key },
  unit: unit ? { key: unit } : null,
});

const empty = { units: [], programmes: [], posts: [], events: [], sources: [] };

const matrix: MatrixLike = {
  rows: [
    {
      theme: { key: 'ageing', labelEn: 'Ageing', labelDe: 'Leben im Alter' },
      cells: [
        {
          city: { key: 'bochum', name: 'Bochum', ags: '05911000' },
          addressed: true,
          units: [evidence('bochum-stabsstelle')],
          programmes: [evidence('konzept'), evidence('strategie')],
          posts: [evidence('janina-kandt', 'bochum-stabsstelle')],
          events: [],
          sources: [
            { documentKey: 'doc-a', quote: 'Bildung, Vielfalt und Teilhabe in A-Z | Stadt X' },
            { documentKey: 'doc-b', quote: 'Sie sagte: „Alter; Pflege, Wohnen“.' },
          ],
        },
        { city: { key: 'herten', name: 'Herten', ags: null }, addressed: false, ...empty },
      ],
    },
  ],
};

describe('matrixToRows', () => {
  it('gives a header and one row per cell, themes first, then cities in column order', () => {
    const rows = matrixToRows(matrix);
    expect(rows[0]).toEqual([...MATRIX_HEADER]);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['ageing', 'bochum'],
      ['ageing', 'herten'],
    ]);
    for (const row of rows) expect(row).toHaveLength(MATRIX_HEADER.length);
  });

  it('puts counts, keys and the parallel quotes and documents of a cell into its row', () => {
    const [, bochum, herten] = matrixToRows(matrix);
    const cell = Object.fromEntries(MATRIX_HEADER.map((h, i) => [h, bochum![i]]));
    expect(cell).toMatchObject({
      theme_label_de: 'Leben im Alter',
      city_ags: '05911000',
      addressed: 'true',
      units: '1',
      programmes: '2',
      posts: '1',
      events: '0',
      programme_keys: 'konzept\nstrategie',
      post_keys: 'janina-kandt@bochum-stabsstelle',
      event_keys: '',
      quotes:
        'Bildung, Vielfalt und Teilhabe in A-Z | Stadt X\nSie sagte: „Alter; Pflege, Wohnen“.',
      source_ids: 'doc-a\ndoc-b',
    });
    const none = Object.fromEntries(MATRIX_HEADER.map((h, i) => [h, herten![i]]));
    expect(none).toMatchObject({ addressed: 'false', units: '0', city_ags: '', quotes: '' });
  });
});
