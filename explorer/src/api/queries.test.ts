import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { DEFAULT_LIMITS, REPO_ROOT } from '../../../src/config';
import { queryCost } from '../../../src/server/limits/query-cost';
import { buildEntityModel } from '../../build/entity-model';
import { queriesFor } from './queries';

const sdl = fs.readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8');
const schema = buildSchema(sdl);
const queries = queriesFor(buildEntityModel(sdl));

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

// The largest variables the pages send (page sizes count towards the cost).
const VARIABLES: Record<string, Record<string, unknown>> = {
  SEARCH: { text: 'Senioren', first: 100 },
  NODE_TYPE: { id: 'bochum' },
  NEIGHBOURHOOD: { id: 'bochum', depth: 2 },
  PATHS: { from: 'bochum', to: 'janina-kandt' },
  CITY_TIMELINE: { city: 'bochum', to: null },
  THEME_TIMELINE: { theme: 'ageing', to: null },
  THEMES: {},
  CITY_NAMES: { ids: ['bochum'] },
  COMPARE: { ids: ['bochum', 'bremerhaven'] },
  DASHBOARD: {},
};

const operations = Object.entries(queries).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe('the explorer’s operations', () => {
  it('are all here', () => {
    expect(operations.map(([name]) => name).sort()).toEqual([
      'CITY_NAMES',
      'CITY_TIMELINE',
      'COMPARE',
      'DASHBOARD',
      'NEIGHBOURHOOD',
      'NODE_TYPE',
      'PATHS',
      'SEARCH',
      'THEMES',
      'THEME_TIMELINE',
    ]);
  });

  it.each(operations)(
    '%s is valid against the schema and within the token and cost limits',
    (name, query) => {
      const document = parse(query);
      expect(validate(schema, document)).toEqual([]);
      expect(tokenCount(query)).toBeLessThan(DEFAULT_LIMITS.maxTokens);
      const variables = VARIABLES[name];
      expect(queryCost(schema, DEFAULT_LIMITS, { query: document, variables })).toBeLessThan(
        DEFAULT_LIMITS.maxCost,
      );
    },
  );

  it.each(Object.keys(buildEntityModel(sdl).types))(
    'the entity queries of a %s page are within the cost limit',
    (type) => {
      const { own, relations } = queries.entity(type);
      const variables = { id: 'x', asOf: '2020-12-31', asOfMode: 'CERTAIN' };
      for (const query of [own, ...relations.map((r) => r.query)]) {
        expect(queryCost(schema, DEFAULT_LIMITS, { query: parse(query), variables })).toBeLessThan(
          DEFAULT_LIMITS.maxCost,
        );
      }
    },
  );
});
