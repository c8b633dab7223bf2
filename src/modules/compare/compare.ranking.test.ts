import { rankCities } from './compare.ranking';

const city = (key: string, name: string, themesCovered: number, evidenceCount: number) => ({
  key,
  name,
  themesCovered,
  evidenceCount,
});

describe('rankCities', () => {
  it('orders by themes covered, then evidence, then name, and explains each place', () => {
    const ranked = rankCities(
      [
        city('herne', 'Herne', 2, 3),
        city('bochum', 'Bochum', 4, 18),
        city('aachen', 'Aachen', 2, 3),
        city('castrop', 'Castrop-Rauxel', 4, 9),
        city('essen', 'Essen', 2, 7),
        city('dortmund', 'Dortmund', 1, 30),
      ],
      4,
    );
    expect(
      ranked.map((r) => [r.position, r.sharedRank, r.item.key, r.decidedBy, r.tiedWith.length]),
    ).toEqual([
      [1, 1, 'bochum', 'EVIDENCE', 1],
      [2, 1, 'castrop', 'EVIDENCE', 1],
      [3, 3, 'essen', 'EVIDENCE', 2],
      [4, 3, 'aachen', 'NAME', 2],
      [5, 3, 'herne', 'NAME', 2],
      [6, 6, 'dortmund', 'THEMES', 0],
    ]);
    expect(ranked[0]!.explanation).toBe(
      'Covers 4 of 4 themes, as does Castrop-Rauxel. Pieces of evidence: Bochum 18, Castrop-Rauxel 9.',
    );
    expect(ranked[3]!.explanation).toBe(
      'Covers 2 of 4 themes, as do Essen and Herne. Pieces of evidence: Essen 7, Aachen 3, Herne 3. Equal evidence with Herne: ordered by name.',
    );
    expect(ranked[5]!.explanation).toBe(
      'Covers 1 of 4 themes; no other city covers exactly as many.',
    );
  });

  it('sorts names with German collation (umlauts beside their base letters)', () => {
    const ranked = rankCities(
      [
        city('zell', 'Zell', 1, 1),
        city('oehringen', 'Öhringen', 1, 1),
        city('ost', 'Osterode', 1, 1),
      ],
      1,
    );
    expect(ranked.map((r) => r.item.name)).toEqual(['Öhringen', 'Osterode', 'Zell']);
  });
});
