import type { EntityModel, ModelField, RelationModel } from './entity-model.types';

/** Items a list or connection relation shows on an entity page (the API's page size limit). */
export const RELATION_PAGE_SIZE = 100;

const EDTF = '{ edtf earliest latest }';
const FUNDING = '{ amount currency per upTo from purpose }';
const VALIDITY = '{ possibleFrom certainFrom certainUntil possibleUntil timeless }';

/** The selection of a field of the given kind (scalars need none). */
function select(field: ModelField): string {
  if (field.kind === 'edtf') return `${field.name} ${EDTF}`;
  if (field.kind === 'funding') return `${field.name} ${FUNDING}`;
  return field.name;
}

/** Fragment `N`: what names any entity (type, ids and its label fields). */
export function nodeFragment(model: EntityModel): string {
  const parts = Object.entries(model.types).map(
    ([type, t]) => `... on ${type} { ${t.labelFields.join(' ')} }`,
  );
  return `fragment N on Node { __typename id key ${parts.join(' ')} }`;
}

/** Fragment `C`: a quote with its document (title, publisher, date, link). */
export const CITATION_FRAGMENT = `fragment C on Citation { quote basis reasoning document { id key title publisher published ${EDTF} url } }`;

function detailsFragment(model: EntityModel): string {
  const fields = model.detailFields.map(select).join(' ');
  return `fragment D on RelationDetails { ${fields} validity ${VALIDITY} }`;
}

const FACT = `basis reasoning validity ${VALIDITY} sources { ...C }`;

/** What one item of a relation shows, by the relation's view. */
function itemSelection(view: RelationModel['view']): string {
  switch (view) {
    case 'link':
      return `node { ...N } basis reasoning details { ...D } sources { ...C }`;
    case 'post':
      return `person { ...N } holder { ...N } roleTitle role since ${EDTF} until ${EDTF} attested ${EDTF} ${FACT}`;
    case 'participation':
      return `city { ...N } programme { ...N } role roleTitle period ${EDTF} status reasons funding ${FUNDING} ${FACT}`;
    case 'funding':
      return `funder { ...N } programme { ...N } period ${EDTF} funding ${FUNDING} ${FACT}`;
  }
}

const DAY_ARGS = 'asOf: $asOf, asOfMode: $asOfMode';

function relationSelection(relation: RelationModel): string {
  const item = itemSelection(relation.view);
  if (relation.shape === 'connection') {
    return `${relation.name}(first: ${RELATION_PAGE_SIZE}, ${DAY_ARGS}) { totalCount nodes { ${item} } }`;
  }
  // Lists are asked for whole (`first` would cut them without saying so); a list that outgrows a
  // page is made a connection in the API, as the lists of a Land's cities are.
  return `${relation.name}(${DAY_ARGS}) { ${item} }`;
}

/**
 * The one query of an entity page: the entity's own fields, quotes and validity, and every
 * relation field of its type with the day and mode of the page (`$asOf`, `$asOfMode`; null for
 * "any day"), each item with its details, validity, basis and quotes. The API compiles it into
 * one Cypher statement; asking each relation under its own `node(id:)` alias instead was slower
 * (measured: 28 statements to plan instead of 2 on a cold database).
 */
export function entityQuery(model: EntityModel, type: string): string {
  const t = model.types[type];
  if (!t) throw new Error(`no entity type ${type}`);
  const own = t.fields.map(select).join(' ');
  const relations = t.relations.map(relationSelection).join(' ');
  // GraphQL refuses a variable or fragment nothing uses: a type without relations (a source
  // document) takes no day.
  const days = t.relations.length > 0 ? ', $asOf: Date, $asOfMode: AsOfMode' : '';
  return [
    `query Entity($id: ID!${days}) {`,
    `node(id: $id) { ...N basis reasoning validity ${VALIDITY} sources { ...C }`,
    `... on ${type} { ${own} ${relations} } } }`,
    nodeFragment(model),
    CITATION_FRAGMENT,
    ...(t.relations.some((r) => r.view === 'link') ? [detailsFragment(model)] : []),
  ].join('\n');
}
