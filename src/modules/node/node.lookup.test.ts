import { toGlobalId } from '../../common/global-id';
import { idDescription, parseId } from './node.lookup';

describe('the one id rule', () => {
  it('reads lower-case keys as keys, eight digits as a key that may be an AGS', () => {
    expect(parseId('bochum', 'id')).toEqual({
      input: 'bochum',
      kind: 'key',
      key: 'bochum',
      ags: false,
    });
    expect(parseId('castrop-rauxel', 'id')).toMatchObject({ kind: 'key', ags: false });
    expect(parseId('05911000', 'id')).toEqual({
      input: '05911000',
      kind: 'key',
      key: '05911000',
      ags: true,
    });
    // Five or nine digits are keys, never a city's AGS.
    expect(parseId('05911', 'id')).toMatchObject({ kind: 'key', ags: false });
    expect(parseId('059110001', 'id')).toMatchObject({ kind: 'key', ags: false });
  });

  it('reads global ids, which always begin with a capital letter', () => {
    for (const type of ['City', 'Theme', 'SourceDocument', 'Person', 'OrgUnit', 'Venue']) {
      const id = toGlobalId(type, '05911000');
      expect(id).toMatch(/^[A-Z]/);
      expect(parseId(id, 'id')).toEqual({ input: id, kind: 'global', type, key: '05911000' });
    }
  });

  it('refuses everything else with BAD_USER_INPUT naming the argument', () => {
    for (const input of ['Bochum', 'BOCHUM', 'not an id', '', ' bochum', 'bochum-', 'a--b', '%%']) {
      let error: unknown;
      try {
        parseId(input, 'cityIds');
      } catch (e) {
        error = e;
      }
      expect([input, (error as { extensions?: unknown })?.extensions]).toEqual([
        input,
        { code: 'BAD_USER_INPUT', argument: 'cityIds' },
      ]);
    }
  });

  it('describes what an argument accepts', () => {
    expect(idDescription('The city', 'City')).toContain('the 8-digit AGS (e.g. "05911000")');
    expect(idDescription('The entity')).toContain('or, for a city, its 8-digit AGS');
  });
});
