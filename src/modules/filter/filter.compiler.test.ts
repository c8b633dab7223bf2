import { FilterCompiler } from './filter.compiler';

/**
 * Where a condition on a missing value must read as a definite false ("… AND x IS NOT NULL"):
 * only under an odd number of negations counted from the nearest subquery. Elsewhere null and
 * false filter alike, and the bare comparison keeps Neo4j's estimates right (test/filters.int
 * checks the answers themselves on values that are missing).
 */
const compile = (where: Record<string, unknown>, label: 'City' | 'OrgUnit' = 'OrgUnit') =>
  new FilterCompiler().compile(where, label, 'n', 0);

describe('FilterCompiler: definite conditions only where a negation needs them', () => {
  it('leaves a comparison bare where nothing negates it', () => {
    expect(compile({ status: { eq: 'ACTIVE' } })).toBe('(n.status = $p0)');
    expect(
      compile({ city: { some: { programmes: { some: { level: { eq: 'STATE' } } } } } }),
    ).toContain('WHERE (v2.level = $p4)');
  });

  it('makes it definite under NOT and inside all', () => {
    expect(compile({ NOT: { status: { eq: 'ACTIVE' } } })).toBe(
      'NOT ((n.status = $p0 AND n.status IS NOT NULL))',
    );
    expect(compile({ orgUnits: { all: { status: { eq: 'ACTIVE' } } } }, 'City')).toContain(
      'NOT ((v0.status = $p2 AND v0.status IS NOT NULL))',
    );
  });

  it('counts negations from the nearest subquery', () => {
    // NOT some NOT: the inner NOT is the only one inside the EXISTS.
    expect(
      compile({ NOT: { orgUnits: { some: { NOT: { status: { eq: 'ACTIVE' } } } } } }, 'City'),
    ).toContain('WHERE NOT ((v0.status = $p2 AND v0.status IS NOT NULL))');
    // NOT around some: the subquery's own condition is not negated.
    expect(
      compile({ NOT: { orgUnits: { some: { status: { eq: 'ACTIVE' } } } } }, 'City'),
    ).toContain('WHERE (v0.status = $p2)');
    // NOT NOT: an even number, bare.
    expect(compile({ NOT: { NOT: { status: { eq: 'ACTIVE' } } } })).toBe(
      'NOT (NOT ((n.status = $p0)))',
    );
  });
});
