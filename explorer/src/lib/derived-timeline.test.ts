import { datedFacts } from './derived-timeline';

const day = (edtf: string, earliest: string | null, latest: string | null) => ({
  edtf,
  earliest,
  latest,
});

describe('datedFacts', () => {
  const own = {
    key: 'unit',
    decided: day('2020-21', '2020-03-01', '2020-05-31'),
    established: day('2020-11', '2020-11-01', '2020-11-30'),
    dissolved: null,
    name: 'Stabsstelle',
  };
  const post = {
    person: { key: 'janina-kandt' },
    since: day('2020-11-01', '2020-11-01', '2020-11-01'),
    until: null,
    sources: [],
  };
  const link = {
    node: { key: 'bochum-rat' },
    details: { type: 'DECIDED', date: day('2020-21', '2020-03-01', '2020-05-31'), validity: {} },
    sources: [],
  };

  it('orders own and relation dates by first day, the more precise date first', () => {
    const facts = datedFacts<Record<string, unknown>>(
      own,
      [
        ['posts', [post]],
        ['decidedBy', [link]],
      ],
      null,
    );
    expect(facts.map((f) => [f.field, f.relation, f.date.edtf])).toEqual([
      ['date', 'decidedBy', '2020-21'],
      ['decided', null, '2020-21'],
      ['since', 'posts', '2020-11-01'],
      ['established', null, '2020-11'],
    ]);
    expect(facts[0]!.item).toBe(link);
    expect(facts[3]!.item).toBeNull();
  });

  it('keeps dates that may fall on or before the day, and open starts', () => {
    const open = { period: day('../2020', null, '2020-12-31') };
    const facts = datedFacts({ ...own, ...open }, [['posts', [post]]], '2020-10-31');
    expect(facts.map((f) => f.field)).toEqual(['period', 'decided']);
  });

  it('finds nothing where nothing is dated', () => {
    expect(
      datedFacts({ name: 'x' }, [['themes', [{ node: { key: 't' }, sources: [] }]]], null),
    ).toEqual([]);
  });
});
