import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { DEFAULT_LIMITS, REPO_ROOT } from '../../src/config';
import { entityQueries, RELATIONS_PER_QUERY } from '../src/lib/entity-query';
import { buildEntityModel } from './entity-model';

const sdl = fs.readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8');
const schema = buildSchema(sdl);
const model = buildEntityModel(sdl);

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

describe('the entity model read from the schema', () => {
  it('has every type implementing Node', () => {
    expect(Object.keys(model.types).sort()).toEqual([
      'City',
      'County',
      'District',
      'Event',
      'OrgUnit',
      'Organisation',
      'Person',
      'Programme',
      'SourceDocument',
      'State',
      'Theme',
      'Venue',
    ]);
  });

  it('reads shapes and views of relation fields, and leaves out the connection twin of a list', () => {
    const city = model.types.City!;
    const names = city.relations.map((r) => r.name);
    expect(names).toContain('orgUnits');
    expect(names).not.toContain('orgUnitsConnection');
    expect(city.relations.find((r) => r.name === 'state')).toMatchObject({
      shape: 'one',
      view: 'link',
    });
    expect(city.relations.find((r) => r.name === 'participations')).toMatchObject({
      shape: 'list',
      view: 'participation',
    });
    expect(city.relations.find((r) => r.name === 'posts')).toMatchObject({ view: 'post' });
    expect(model.types.Programme!.relations.find((r) => r.name === 'funders')).toMatchObject({
      view: 'funding',
    });
    expect(model.types.State!.relations.find((r) => r.name === 'cities')).toMatchObject({
      shape: 'connection',
      view: 'link',
    });
    expect(model.types.Programme!.relations.map((r) => r.name)).not.toContain(
      'participantsConnection',
    );
    expect(model.types.SourceDocument!.relations).toEqual([]);
  });

  it('reads own fields by kind and the fields that name each type', () => {
    expect(model.types.OrgUnit!.fields).toEqual(
      expect.arrayContaining([
        { name: 'name', kind: 'text' },
        { name: 'altNames', kind: 'texts' },
        { name: 'established', kind: 'edtf' },
        { name: 'count', kind: 'number' },
      ]),
    );
    expect(model.types.OrgUnit!.fields.map((f) => f.name)).not.toContain('validity');
    expect(model.types.Theme!.labelFields).toEqual(['labelDe', 'labelEn']);
    expect(model.types.SourceDocument!.labelFields).toEqual(['title']);
    expect(model.types.City!.labelFields).toEqual(['name']);
    expect(model.detailFields).toEqual(
      expect.arrayContaining([
        { name: 'roleTitle', kind: 'text' },
        { name: 'funding', kind: 'funding' },
        { name: 'since', kind: 'edtf' },
      ]),
    );
  });
});

describe('entity page queries', () => {
  it.each(Object.keys(model.types))(
    'the queries of a %s page are valid against the schema and within the token limit',
    (type) => {
      const { own, relations } = entityQueries(model, type);
      for (const query of [own, ...relations.map((r) => r.query)]) {
        expect(validate(schema, parse(query))).toEqual([]);
        expect(tokenCount(query)).toBeLessThan(DEFAULT_LIMITS.maxTokens);
      }
    },
  );

  it('asks every relation field once, in groups, with the page day and mode', () => {
    const { own, relations } = entityQueries(model, 'OrgUnit');
    expect(own).not.toContain('asOf');
    expect(relations.flatMap((r) => r.names)).toEqual(
      model.types.OrgUnit!.relations.map((r) => r.name),
    );
    expect(relations.every((r) => r.names.length <= RELATIONS_PER_QUERY)).toBe(true);
    expect(relations.length).toBe(
      Math.ceil(model.types.OrgUnit!.relations.length / RELATIONS_PER_QUERY),
    );
    for (const { names, query } of relations) {
      for (const name of names) {
        expect(query).toContain(`${name}(asOf: $asOf, asOfMode: $asOfMode)`);
      }
    }
    expect(entityQueries(model, 'SourceDocument').relations).toEqual([]);
  });

  it('refuses a type the schema does not have', () => {
    expect(() => entityQueries(model, 'Atlantis')).toThrow('no entity type Atlantis');
  });
});
