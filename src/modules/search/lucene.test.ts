import { normaliseGerman, toLuceneQuery } from './lucene';

describe('toLuceneQuery', () => {
  it('normalises umlauts and their ASCII spellings alike', () => {
    expect(normaliseGerman('Bürgerbeteiligung')).toBe(normaliseGerman('Buergerbeteiligung'));
    expect(normaliseGerman('Straße')).toBe('strasse');
  });

  it('matches each word as itself or as a prefix, all words required', () => {
    expect(toLuceneQuery('Senioren in Bremerhaven')?.lucene).toBe(
      '(senioren OR senioren*) AND (bremerhaven OR bremerhaven*)',
    );
  });

  it('keeps balanced phrases and escapes every other operator', () => {
    expect(toLuceneQuery('"Leben im Alter" Bochum')?.lucene).toBe(
      '"Leben im Alter" AND (bochum OR bochum*)',
    );
    expect(toLuceneQuery('Familie AND NOT Armut')?.lucene).toBe(
      '(familie OR familie*) AND (and OR and*) AND (not OR not*) AND (armut OR armut*)',
    );
    for (const text of [
      'Armut*',
      'Seni~',
      '(unbalanced',
      'a:b',
      'x [y',
      '"open',
      'AND',
      '-Familie',
      '\\',
    ]) {
      const parsed = toLuceneQuery(text);
      for (const part of parsed?.lucene.split(' AND ') ?? []) {
        expect(part).toMatch(/^(\([a-zäöüß0-9]+ OR [a-z0-9]+\*\)|[a-zäöüß0-9]+|"[^"]+")$/);
      }
    }
  });

  it('returns null when nothing searchable is left', () => {
    expect(toLuceneQuery('   ')).toBeNull();
    expect(toLuceneQuery('*?~')).toBeNull();
  });
});
