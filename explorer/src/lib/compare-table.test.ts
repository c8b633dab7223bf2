import type { Comparison, Evidence } from '../api/types';
import { MATRIX_HEADER, matrixRows, RANKING_HEADER, rankingRows } from './compare-table';

const evidence = (kind: string, key: string, name: string): Evidence => ({
  kind,
  node: { __typename: kind === 'POST' ? 'Person' : 'OrgUnit', id: key, key, name },
  unit: null,
  roleTitle: null,
  via: [],
  links: [],
});

const comparison: Comparison = {
  cities: [
    { id: 'C1', key: 'bochum', name: 'Bochum', ags: '05911000' },
    { id: 'C2', key: 'bremerhaven', name: 'Bremerhaven', ags: '04012000' },
  ],
  themes: [{ key: 'ageing', labelDe: 'Leben im Alter', labelEn: 'Ageing' }],
  rows: [
    {
      theme: { key: 'ageing' },
      citiesCovering: 1,
      cells: [
        {
          city: { key: 'bochum' },
          addressed: true,
          evidenceCount: 3,
          units: [evidence('UNIT', 'u1', 'Stabsstelle'), evidence('UNIT', 'u2', 'Seniorenbeirat')],
          programmes: [],
          posts: [evidence('POST', 'p1', 'Janina Kandt')],
          events: [],
          sources: [],
        },
        {
          city: { key: 'bremerhaven' },
          addressed: false,
          evidenceCount: 0,
          units: [],
          programmes: [],
          posts: [],
          events: [],
          sources: [],
        },
      ],
    },
  ],
  ranking: [
    {
      position: 1,
      sharedRank: 1,
      city: { id: 'C1', key: 'bochum', name: 'Bochum', ags: '05911000' },
      themesCovered: 1,
      evidenceCount: 3,
      tiedWith: [],
      decidedBy: 'THEMES',
      explanation: 'Covers 1 of 1 themes.',
    },
  ],
  tieBreakers: ['themesCovered', 'evidenceCount', 'name'],
};

describe('the comparison as a table', () => {
  it('has one row per theme and city, in row and column order, with counts and names', () => {
    expect(MATRIX_HEADER).toHaveLength(15);
    expect(matrixRows(comparison, 'de')).toEqual([
      [
        'ageing',
        'Leben im Alter',
        'bochum',
        'Bochum',
        '05911000',
        true,
        3,
        2,
        0,
        1,
        0,
        'Stabsstelle\nSeniorenbeirat',
        '',
        'Janina Kandt',
        '',
      ],
      [
        'ageing',
        'Leben im Alter',
        'bremerhaven',
        'Bremerhaven',
        '04012000',
        false,
        0,
        0,
        0,
        0,
        0,
        '',
        '',
        '',
        '',
      ],
    ]);
    expect(matrixRows(comparison, 'en')[0]![1]).toBe('Ageing');
  });

  it('has the ranking with its explanation', () => {
    expect(RANKING_HEADER).toHaveLength(9);
    expect(rankingRows(comparison)).toEqual([
      [1, 1, 'bochum', 'Bochum', '05911000', 1, 3, 'THEMES', 'Covers 1 of 1 themes.'],
    ]);
  });
});
