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

/** Relation fields asked in one request of an entity page. */
export const RELATIONS_PER_QUERY = 4;

export interface EntityQueries {
  /** The entity's own fields, quotes and validity (variable `$id`). */
  own: string;
  /** The relation fields in groups, each group one request (`$id`, `$asOf`, `$asOfMode`). */
  relations: { names: string[]; query: string }[];
}

/**
 * The queries of an entity page: one for the entity itself, and its relation fields in groups
 * of RELATIONS_PER_QUERY, each with the page's day and mode (`$asOf`, `$asOfMode`; null for "any
 * day") and every item with its details, validity, basis and quotes. The API compiles each
 * request into one Cypher statement; a statement holding every relation of a city took Neo4j
 * 6–8 s to plan on a cold, loaded database, close to the API's 10 s limit, while the groups are
 * planned apart and in parallel, and the page shows each as it arrives.
 */
export function entityQueries(model: EntityModel, type: string): EntityQueries {
  const t = model.types[type];
  if (!t) throw new Error(`no entity type ${type}`);
  const own = [
    `query Entity($id: ID!) {`,
    `node(id: $id) { ...N basis reasoning validity ${VALIDITY} sources { ...C }`,
    `... on ${type} { ${t.fields.map(select).join(' ')} } } }`,
    nodeFragment(model),
    CITATION_FRAGMENT,
  ].join('\n');
  const relations: EntityQueries['relations'] = [];
  for (let i = 0; i < t.relations.length; i += RELATIONS_PER_QUERY) {
    const group = t.relations.slice(i, i + RELATIONS_PER_QUERY);
    relations.push({
      names: group.map((r) => r.name),
      query: [
        `query EntityRelations($id: ID!, $asOf: Date, $asOfMode: AsOfMode) {`,
        `node(id: $id) { __typename key ... on ${type} { ${group.map(relationSelection).join(' ')} } } }`,
        nodeFragment(model),
        CITATION_FRAGMENT,
        // GraphQL refuses a fragment nothing uses.
        ...(group.some((r) => r.view === 'link') ? [detailsFragment(model)] : []),
      ].join('\n'),
    });
  }
  return { own, relations };
}
