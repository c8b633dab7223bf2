import { viewParams, type FactView } from '../time/as-of';
import { FilterCompiler } from '../filter/filter.compiler';
import {
  entity,
  funder,
  level,
  SELF,
  state,
  theme,
  topTheme,
  exactTheme,
  StatsDimension,
} from './stats.dimensions';
import type { DimensionSpec } from './stats.dimensions';
import { dimensionValues, grouping, type DimensionValues } from './stats.query';

/**
 * The funding aggregate's statement. Amounts come from two kinds of relationship: a city's
 * PARTICIPATES_IN with funding, and an organisation's FUNDS of a programme; both end at the
 * programme `p`. Statement rows carry `s` (the relationship), `c` (the city or null), `p` and
 * `o` (the funder or null).
 */

export interface FundingFilters {
  programme?: Record<string, unknown> | null;
  city?: Record<string, unknown> | null;
  funder?: Record<string, unknown> | null;
  participations: boolean;
  programmeFunding: boolean;
}

/** Values of a statement along one dimension: Cypher over s, c, p, o, dated. */
function fundingValues(
  dimension: StatsDimension,
  view: FactView | null,
  tag: string,
): DimensionValues {
  const keys = (start: string, spec: DimensionSpec) => dimensionValues(start, spec, view, tag);
  switch (dimension) {
    case StatsDimension.FUNDER:
      // A participation's money is attributed to the funders of its programme.
      return {
        form: 'many',
        key: 'entity',
        expr: `CASE WHEN o IS NULL THEN ${keys('p', funder(SELF)).expr} ELSE [o] END`,
      };
    case StatsDimension.PROGRAMME:
      return keys('p', entity(SELF));
    case StatsDimension.PROGRAMME_LEVEL:
      return keys('p', level(SELF));
    case StatsDimension.CITY:
      return keys('c', entity(SELF));
    case StatsDimension.STATE:
      return keys('c', state(SELF));
    case StatsDimension.YEAR:
      return keys('dated', { chains: SELF, key: { kind: 'year', field: 'period' } });
    case StatsDimension.THEME:
      return keys('p', theme(SELF));
    case StatsDimension.TOP_THEME:
      return keys('p', topTheme(SELF));
    case StatsDimension.THEME_EXACT:
      return keys('p', exactTheme(SELF));
    default:
      throw new Error(`funding cannot be grouped by ${dimension}`);
  }
}

const record = (v: string) =>
  `CASE WHEN ${v} IS NULL THEN null ELSE {key: ${v}.id, labels: labels(${v}), props: properties(${v})} END`;

export interface FundingStatementText {
  text: string;
  params: Record<string, unknown>;
}

/** Null when the filters leave no kind of statement (nothing to ask the database). */
export function fundingStatement(
  filters: FundingFilters,
  dimensions: readonly StatsDimension[],
  view: FactView | null,
  memberLimit: number,
): FundingStatementText | null {
  const compiler = new FilterCompiler('where', view);
  const and = (parts: string[]) => parts.filter((x) => x !== 'true').join(' AND ') || 'true';
  const programme = compiler.compile(filters.programme, 'Programme', 'p');
  const branches: string[] = [];
  if (filters.participations) {
    const funderOfProgramme = filters.funder
      ? `EXISTS { MATCH (p)<-[fx:FUNDS]-(fo:Organisation) WHERE ${and([
          ...compiler.validity('fx'),
          ...compiler.validity('fo'),
          compiler.compile(filters.funder, 'Organisation', 'fo'),
        ])} }`
      : 'true';
    branches.push(`MATCH (c:City:Entity)-[s:PARTICIPATES_IN]->(p:Programme:Entity)
    WHERE ${and([
      's.fundingAmount IS NOT NULL',
      ...compiler.validity('s'),
      ...compiler.validity('c'),
      ...compiler.validity('p'),
      compiler.compile(filters.city, 'City', 'c'),
      programme,
      funderOfProgramme,
    ])}
    RETURN s, c, p, null AS o`);
  }
  // A city filter asks about the cities' money; programme funding names no city.
  if (filters.programmeFunding && !filters.city) {
    branches.push(`MATCH (o:Organisation:Entity)-[s:FUNDS]->(p:Programme:Entity)
    WHERE ${and([
      's.fundingAmount IS NOT NULL',
      ...compiler.validity('s'),
      ...compiler.validity('o'),
      ...compiler.validity('p'),
      compiler.compile(filters.funder, 'Organisation', 'o'),
      programme,
    ])}
    RETURN s, null AS c, p, o`);
  }
  if (branches.length === 0) return null;

  const { columns, unwinds, rows, groupNames, bucketKeys } = grouping(
    dimensions.map((d, i) => fundingValues(d, view, `g${i}`)),
  );
  const statements =
    memberLimit > 0
      ? `collect({id: s.id, kind: type(s), props: properties(s), from: coalesce(${record('c')}, ${record('o')}), programme: ${record('p')}})[..$memberLimit]`
      : '[]';
  const text = `CALL () {
    ${branches.join('\n    UNION\n    ')}
}
WITH collect({s: s, c: c, p: p, o: o}) AS matched
CALL (matched) {
  UNWIND matched AS m
  WITH m.s AS s, m.c AS c, m.p AS p, m.o AS o
  // The year of a statement without its own period is its programme's.
  WITH s, c, p, o, CASE WHEN s.periodEarliest IS NULL THEN p ELSE s END AS dated
  ${['WITH s, c, p, o', ...columns].join(', ')}
  ${unwinds.join('\n  ')}
  ${rows('s, c, p, o')}
  ${memberLimit > 0 ? 'ORDER BY s.id' : '// no statements asked for: no order needed'}
  WITH ${groupNames.length ? `${groupNames.join(', ')}, ` : ''}type(s) AS kind, s.fundingCurrency AS currency, s.fundingPer AS per, coalesce(s.fundingUpTo, false) AS upTo,
    count(s) AS count, sum(s.fundingAmount) AS sum, min(s.fundingAmount) AS min, max(s.fundingAmount) AS max,
    count(CASE WHEN uncertain THEN 1 END) AS uncertain, ${statements} AS statements
  RETURN collect({keys: ${bucketKeys}, kind: kind, currency: currency, per: per, upTo: upTo, count: count,
    sum: sum, min: min, max: max, uncertain: uncertain, statements: statements}) AS buckets
}
RETURN size(matched) AS total, buckets`;
  return {
    text,
    params: {
      ...compiler.params,
      ...(memberLimit > 0 ? { memberLimit } : {}),
      ...viewParams(view),
    },
  };
}
