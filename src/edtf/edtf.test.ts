import { parseEdtf, isValidEdtf, EdtfError } from './edtf';

describe('parseEdtf', () => {
  it.each([
    ['2020-11-01', '2020-11-01', '2020-11-01'],
    ['2019-05', '2019-05-01', '2019-05-31'],
    ['2020', '2020-01-01', '2020-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2020-21', '2020-03-01', '2020-05-31'],
    ['2024-23', '2024-09-01', '2024-11-30'],
    ['2024-24', '2024-12-01', '2025-02-28'],
    ['2023-24', '2023-12-01', '2024-02-29'],
    ['2024-33', '2024-01-01', '2024-03-31'],
    ['2024-41', '2024-07-01', '2024-12-31'],
    ['2024-12~', '2024-12-01', '2024-12-31'],
  ])('reads %s as %s … %s', (value, earliest, latest) => {
    const bounds = parseEdtf(value);
    expect(bounds.earliest).toBe(earliest);
    expect(bounds.latest).toBe(latest);
    expect(bounds.edtf).toBe(value);
  });

  it('keeps qualifiers without widening the bounds', () => {
    expect(parseEdtf('2024-12~')).toMatchObject({ qualified: true, latest: '2024-12-31' });
    expect(parseEdtf('2021?').qualified).toBe(true);
    expect(parseEdtf('2021').qualified).toBe(false);
  });

  it('gives a spring-2020 fact as certainly begun on 2020-12-31', () => {
    const since = parseEdtf('2020-21');
    expect(since.startLatest! <= '2020-12-31').toBe(true);
  });

  it('reads intervals with inner and outer bounds', () => {
    expect(parseEdtf('2021/2024-12~')).toEqual({
      edtf: '2021/2024-12~',
      earliest: '2021-01-01',
      startLatest: '2021-12-31',
      endEarliest: '2024-12-01',
      latest: '2024-12-31',
      openEnd: false,
      qualified: true,
    });
  });

  it('treats an open end as ongoing and an unknown end as unknown', () => {
    expect(parseEdtf('2020/..')).toMatchObject({
      earliest: '2020-01-01',
      latest: null,
      openEnd: true,
    });
    expect(parseEdtf('2020/')).toMatchObject({ latest: null, openEnd: false });
    expect(parseEdtf('../2020-11')).toMatchObject({ earliest: null, latest: '2020-11-30' });
  });

  it('reads "one of" sets and open ranges', () => {
    expect(parseEdtf('[2024-23,2024-24]')).toMatchObject({
      earliest: '2024-09-01',
      latest: '2025-02-28',
    });
    expect(parseEdtf('[2021..]')).toMatchObject({ earliest: '2021-01-01', latest: null });
    expect(parseEdtf('[..2014]')).toMatchObject({ earliest: null, latest: '2014-12-31' });
  });

  it.each([
    ['', 'empty'],
    ['Mai 2019', 'cannot read'],
    ['2020-13', 'neither 01–12 nor a grouping'],
    ['2020-02-30', 'day 30 out of range'],
    ['2024/2020', 'ends before it starts'],
    ['../..', 'at least one known end'],
    ['2020/2021/2022', 'exactly one'],
    ['{2020,2021}', 'only "one of" sets'],
    ['[]', 'empty set'],
  ])('rejects %j (%s)', (value, reason) => {
    expect(() => parseEdtf(value)).toThrow(EdtfError);
    expect(() => parseEdtf(value)).toThrow(reason);
    expect(isValidEdtf(value)).toBe(false);
  });
});
