import { isDeepStrictEqual } from 'node:util';
import jsonld from 'jsonld';
import {
  NODE_LABELS,
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type FieldSpec,
} from '../../model/model';
import {
  DOCUMENT_TAIL,
  documentHead,
  entityObject,
  graphItem,
  PREDICATES,
  readContextDocument,
  relationObjects,
  type JsonObject,
} from './jsonld';

/* The context against the model, and a document that uses every term, through a processor. */

const offline = {
  documentLoader: async (url: string) => {
    throw new Error(`the tests load nothing from the network (asked for ${url})`);
  },
  // Safe mode makes expansion fail on any term the context does not map (a dropped property).
  safe: true,
} as unknown as jsonld.Options.Expand;

function sampleValue(name: string, spec: FieldSpec): unknown {
  if (name === 'url') return 'https://www.example.org/pressemitteilung?id=1';
  switch (spec.type) {
    case 'string':
      return 'Wert, mit „Anführung“ und Umlauten äöü';
    case 'string[]':
      return ['eins', 'zwei'];
    case 'int':
      return 40;
    case 'number':
      return 40000.5;
    case 'boolean':
      return true;
    case 'enum':
      return spec.values![0];
    case 'edtf':
      return '2020-05';
  }
}

function sampleProps(fields: Record<string, FieldSpec>): Record<string, unknown> {
  const props: Record<string, unknown> = {
    dataset: 'test',
    changedAt: '2025-03-01T10:15:00.123Z',
    changedBy: 'key-1',
    changedByName: 'Redaktion',
    basis: 'INFERRED',
    reasoning: 'Eine Lesart des Zitats.',
    sourceIds: ['doc-a', 'doc-b'],
    quotes: ['erstes Zitat', 'zweites Zitat'],
  };
  for (const [name, spec] of Object.entries(fields)) {
    props[name] = sampleValue(name, spec);
    if (spec.type === 'edtf') {
      props[`${name}Earliest`] = '2020-05-01';
      props[`${name}Latest`] = '2020-05-31';
    }
  }
  return props;
}

/** Every label and relationship type once, every field filled. */
function fullDocument(): JsonObject {
  const objects: JsonObject[] = [
    ...NODE_LABELS.map((label) =>
      entityObject({
        key: `k-${label}`,
        label,
        props: sampleProps(NODE_TYPES[label].fields as Record<string, FieldSpec>),
      }),
    ),
    ...RELATION_TYPE_NAMES.flatMap((type) =>
      relationObjects({
        id: `a~${type}~b`,
        type,
        from: `k-${RELATION_TYPES[type].from[0]}`,
        fromLabel: RELATION_TYPES[type].from[0]!,
        to: `k-${RELATION_TYPES[type].to[0]}`,
        toLabel: RELATION_TYPES[type].to[0]!,
        props: sampleProps(RELATION_TYPES[type].fields as Record<string, FieldSpec>),
      }),
    ),
  ];
  const text =
    documentHead(readContextDocument()['@context']) +
    objects.map((o, i) => graphItem(o, i === 0)).join('') +
    DOCUMENT_TAIL;
  return JSON.parse(text) as JsonObject;
}

/**
 * Number of property values in a JSON tree (a list counts its items), leaving out keywords and
 * their aliases. Expansion merges terms with one IRI (`labelDe`, `labelEn` → `skos:prefLabel`)
 * but keeps every value, so equal counts before and after prove that nothing was dropped.
 */
function countValues(value: unknown, keywords: Set<string>): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countValues(v, keywords), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === '@context') continue;
    if (!keywords.has(k) && !k.startsWith('@')) n += Array.isArray(v) ? v.length : 1;
    n += countValues(v, keywords);
  }
  return n;
}

describe('the basis in JSON-LD', () => {
  it('states the basis of every entity and statement, STATED when none is stored', () => {
    const node = entityObject({ key: 'x', label: 'City', props: { name: 'X' } });
    expect(node.basis).toBe('STATED');
    expect(node).not.toHaveProperty('reasoning');
    const props = { basis: 'INFERRED', reasoning: 'Der Satz legt es nahe.' };
    const [triple, statement] = relationObjects({
      id: 'r',
      type: 'BELONGS_TO',
      from: 'u',
      fromLabel: 'OrgUnit',
      to: 'c',
      toLabel: 'City',
      props,
    });
    expect(triple).not.toHaveProperty('basis');
    expect(statement).toMatchObject({ basis: 'INFERRED', reasoning: 'Der Satz legt es nahe.' });
    const theme = entityObject({ key: 't', label: 'Theme', props: { basis: 'EDITORIAL' } });
    expect(theme.basis).toBe('EDITORIAL');
  });
});

describe('changes in JSON-LD', () => {
  it('states when every entity and statement last changed and who changed it', () => {
    const curated = entityObject({
      key: 'x',
      label: 'OrgUnit',
      props: {
        name: 'X',
        dataset: 'curated',
        changedAt: '2025-03-01T10:15:00.123Z',
        changedBy: 'key-1',
        changedByName: 'Redaktion',
      },
    });
    expect(curated).toMatchObject({
      changedAt: '2025-03-01T10:15:00.123Z',
      changedBy: 'key-1',
      changedByName: 'Redaktion',
    });
    const [triple, statement] = relationObjects({
      id: 'r',
      type: 'BELONGS_TO',
      from: 'u',
      fromLabel: 'OrgUnit',
      to: 'c',
      toLabel: 'City',
      props: { dataset: 'seed', changedAt: '2025-01-01T00:00:00Z', changedBy: 'import:seed' },
    });
    expect(triple).not.toHaveProperty('changedAt');
    expect(statement).toMatchObject({
      changedAt: '2025-01-01T00:00:00Z',
      changedBy: 'import:seed',
    });
    expect(statement).not.toHaveProperty('changedByName');
  });
});

describe('the JSON-LD context', () => {
  const context = readContextDocument()['@context'];

  it('defines a term for every model field, its EDTF bounds, class and relationship', () => {
    const missing: string[] = [];
    const need = (term: string) => {
      if (!(term in context)) missing.push(term);
    };
    const fields = [
      ...NODE_LABELS.flatMap((l) =>
        Object.entries(NODE_TYPES[l].fields as Record<string, FieldSpec>),
      ),
      ...RELATION_TYPE_NAMES.flatMap((t) =>
        Object.entries(RELATION_TYPES[t].fields as Record<string, FieldSpec>),
      ),
    ];
    for (const [name, spec] of fields) {
      need(name);
      if (spec.type === 'edtf') {
        need(`${name}Earliest`);
        need(`${name}Latest`);
      }
    }
    NODE_LABELS.forEach(need);
    Object.values(PREDICATES).forEach(need);
    [
      'id',
      'type',
      'key',
      'dataset',
      'changedAt',
      'changedBy',
      'changedByName',
      'basis',
      'reasoning',
      'sources',
      'document',
      'quote',
      'Statement',
    ].forEach(need);
    expect(missing).toEqual([]);
    expect(new Set(Object.values(PREDICATES)).size).toBe(RELATION_TYPE_NAMES.length);
  });

  it('uses W3C Organization Ontology, schema.org and SKOS terms', () => {
    expect(context).toMatchObject({
      org: 'http://www.w3.org/ns/org#',
      schema: 'https://schema.org/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      belongsTo: { '@id': 'org:unitOf' },
      broader: { '@id': 'skos:broader' },
      labelDe: { '@id': 'skos:prefLabel', '@language': 'de' },
      name: 'schema:name',
    });
  });

  it('expands a document using every term without dropping one, and compacts it back unchanged', async () => {
    const doc = fullDocument();
    const expanded = await jsonld.expand(doc, offline);
    const aliases = new Set(['id', 'type']);
    expect(countValues(expanded, aliases)).toBe(countValues(doc, aliases));
    expect(countValues(doc, aliases)).toBeGreaterThan(400);
    // Every property of the expanded form is an absolute IRI or a keyword.
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      }
    };
    walk(expanded);
    for (const k of keys) expect(k).toMatch(/^(@[a-z]+|[a-z]+:.+)$/);

    const compacted = await jsonld.compact(
      expanded,
      doc['@context'] as jsonld.ContextDefinition,
      offline as jsonld.Options.Compact,
    );
    expect(isDeepStrictEqual(compacted, doc)).toBe(true);
  });
});
