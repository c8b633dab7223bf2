import { compareEntries, entriesOf, overlaps } from './timeline.entries';

describe('timeline entries', () => {
  it('gives a unit one entry per stated date', () => {
    const entries = entriesOf({
      kind: 'OrgUnit',
      props: { decided: '2020-21', established: '2020-11' },
      subjectName: 'Stabsstelle',
    });
    expect(entries).toEqual([
      {
        kind: 'DECIDED',
        edtf: '2020-21',
        earliest: '2020-03-01',
        latest: '2020-05-31',
        text: 'Creation of Stabsstelle decided',
      },
      {
        kind: 'STARTED',
        edtf: '2020-11',
        earliest: '2020-11-01',
        latest: '2020-11-30',
        text: 'Stabsstelle set up',
      },
    ]);
  });

  it('splits a period into its known ends and skips unknown or open ones', () => {
    const participation = entriesOf({
      kind: 'PARTICIPATES_IN',
      props: { period: '2021/2024-12~', roleTitle: 'Modellkommune' },
      subjectName: 'Bremerhaven',
      objectName: 'ZWK',
    });
    expect(participation.map((e) => [e.kind, e.edtf, e.text])).toEqual([
      ['STARTED', '2021', 'Bremerhaven takes part in ZWK as Modellkommune'],
      ['ENDED', '2024-12~', "Bremerhaven's participation in ZWK ends"],
    ]);
    const open = entriesOf({ kind: 'Programme', props: { period: '2014/..' }, subjectName: 'K' });
    expect(open.map((e) => e.kind)).toEqual(['STARTED']);
    const unknownStart = entriesOf({
      kind: 'AFFILIATED_WITH',
      props: { period: '../2020-11' },
      subjectName: 'A',
      objectName: 'B',
    });
    expect(unknownStart.map((e) => e.kind)).toEqual(['ENDED']);
  });

  it('names one-off facts by what they are and ignores timeless kinds', () => {
    expect(entriesOf({ kind: 'Event', props: { date: '2019' }, subjectName: 'E' })[0]!.kind).toBe(
      'TOOK_PLACE',
    );
    expect(
      entriesOf({
        kind: 'SIGNED',
        props: { date: '2019-05' },
        subjectName: 'M',
        objectName: 'C',
      })[0]!.text,
    ).toBe('M signs C');
    expect(entriesOf({ kind: 'City', props: {}, subjectName: 'Bochum' })).toEqual([]);
    expect(entriesOf({ kind: 'OrgUnit', props: {}, subjectName: 'Undated' })).toEqual([]);
  });

  it('keeps entries whose date may fall in the range, and orders precise dates first', () => {
    const year = { earliest: '2020-01-01', latest: '2020-12-31' };
    const day = { earliest: '2020-01-01', latest: '2020-01-01' };
    expect(overlaps(year, '2020-06-01', '2020-06-30')).toBe(true);
    expect(overlaps(year, '2021-01-01', null)).toBe(false);
    expect(overlaps(year, null, '2019-12-31')).toBe(false);
    expect(overlaps({ earliest: null, latest: null }, '1900-01-01', '1900-01-01')).toBe(true);
    expect(compareEntries(day, 'b', year, 'a')).toBeLessThan(0);
    expect(compareEntries(year, 'a', year, 'b')).toBeLessThan(0);
  });
});
