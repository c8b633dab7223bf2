import { viewOf, viewParams, viewPredicate, viewPredicates } from './as-of';

describe('the fact view (asOf and basis in one)', () => {
  it('is null when nothing restricts', () => {
    expect(viewOf({})).toBeNull();
    expect(viewOf({ basis: 'ALL' })).toBeNull();
    expect(viewPredicate('n', null)).toBe('true');
    expect(viewParams(null)).toEqual({});
  });

  it('inherits the day and the basis setting unless a field sets its own', () => {
    const root = viewOf({ asOf: '2020-12-31', basis: 'STATED' });
    expect(root).toEqual({ asOf: { day: '2020-12-31', mode: 'CERTAIN' }, statedOnly: true });
    expect(viewOf({}, root)).toEqual(root);
    expect(viewOf({ asOfMode: 'POSSIBLE' }, root)).toEqual({
      asOf: { day: '2020-12-31', mode: 'POSSIBLE' },
      statedOnly: true,
    });
    expect(viewOf({ basis: 'ALL' }, root)).toEqual({
      asOf: { day: '2020-12-31', mode: 'CERTAIN' },
      statedOnly: false,
    });
    expect(viewOf({ basis: 'ALL' }, viewOf({ basis: 'STATED' }))).toBeNull();
    expect(viewOf({ basis: 'STATED' }, viewOf({ asOf: '2019-01-01' }))).toEqual({
      asOf: { day: '2019-01-01', mode: 'CERTAIN' },
      statedOnly: true,
    });
  });

  it('tests the day and the basis with a fixed predicate; only the day is a parameter', () => {
    const stated = viewOf({ basis: 'STATED' });
    expect(viewPredicates('x', stated)).toEqual(["coalesce(x.basis, 'STATED') <> 'INFERRED'"]);
    expect(viewParams(stated)).toEqual({});
    const both = viewOf({ asOf: '2020-12-31', basis: 'STATED' });
    const tests = viewPredicates('r', both, 'd0');
    expect(tests).toHaveLength(2);
    expect(tests[0]).toContain('date($d0)');
    expect(viewParams(both, 'd0')).toEqual({ d0: '2020-12-31' });
    expect(() => viewPredicates('x) OR (true', stated)).toThrow('bad Cypher name');
  });
});
