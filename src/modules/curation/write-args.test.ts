import { keyFromName, newEntityKey } from './write-args';

describe('keys of new entities', () => {
  it('makes a readable key from a German name', () => {
    expect(keyFromName('Stabsstelle für Senioren')).toBe('stabsstelle-fuer-senioren');
    expect(keyFromName('Büro „Älter werden“ – Straße 1')).toBe('buero-aelter-werden-strasse-1');
    expect(keyFromName('Café Crème')).toBe('cafe-creme');
    expect(keyFromName('  ')).toBe('');
  });

  it('cuts a long key at a word boundary', () => {
    const key = keyFromName('Wort '.repeat(30));
    expect(key.length).toBeLessThanOrEqual(80);
    expect(key).toMatch(/^wort(-wort)+$/);
  });

  it('takes a given key, or the name field of the label, or refuses', () => {
    expect(newEntityKey('OrgUnit', { key: 'x', name: 'Y' }, 'input')).toBe('x');
    expect(newEntityKey('SourceDocument', { title: 'Ein Titel' }, 'input')).toBe('ein-titel');
    expect(newEntityKey('Theme', { labelEn: 'Digital inclusion' }, 'input')).toBe(
      'digital-inclusion',
    );
    expect(() => newEntityKey('OrgUnit', { kind: 'OFFICE' }, 'input')).toThrow(
      'a new OrgUnit needs a `key` or a name to make one from',
    );
  });
});
