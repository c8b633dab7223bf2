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

/**
 * Values of a statement along one dimension: Cypher over s, c, p, o, dated. A value that depends
 * on the programme alone is read once per programme in each branch (`perProgramme`, the Cypher
 * for a participation's and for a programme funding's) into `pv<i>`, which `values` then names:
 * a programme has many statements (2,001 participations of 25 programmes in the bench's
 * synthetic graph), and walking to its funders for each of them made the statement about a
 * fifth slower (bench/README, 2026-12-01 09:00).
 */
interface FundingDimension {
  values: DimensionValues;
  perProgramme?: { participation: string; programmeFunding: string };
}

function fundingDimension(
  dimension: StatsDimension,
  view: FactView | null,
  index: number,
): FundingDimension {
  const tag = `g${index}`;
  const keys = (start: string, spec: DimensionSpec) => dimensionValues(start, spec, view, tag);
  const ofProgramme = (spec: DimensionSpec): FundingDimension => {
    const values = keys('p', spec);
    return {
      values: { ...values, expr: `pv${index}` },
      perProgramme: { participation: values.expr, programmeFunding: values.expr },
    };
  };
  switch (dimension) {
    case StatsDimension.FUNDER: {
      // A participation's money is attributed to the funders of its programme; a programme
      // funding's to its funder.
      const funders = keys('p', funder(SELF));
      return {
        values: { form: 'many', key: 'entity', expr: `pv${index}` },
        perProgramme: { participation: funders.expr, programmeFunding: '[o]' },
      };
    }
    case StatsDimension.PROGRAMME:
      return { values: keys('p', entity(SELF)) };
    case StatsDimension.PROGRAMME_LEVEL:
      return { values: keys('p', level(SELF)) };
    case StatsDimension.THEME:
      return ofProgramme(theme(SELF));
    case StatsDimension.TOP_THEME:
      return ofProgramme(topTheme(SELF));
    case StatsDimension.THEME_EXACT:
      return ofProgramme(exactTheme(SELF));
    case StatsDimension.CITY:
      return { values: keys('c', entity(SELF)) };
    case StatsDimension.STATE:
      return { values: keys('c', state(SELF)) };
    case StatsDimension.YEAR:
      return { values: keys('dated', { chains: SELF, key: { kind: 'year', field: 'period' } }) };
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
  const dims = dimensions.map((d, i) => fundingDimension(d, view, i));
  const perProgramme = dims.flatMap((d, i) => (d.perProgramme ? [{ i, ...d.perProgramme }] : []));
  const pv = perProgramme.map(({ i }) => `pv${i}`);
  const branches: string[] = [];
  if (filters.participations) {
    const funderOfProgramme = filters.funder
      ? `EXISTS { MATCH (p)<-[fx:FUNDS]-(fo:Organisation) WHERE ${and([
          ...compiler.validity('fx'),
          ...compiler.validity('fo'),
          compiler.compile(filters.funder, 'Organisation', 'fo'),
        ])} }`
      : 'true';
    const ofProgramme = and([...compiler.validity('p'), programme, funderOfProgramme]);
    const ofStatement = and([
      's.fundingAmount IS NOT NULL',
      ...compiler.validity('s'),
      ...compiler.validity('c'),
      compiler.compile(filters.city, 'City', 'c'),
    ]);
    branches.push(
      pv.length === 0
        ? `MATCH (c:City:Entity)-[s:PARTICIPATES_IN]->(p:Programme:Entity)
    WHERE ${and([ofStatement, ofProgramme])}
    RETURN s, c, p, null AS o`
        : `MATCH (p:Programme:Entity)
    WHERE ${ofProgramme}
    WITH p, ${perProgramme.map(({ i, participation }) => `${participation} AS pv${i}`).join(', ')}
    MATCH (c:City:Entity)-[s:PARTICIPATES_IN]->(p)
    WHERE ${ofStatement}
    RETURN s, c, p, null AS o, ${pv.join(', ')}`,
    );
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
    RETURN ${['s', 'null AS c', 'p', 'o', ...perProgramme.map(({ i, programmeFunding }) => `${programmeFunding} AS pv${i}`)].join(', ')}`);
  }
  if (branches.length === 0) return null;

  // Statements are counted as they are grouped (each one's first row), not collected first.
  const { columns, unwinds, rows, groupNames, bucketKeys } = grouping(
    dims.map((d) => d.values),
    true,
  );
  const statements =
    memberLimit > 0
      ? `collect({id: s.id, kind: type(s), props: properties(s), from: coalesce(${record('c')}, ${record('o')}), programme: ${record('p')}})[..$memberLimit]`
      : '[]';
  const text = `CALL () {
    ${branches.join('\n    UNION\n    ')}
}
// The year of a statement without its own period is its programme's.
WITH ${['s', 'c', 'p', 'o', ...pv].join(', ')}, CASE WHEN s.periodEarliest IS NULL THEN p ELSE s END AS dated
${['WITH s, c, p, o', ...columns].join(', ')}
${unwinds.join('\n')}
${rows('s, c, p, o')}
${memberLimit > 0 ? 'ORDER BY s.id' : '// no statements asked for: no order needed'}
WITH ${groupNames.length ? `${groupNames.join(', ')}, ` : ''}type(s) AS kind, s.fundingCurrency AS currency, s.fundingPer AS per, coalesce(s.fundingUpTo, false) AS upTo,
  count(s) AS count, sum(s.fundingAmount) AS sum, min(s.fundingAmount) AS min, max(s.fundingAmount) AS max,
  count(CASE WHEN uncertain THEN 1 END) AS uncertain, count(CASE WHEN first THEN 1 END) AS firsts,
  ${statements} AS statements
// Without a statement there is no bucket, and still one row: a total of 0.
RETURN sum(firsts) AS total, collect({keys: ${bucketKeys}, kind: kind, currency: currency, per: per,
  upTo: upTo, count: count, sum: sum, min: min, max: max, uncertain: uncertain, statements: statements}) AS buckets`;
  return {
    text,
    params: {
      ...compiler.params,
      ...(memberLimit > 0 ? { memberLimit } : {}),
      ...viewParams(view),
    },
  };
}
