import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../schema';
import { cachedQueryCost, queryCost } from './query-cost';

const OPTIONS = { maxCost: 200_000, assumedListLength: 10 };
const UNITS = parse(`query($first: Int) {
  cities(first: $first) { nodes { key orgUnits { node { key name posts { roleTitle person { name } } } } } }
}`);

describe('cachedQueryCost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('gives the cost of each variable set of one document, also when asked again', () => {
    const costOf = cachedQueryCost(schema, OPTIONS);
    // 1 + first × 343 (see test/limits.int.test.ts).
    const asked = [584, 4, 584, 4, 100].map((first) =>
      costOf({ query: UNITS, variables: { first } }),
    );
    expect(asked).toEqual([200_313, 1_373, 200_313, 1_373, 34_301]);
    expect(asked[4]).toBe(queryCost(schema, OPTIONS, { query: UNITS, variables: { first: 100 } }));
  });

  it('keeps documents apart, also when their variables are the same', () => {
    const costOf = cachedQueryCost(schema, OPTIONS);
    const flat = parse('query($first: Int) { cities(first: $first) { nodes { key } } }');
    expect(costOf({ query: UNITS, variables: { first: 2 } })).toBe(687);
    expect(costOf({ query: flat, variables: { first: 2 } })).toBe(
      queryCost(schema, OPTIONS, {
        query: flat,
        variables: { first: 2 },
      }),
    );
    expect(costOf({ query: flat, variables: { first: 2 } })).not.toBe(687);
  });

  it('costs long variable sets afresh rather than keeping them', () => {
    const costOf = cachedQueryCost(schema, OPTIONS);
    const long = { first: 3, padding: 'x'.repeat(5_000) };
    expect(costOf({ query: UNITS, variables: long })).toBe(1_030);
    expect(costOf({ query: UNITS, variables: long })).toBe(1_030);
  });
});
