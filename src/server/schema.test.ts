import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, printAppSchema } from './schema';
import { REPO_ROOT } from '../config';
import { isInputObjectType, isInterfaceType, isObjectType, type GraphQLResolveInfo } from 'graphql';

describe('the GraphQL schema', () => {
  it('matches the checked-in contract schema/schema.graphql (run `npm run schema:emit` after a change)', async () => {
    const file = fs.readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(await printAppSchema()).toBe(file);
  });

  it('describes every type, field and argument for researchers', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the object type of every abstract value at once, never through a promise', async () => {
    // A promise here makes graphql-js complete the whole answer around it promise by promise.
    const schema = await buildAppSchema();
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('Node is not an interface');
    const info = {} as GraphQLResolveInfo;
    expect(node.resolveType?.({ typename: 'City' }, {}, info, node)).toBe('City');
    expect(node.resolveType?.({ typename: 'Programme' }, {}, info, node)).toBe('Programme');
  });
});
