import type { GraphQLResolveInfo } from 'graphql';
import { documentsByKeys } from '../relation/relation.cypher';
import { mapProjection, selectedPropsAt, selectsBelow } from './planner';

/** Whether the citations (`sources`) of the objects at `holder` show their documents. */
export function citesDocuments(info: GraphQLResolveInfo, holder: readonly string[]): boolean {
  return selectsBelow(info, [...holder, 'sources'], ['document']);
}

/**
 * For a root field whose statement reads the documents its citations name: what the `document`
 * fields of the citations of the objects at `holders` (paths of field names below the root field)
 * read, by the planner's rules, with the key; null when one of them needs every property; false
 * when none asks for a document (the statement then reads none).
 */
export function citedDocumentProps(
  info: GraphQLResolveInfo,
  holders: readonly (readonly string[])[],
): readonly string[] | null | false {
  const asked = holders.filter((holder) => citesDocuments(info, holder));
  if (asked.length === 0) return false;
  const places = asked.map(
    (holder) => [[...holder, 'sources', 'document'], ['SourceDocument']] as const,
  );
  return selectedPropsAt(info, places, ['id']);
}

/**
 * The Cypher expression a statement returns its cited documents with: those whose keys the list
 * expression `keys` gives, with the properties citedDocumentProps chose; `null` when it chose
 * none.
 */
export function citedDocumentsRead(keys: string, props: readonly string[] | null | false): string {
  return props === false ? 'null' : documentsByKeys(keys, (d) => mapProjection(props, d));
}
