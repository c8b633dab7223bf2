import { chainPattern, hop, pathValidity, reverseChain, ROLL_UP, then } from './chain';
import { CITY_EVENTS, CITY_PROGRAMMES, EVENT_CITIES, PROGRAMME_CITIES } from './city-reach';

describe('chains through the model', () => {
  it('write a pattern from the start to a named end, intermediate nodes anonymous', () => {
    expect(
      chainPattern('n', [hop('BELONGS_TO', 'OUT', 'City'), hop('LOCATED_IN', 'OUT', 'State')], 'd'),
    ).toBe('(n)-[:BELONGS_TO]->(:City)-[:LOCATED_IN]->(d:State)');
    expect(chainPattern('c', [hop(['PARTICIPATES_IN', 'RUNS'], 'OUT', 'Programme')], 'x')).toBe(
      '(c)-[:PARTICIPATES_IN|RUNS]->(x:Programme)',
    );
    expect(chainPattern('t', [ROLL_UP], 'd')).toBe('(t)-[:BROADER*0..]->(d:Theme)');
    expect(chainPattern('c', [hop('BELONGS_TO', 'IN', 'OrgUnit')], 'x')).toBe(
      '(c)<-[:BELONGS_TO]-(x:OrgUnit)',
    );
  });

  it('refuse names outside the model, bad variables and variable-length hops over dated types', () => {
    expect(() => chainPattern('n', [hop('NOPE' as never, 'OUT', 'City')], 'd')).toThrow(
      /not a label or relationship type/,
    );
    expect(() => chainPattern('n} MATCH (x', [hop('BELONGS_TO', 'OUT', 'City')], 'd')).toThrow(
      /bad Cypher name/,
    );
    expect(() => chainPattern('n', [hop('PART_OF', 'OUT', 'OrgUnit', { min: 1 })], 'd')).toThrow(
      /variable-length hop over the dated type PART_OF/,
    );
    expect(() => chainPattern('n', [], 'd')).toThrow(/empty chain/);
  });

  it('reverse a walk: the programmes of a city become the cities of a programme', () => {
    expect(PROGRAMME_CITIES.map((c) => chainPattern('p', c, 'd'))).toEqual([
      '(p)<-[:PARTICIPATES_IN|RUNS]-(d:City)',
      '(p)<-[:COORDINATES|IMPLEMENTS|DECIDED|RUNS]-(:OrgUnit)-[:BELONGS_TO]->(d:City)',
    ]);
    expect(chainPattern('e', EVENT_CITIES[0]!, 'd')).toBe(
      '(e)-[:HELD_AT]->(:Venue)-[:LOCATED_IN*1..2]->(d:City)',
    );
    // Reversing twice gives the walk back.
    for (const chain of [...CITY_PROGRAMMES, ...CITY_EVENTS]) {
      const twice = reverseChain(reverseChain(chain, 'City'), chain[chain.length - 1]!.label);
      expect(twice).toEqual(chain);
    }
  });

  it('continue every chain by every other', () => {
    const a = [[hop('BELONGS_TO', 'OUT', 'City')]];
    const b = [[hop('LOCATED_IN', 'OUT', 'State')], [hop('LOCATED_IN', 'OUT', 'County')]];
    expect(then(a, b).map((c) => chainPattern('n', c, 'd'))).toEqual([
      '(n)-[:BELONGS_TO]->(:City)-[:LOCATED_IN]->(d:State)',
      '(n)-[:BELONGS_TO]->(:City)-[:LOCATED_IN]->(d:County)',
    ]);
  });

  it('test every node and relationship after the start of a path on the as-of day', () => {
    expect(pathValidity('p', null)).toBe('true');
    const certain = pathValidity('p', {
      asOf: { day: '2020-12-31', mode: 'CERTAIN' },
      statedOnly: false,
    });
    expect(certain).toContain(
      "all(x IN nodes(p)[1..] WHERE (coalesce(x.validCertainFrom, date('0001-01-01')) <= date($asOfDay)",
    );
    expect(certain).toContain('all(x IN relationships(p) WHERE');
    expect(
      pathValidity('p', { asOf: { day: '2020-12-31', mode: 'POSSIBLE' }, statedOnly: false }),
    ).toContain('x.validPossibleFrom');
  });
});
