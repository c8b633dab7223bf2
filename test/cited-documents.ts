import type { TestApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/** Every `document` under `sources` anywhere in an answer, by key. */
export function citedDocuments(answer: unknown): Map<string, any> {
  const found = new Map<string, any>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [name, inner] of Object.entries(value)) {
      if (name === 'sources' && Array.isArray(inner)) {
        for (const source of inner as { document?: { key: string } }[])
          if (source.document) found.set(source.document.key, source.document);
      }
      visit(inner);
    }
  };
  visit(answer);
  return found;
}

/**
 * Asserts that the documents an answer's citations carry are exactly what `nodes(ids:)` reads
 * for the same keys with the same `fields` (read whole, through the loader).
 */
export async function expectDocumentsAsLoaded(
  api: TestApi,
  documents: Map<string, any>,
  fields: string,
): Promise<void> {
  expect(documents.size).toBeGreaterThan(0);
  const keys = [...documents.keys()].sort();
  const loaded = await api.query(
    `query($ids: [ID!]!) { nodes(ids: $ids) { ... on SourceDocument { ${fields} } } }`,
    { ids: keys },
  );
  expect(loaded.errors).toBeUndefined();
  expect(loaded.data.nodes).toEqual(keys.map((key) => documents.get(key)));
}
