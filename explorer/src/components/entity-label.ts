import type { NodeRef } from '../api/types';
import type { Lang } from '../lib/route';

/** How an entity is named: its name, a document's title, a theme's label in the reader's language. */
export function entityLabel(node: NodeRef, lang: Lang): string {
  return (
    node.name ??
    node.title ??
    (lang === 'de' ? node.labelDe : node.labelEn) ??
    node.labelDe ??
    node.key
  );
}

/** Colours of the entity types, in the graph, the badges and the legend. */
export const TYPE_COLOURS: Record<string, string> = {
  City: '#1f77b4',
  County: '#5b9bd5',
  State: '#08306b',
  District: '#8fb8de',
  Venue: '#8c6d31',
  OrgUnit: '#e6550d',
  Person: '#2ca02c',
  Organisation: '#9467bd',
  Programme: '#c0392b',
  Event: '#d6619e',
  Theme: '#138d90',
  SourceDocument: '#6b6b6b',
};
