import { NODE_LABELS } from '../../model/model';
import {
  countStatement,
  dimensionValues,
  evidenceStatement,
  grouping,
  keyOf,
  yearKey,
} from './stats.query';
import {
  DIMENSIONS,
  dimensionSpecs,
  dimensionsOf,
  StatsDateField,
  StatsDimension,
  yearFieldsOf,
} from './stats.dimensions';
import { fundingStatement } from './funding.query';

describe('aggregate statements', () => {
  it('bucket a date by its earliest year, uncertain when its start may lie in a later one', () => {
    expect(yearKey('established', 'd')).toEqual({
      condition: 'd.establishedEarliest IS NOT NULL',
      value: 'toString(d.establishedEarliest.year)',
      uncertain:
        'd.establishedStartLatest IS NULL OR d.establishedStartLatest.year <> d.establishedEarliest.year',
    });
    expect(() => yearKey('x} RETURN 1 //', 'd')).toThrow(/bad Cypher name/);
  });

  it('give entity keys (top concepts only for TOP_THEME) and enum keys', () => {
    expect(keyOf({ kind: 'entity', topConcepts: true }, 'd').condition).toBe('d.topConcept = true');
    expect(keyOf({ kind: 'entity' }, 'd').condition).toBe('true');
    expect(keyOf({ kind: 'property', property: 'level' }, 'd')).toEqual({
      condition: 'd.level IS NOT NULL',
      value: 'd.level',
    });
  });

  it('collect the distinct keys of one dimension over every chain, each path valid on the day', () => {
    const { form, expr: text } = dimensionValues(
      'n',
      DIMENSIONS.Person.CITY!,
      { asOf: { day: '2021-01-01', mode: 'CERTAIN' }, statedOnly: false },
      'g0',
    );
    expect(form).toBe('many');
    expect(text.startsWith('COLLECT { MATCH g0p = (n)-[:HOLDS_POST]->(g0d:City) WHERE all(')).toBe(
      true,
    );
    expect(text).toContain(
      ' UNION MATCH g0p = (n)-[:HOLDS_POST]->(:OrgUnit)-[:BELONGS_TO]->(g0d:City) WHERE all(',
    );
    // A Land directly or through a Kreis: one variable-length hop over undated LOCATED_IN.
    expect(dimensionValues('n', DIMENSIONS.City.STATE!, null, 'g2')).toEqual({
      form: 'many',
      key: 'entity',
      expr: 'COLLECT { MATCH g2p = (n)-[:LOCATED_IN*1..2]->(g2d:State) RETURN DISTINCT g2d AS k }',
    });
    // A property, a date or the member itself: read in place, no walk and no list.
    expect(dimensionValues('n', DIMENSIONS.OrgUnit.ORG_UNIT_KIND!, null, 'g1')).toEqual({
      form: 'one',
      key: 'property',
      expr: 'n.kind',
    });
    expect(dimensionValues('n', DIMENSIONS.OrgUnit.YEAR!, null, 'g1')).toEqual({
      form: 'one',
      key: 'year',
      expr: 'toString(n.establishedEarliest.year)',
      uncertain:
        '(n.establishedEarliest IS NOT NULL AND (n.establishedStartLatest IS NULL OR n.establishedStartLatest.year <> n.establishedEarliest.year))',
    });
    expect(dimensionValues('n', DIMENSIONS.Theme.THEME_EXACT!, null, 'g0').expr).toBe('n');
    expect(dimensionValues('n', DIMENSIONS.Theme.TOP_THEME!, null, 'g0').form).toBe('many');
  });

  it('count a member once per bucket, and merge its years only where a walk gives them', () => {
    const own = grouping([
      dimensionValues('n', DIMENSIONS.OrgUnit.STATE!, null, 'g0'),
      dimensionValues('n', DIMENSIONS.OrgUnit.YEAR!, null, 'g1'),
    ]);
    expect(own.unwinds).toEqual(['UNWIND CASE size(k0) WHEN 0 THEN [null] ELSE k0 END AS b0']);
    expect(own.rows('n')).toBe('WITH n, b0 AS node0, b1 AS key1, u1 AS uncertain');
    const [since] = dimensionSpecs('Person', [StatsDimension.YEAR], StatsDateField.SINCE);
    const walked = grouping([dimensionValues('n', since!, null, 'g0')]);
    expect(walked.rows('n')).toBe(
      'WITH n, b0.key AS key0, min(CASE WHEN coalesce(b0.uncertain, false) THEN 1 ELSE 0 END) = 1 AS uncertain',
    );
    expect(walked.bucketKeys).toBe('[{key: key0, label: key0}]');
  });

  it('read the year field of each label from the model', () => {
    expect(DIMENSIONS.OrgUnit.YEAR!.key).toEqual({ kind: 'year', field: 'established' });
    expect(DIMENSIONS.Programme.YEAR!.key).toEqual({ kind: 'year', field: 'period' });
    expect(DIMENSIONS.Event.YEAR!.key).toEqual({ kind: 'year', field: 'date' });
    expect(DIMENSIONS.SourceDocument.YEAR!.key).toEqual({ kind: 'year', field: 'published' });
    // The default of each kind is the field YEAR read before it could be chosen.
    for (const label of ['OrgUnit', 'Programme', 'Event', 'SourceDocument'] as const) {
      expect(dimensionSpecs(label, [StatsDimension.YEAR], null)).toEqual([DIMENSIONS[label].YEAR]);
    }
    expect(dimensionsOf('County')).not.toContain(StatsDimension.YEAR);
  });

  it('let the caller choose the dated field, and refuse the combinations that do not exist', () => {
    expect(yearFieldsOf('OrgUnit')).toEqual(['DECIDED', 'ESTABLISHED', 'DISSOLVED']);
    expect(yearFieldsOf('Person')).toEqual(['SINCE', 'UNTIL', 'ATTESTED']);
    expect(yearFieldsOf('City')).toEqual(['PERIOD']);
    expect(yearFieldsOf('Theme')).toEqual([]);
    const [decided] = dimensionSpecs('OrgUnit', [StatsDimension.YEAR], StatsDateField.DECIDED);
    expect(decided!.key).toEqual({ kind: 'year', field: 'decided' });
    const refused =
      (label: 'OrgUnit' | 'Person' | 'Theme', dims: StatsDimension[], f: StatsDateField | null) =>
      () =>
        dimensionSpecs(label, dims, f);
    expect(refused('OrgUnit', [StatsDimension.YEAR], StatsDateField.PUBLISHED)).toThrow(
      'OrgUnit cannot be counted by the year of PUBLISHED: OrgUnit has DECIDED, ESTABLISHED, DISSOLVED',
    );
    expect(refused('Person', [StatsDimension.YEAR], null)).toThrow(
      'YEAR of Person needs yearOf to say which date: Person has SINCE, UNTIL, ATTESTED',
    );
    expect(refused('OrgUnit', [StatsDimension.CITY], StatsDateField.DECIDED)).toThrow(
      'yearOf chooses the date of the YEAR dimension; add YEAR to groupBy',
    );
    expect(refused('Theme', [StatsDimension.THEME], StatsDateField.DATE)).toThrow(/add YEAR/);
  });

  it("read a year from the last relationship of a walk (a post's since)", () => {
    const [since] = dimensionSpecs('Person', [StatsDimension.YEAR], StatsDateField.SINCE);
    expect(dimensionValues('n', since!, null, 'g0').expr).toBe(
      'COLLECT { ' +
        ['OrgUnit', 'City', 'Organisation']
          .map(
            (label) =>
              `MATCH g0p = (n)-[:HOLDS_POST]->(g0e:${label}) WITH g0p, last(relationships(g0p)) AS g0d WHERE g0d.sinceEarliest IS NOT NULL RETURN DISTINCT {key: toString(g0d.sinceEarliest.year), uncertain: g0d.sinceStartLatest IS NULL OR g0d.sinceStartLatest.year <> g0d.sinceEarliest.year} AS k`,
          )
          .join(' UNION ') +
        ' }',
    );
  });

  it('name the quotes behind bucket members without splicing any value', () => {
    const plain = evidenceStatement('OrgUnit', [], null);
    expect(plain.text).toContain(
      '[x IN [n] | {sourceIds: x.sourceIds, quotes: x.quotes, basis: x.basis, reasoning: x.reasoning}]',
    );
    const specs = dimensionSpecs(
      'Person',
      [StatsDimension.CITY, StatsDimension.ORG_UNIT_KIND],
      null,
    );
    const text = evidenceStatement('Person', specs, {
      asOf: { day: '2021-01-01', mode: 'CERTAIN' },
      statedOnly: false,
    });
    expect(text.params).toEqual({ asOfDay: '2021-01-01' });
    expect(text.text).toContain('MATCH (n:Person:Entity {id: item.member})');
    // Along a walk: the walk's relationships, where it reaches the bucket's key.
    expect(text.text).toContain(
      'MATCH e0p = (n)-[:HOLDS_POST]->(:OrgUnit)-[:BELONGS_TO]->(e0d:City) WHERE all(',
    );
    expect(text.text).toContain(
      'item.keys[0] IS NOT NULL AND e0d.id = item.keys[0] UNWIND relationships(e0p) AS x RETURN x',
    );
    expect(text.text).toContain('item.keys[1] IS NOT NULL AND e1d.kind = item.keys[1]');
    // The member's own property: its own quotes.
    const [kind] = dimensionSpecs('OrgUnit', [StatsDimension.ORG_UNIT_KIND], null);
    expect(evidenceStatement('OrgUnit', [kind!], null).text).toContain(
      'UNWIND [n] AS e0d WITH e0d, item WHERE e0d IS NOT NULL AND e0d.kind IS NOT NULL AND item.keys[0] IS NOT NULL AND e0d.kind = item.keys[0] RETURN e0d AS x',
    );
  });

  it('build a statement for every label and dimension pair without splicing any value', () => {
    for (const label of NODE_LABELS) {
      for (const dimension of dimensionsOf(label)) {
        // Kinds whose YEAR has no default are asked for their first dated field.
        const yearOf =
          dimension === StatsDimension.YEAR && !DIMENSIONS[label].YEAR
            ? yearFieldsOf(label)[0]
            : null;
        const statement = countStatement(
          label,
          'n.name = $p0',
          dimensionSpecs(label, [dimension], yearOf),
          null,
          5,
        );
        expect(statement.text).toContain(`MATCH (n:${label}:Entity) WHERE n.name = $p0`);
        expect(statement.text).toContain('collect(n.id)[..$memberLimit]');
        expect(statement.params).toEqual({ memberLimit: 5 });
      }
    }
    const plain = countStatement(
      'City',
      'true',
      [],
      { asOf: { day: '2020-01-01', mode: 'CERTAIN' }, statedOnly: false },
      0,
    );
    expect(plain.text).not.toContain('$memberLimit');
    expect(plain.params).toEqual({ asOfDay: '2020-01-01' });
  });

  it('ask nothing when the funding filters leave no kind of statement', () => {
    const none = { participations: false, programmeFunding: false };
    expect(fundingStatement(none, [], null, 0)).toBeNull();
    // A city filter leaves out programme funding, which names no city.
    const cityOnly = fundingStatement(
      { participations: false, programmeFunding: true, city: { key: { eq: 'bochum' } } },
      [],
      null,
      0,
    );
    expect(cityOnly).toBeNull();
    const both = fundingStatement(
      { participations: true, programmeFunding: true, funder: { shortName: { eq: 'X' } } },
      [StatsDimension.FUNDER],
      null,
      3,
    )!;
    expect(both.text).toContain('[s:PARTICIPATES_IN]');
    expect(both.text).toContain('[s:FUNDS]');
    expect(Object.values(both.params)).toContain('X');
    expect(both.text).not.toContain("'X'");
  });
});
