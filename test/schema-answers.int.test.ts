import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { toGlobalId } from '../src/common/global-id';
import { seededApi, type TestKey } from './api';

/*
 * The schema-wide answer test: from the running schema's introspection, every field of every
 * object type is asked on the seeded graph, with every argument at its default, and no answer
 * may carry an error. Each root field is asked once (root lists at their default page), and
 * node(id:) once for an entity of each type. An entity reached from the root is asked in full
 * (relation fields and value objects such as validity, sources, details); an entity one
 * relation further is asked for its plain fields only, which keeps every request bounded.
 */

// The request limits (README "Limits") are lifted here: this test is about answers, one request
// per root field; test/limits.int.test.ts tests the limits.
const UNLIMITED = 1_000_000_000;
const api = seededApi({
  limits: {
    maxDepth: UNLIMITED,
    maxAliases: UNLIMITED,
    maxTokens: UNLIMITED,
    maxCost: UNLIMITED,
    maxBodyBytes: UNLIMITED,
    maxResponseBytes: UNLIMITED,
    rateLimit: UNLIMITED,
  },
});

/** Argument values for the arguments that have no default, by "Type.field". */
type Ids = Record<string, string>;
const REQUIRED: Record<string, (ids: Ids) => string> = {
  'Query.node': (ids) => `id: ${JSON.stringify(ids.City)}`,
  'Query.nodes': (ids) => `ids: ${JSON.stringify(Object.values(ids))}`,
  'Query.paths': (ids) =>
    `from: ${JSON.stringify(ids.bochum)}, to: ${JSON.stringify(ids.zukunftswerkstatt)}`,
  'Query.neighbourhood': (ids) => `id: ${JSON.stringify(ids.bochum)}`,
  'Query.search': () => `text: "Senioren"`,
  'Query.compareCities': (ids) => `ids: ${JSON.stringify([ids.bochum, ids.bremerhaven])}`,
  'Stats.cityProfile': (ids) => `id: ${JSON.stringify(ids.bochum)}`,
  'Query.history': (ids) => `id: ${JSON.stringify(ids.bochum)}`,
  'History.stateAt': () => `time: "2025-01-01"`,
};

/**
 * Fields deliberately not asked, with the reason. Writes are not answers on the seeded graph (the
 * curation writes are added in beforeAll); types only a mutation returns are here.
 */
const WRITE_ONLY = 'returned only by a mutation (createApiKey): test/auth.int.test.ts asks it';
const SKIPPED: Record<string, string> = {
  'CreatedApiKey.key': WRITE_ONLY,
  'CreatedApiKey.secret': WRITE_ONLY,
  'Query.reviewQueue': 'needs a credential; test/curation-review.int.test.ts asks it',
};

/** Writes and what only they answer: the curation tests run them (test/curation-*.int.test.ts). */
const WRITE_TYPES = ['Mutation', 'CurationResult', 'ProposalConnection', 'ProposalEdge'];

/** A field (or inline fragment) with what is asked below it; a leaf has no children. */
interface Sel {
  head: string;
  children?: Sel[];
}

function render(sel: Sel): string {
  return sel.children
    ? `${sel.head} { __typename ${sel.children.map(render).join(' ')} }`
    : sel.head;
}

class QueryBuilder {
  readonly asked = new Set<string>();
  readonly missingArgs = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ids: Ids,
  ) {}

  private isEntity(type: GraphQLNamedType): boolean {
    if (isInterfaceType(type) || isUnionType(type)) return true;
    return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
  }

  private args(owner: string, field: GraphQLField<unknown, unknown>): string | null {
    const required = field.args.filter(
      (a) => isNonNullType(a.type) && a.defaultValue === undefined,
    );
    if (required.length === 0) return '';
    const value = REQUIRED[`${owner}.${field.name}`];
    if (!value) {
      this.missingArgs.add(`${owner}.${field.name}`);
      return null;
    }
    return `(${value(this.ids)})`;
  }

  /**
   * The selection of an object type; `level` counts the entities entered on the way (inside a
   * root list's item or node(id:) it is 1, so the entities its relations reach are shallow).
   */
  objectSelection(type: GraphQLObjectType, level: number, stack: readonly string[]): Sel[] {
    const parts: Sel[] = [];
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (SKIPPED[key]) continue;
      const args = this.args(type.name, field);
      if (args === null) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) {
        parts.push({ head: `${field.name}${args}` });
      } else {
        const entity = this.isEntity(named);
        // An entity one relation away, or a value object already on the way: its plain fields.
        const shallow = (entity && level >= 1) || stack.includes(named.name);
        parts.push({
          head: `${field.name}${args}`,
          children: this.selection(
            named,
            entity ? level + 1 : level,
            [...stack, named.name],
            shallow,
          ),
        });
      }
      this.asked.add(key);
    }
    return parts;
  }

  /** Leaf fields only; inside fragments of several types aliased, as their types may differ. */
  private plainFields(type: GraphQLObjectType, alias = false): Sel[] {
    return Object.values(type.getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && this.args(type.name, f) === '')
      .map((f) => ({ head: alias ? `${type.name}_${f.name}: ${f.name}` : f.name }));
  }

  selection(
    type: GraphQLNamedType,
    level: number,
    stack: readonly string[],
    shallow = false,
  ): Sel[] {
    if (isObjectType(type)) {
      return shallow ? this.plainFields(type) : this.objectSelection(type, level, stack);
    }
    if (isInterfaceType(type)) {
      // An entity of any type: the interface's own fields (each type's own are asked in full
      // through node(id:)), which keeps the requests small.
      return Object.values(type.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && this.args(type.name, f) === '')
        .map((f) => ({ head: f.name }));
    }
    if (isUnionType(type)) {
      return type
        .getTypes()
        .map((t) => ({ head: `... on ${t.name}`, children: this.plainFields(t, true) }));
    }
    throw new Error(`no selection for ${type.name}`);
  }

  /** One request per root field, each with every field below it. */
  rootRequests(): { name: string; sel: Sel }[] {
    const query = this.schema.getQueryType()!;
    const requests: { name: string; sel: Sel }[] = [];
    for (const field of Object.values(query.getFields())) {
      if (SKIPPED[`Query.${field.name}`]) continue;
      const args = this.args('Query', field);
      if (args === null) continue;
      const named = getNamedType(field.type);
      requests.push({
        name: field.name,
        sel: {
          head: `${field.name}${args}`,
          ...(isLeafType(named) ? {} : { children: this.selection(named, 0, [named.name]) }),
        },
      });
      this.asked.add(`Query.${field.name}`);
    }
    return requests;
  }

  /** node(id:) for an entity of each type, asked in full. */
  nodeRequests(idsByType: Record<string, string>): { name: string; sel: Sel }[] {
    return Object.entries(idsByType).map(([typeName, id]) => {
      const type = this.schema.getType(typeName) as GraphQLObjectType;
      return {
        name: `node(${typeName})`,
        sel: {
          head: `node(id: ${JSON.stringify(id)})`,
          children: [
            { head: `... on ${typeName}`, children: this.objectSelection(type, 1, [typeName]) },
          ],
        },
      };
    });
  }

  allFields(): string[] {
    return Object.values(this.schema.getTypeMap())
      .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))
      .filter((t) => t !== this.schema.getMutationType())
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
  }
}

async function loadSchema(): Promise<GraphQLSchema> {
  const result = await api().query(getIntrospectionQuery());
  expect(result.errors).toBeUndefined();
  return buildClientSchema(result.data as IntrospectionQuery);
}

/** One entity of each type (the first by key), as global ids. */
async function firstOfEachType(schema: GraphQLSchema): Promise<Record<string, string>> {
  const node = schema.getType('Node');
  if (!node || !isInterfaceType(node)) throw new Error('no Node interface');
  const out: Record<string, string> = {};
  for (const type of schema.getPossibleTypes(node)) {
    const result = await api().db.executeRead((tx) =>
      tx.run(`MATCH (n:Entity) WHERE $label IN labels(n) RETURN n.id AS key ORDER BY key LIMIT 1`, {
        label: type.name,
      }),
    );
    const key = result.records[0]?.get('key') as string | undefined;
    if (key) out[type.name] = toGlobalId(type.name, key);
  }
  return out;
}

describe('every field of every type answers without error on the seeded graph', () => {
  // Every request carries an admin key, so that `apiKeys` (admins only) answers and `me` is not
  // null; reads answer the same with or without a key (test/auth.int.test.ts).
  let admin: TestKey;
  let schema: GraphQLSchema;
  let builder: QueryBuilder;
  let requests: { name: string; sel: Sel }[] = [];
  let idsByType: Record<string, string> = {};

  beforeAll(async () => {
    admin = await api().keyFor('ADMIN', 'schema answers');
    schema = await loadSchema();
    for (const name of WRITE_TYPES) {
      for (const field of Object.keys((schema.getType(name) as GraphQLObjectType).getFields())) {
        SKIPPED[`${name}.${field}`] = 'a write or its answer: the curation tests run them';
      }
    }
    idsByType = await firstOfEachType(schema);
    const ids: Ids = {
      ...idsByType,
      bochum: toGlobalId('City', 'bochum'),
      bremerhaven: toGlobalId('City', 'bremerhaven'),
      zukunftswerkstatt: toGlobalId('Programme', 'zukunftswerkstatt-kommunen'),
    };
    builder = new QueryBuilder(schema, ids);
    requests = [...builder.rootRequests(), ...builder.nodeRequests(idsByType)];
  });

  it('has an entity of every type to ask node(id:) for', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node) && Object.keys(idsByType).sort()).toEqual(
      isInterfaceType(node) &&
        schema
          .getPossibleTypes(node)
          .map((t) => t.name)
          .sort(),
    );
  });

  it('asks every field of every object type, or says why not', () => {
    expect([...builder.missingArgs]).toEqual([]);
    const notAsked = builder.allFields().filter((f) => !builder.asked.has(f) && !SKIPPED[f]);
    expect(notAsked).toEqual([]);
  });

  it('answers every root field and node(id:) of each type without an error', async () => {
    const failures: { request: string; errors: unknown[] }[] = [];
    for (const { name, sel } of requests) {
      const result = await admin.query(`{ ${render(sel)} }`);
      if (result.errors || !result.data) {
        failures.push({
          request: name,
          errors: (result.errors ?? [{ message: 'no data' }]).slice(0, 3).map((e) => ({
            message: e.message,
            path: e.path,
            code: e.extensions?.code,
          })),
        });
      }
    }
    expect(failures).toEqual([]);
    // Hundreds of requests, one after another: 85 s on a loaded 2-core machine. A correctness
    // test, not a timed one, so the limit only catches a hang.
  }, 300_000);
});
