import { endFields } from './fact-end';

describe('what "it ended" sets, from the model', () => {
  it('sets the end of a span: a unit is dissolved, a post held until', () => {
    expect(endFields({ kind: 'ENTITY', type: 'OrgUnit', fields: {} }, '2025-12')).toEqual({
      set: { dissolved: '2025-12' },
    });
    expect(endFields({ kind: 'RELATION', type: 'HOLDS_POST', fields: {} }, '2024')).toEqual({
      set: { until: '2024' },
    });
  });

  it('ends a period and keeps its start; a period without one gets an unknown start', () => {
    const programme = (period?: string) => ({
      kind: 'ENTITY' as const,
      type: 'Programme',
      fields: period ? { period } : {},
    });
    expect(endFields(programme('2021/..'), '2024-12~')).toEqual({
      set: { period: '2021/2024-12~' },
    });
    expect(endFields(programme('2021-05'), '2024')).toEqual({ set: { period: '2021-05/2024' } });
    expect(endFields(programme(), '2024')).toEqual({ set: { period: '/2024' } });
  });

  it('has no end for facts that happen once or hold timelessly', () => {
    expect(endFields({ kind: 'RELATION', type: 'DECIDED', fields: {} }, '2024')).toEqual({
      problem: 'a DECIDED happens once (its "date") and has no end; withdraw it if it was wrong',
    });
    expect(endFields({ kind: 'ENTITY', type: 'City', fields: {} }, '2024')).toEqual({
      problem: 'a City has no end date in the model; withdraw it if it was wrong',
    });
    expect(endFields({ kind: 'RELATION', type: 'PART_OF', fields: {} }, '2024')).toEqual({
      problem: 'a PART_OF has no end date in the model; withdraw it if it was wrong',
    });
  });
});
