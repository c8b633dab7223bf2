import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import type {
  EntityModel,
  FieldKind,
  ModelField,
  RelationModel,
  RelationView,
} from '../src/lib/entity-model.types';

/**
 * Reads the API's schema (schema/schema.graphql, the checked-in contract) and describes what an
 * entity page shows for each type implementing `Node`: its own fields, the fields that name it,
 * and every relation field (the fields that take `asOf`) with its shape and item view. The
 * explorer's Vite build bundles this description, so entity pages follow the schema without a
 * hand-kept list, and a unit test builds every page query from it and validates it.
 */
export function buildEntityModel(sdl: string): EntityModel {
  const schema = buildSchema(sdl);
  const node = schema.getType('Node');
  if (!node || !isInterfaceType(node)) throw new Error('the schema has no Node interface');
  const types: EntityModel['types'] = {};
  const entityTypes = [...schema.getPossibleTypes(node)].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const type of entityTypes) {
    const fields = Object.values(type.getFields());
    const relations = fields.filter(isRelationField).map(relationOf);
    const lists = new Set(relations.filter((r) => r.shape === 'list').map((r) => r.name));
    types[type.name] = {
      labelFields: labelFieldsOf(type),
      fields: fields.filter((f) => f.args.length === 0).flatMap(ownField),
      // `orgUnitsConnection` beside `orgUnits` pages the same items: the page shows the list.
      relations: relations.filter(
        (r) => !(r.shape === 'connection' && lists.has(r.name.replace(/Connection$/, ''))),
      ),
    };
  }
  const details = schema.getType('RelationDetails');
  if (!details || !isObjectType(details)) throw new Error('the schema has no RelationDetails');
  return {
    types,
    detailFields: Object.values(details.getFields()).flatMap(ownField),
  };
}

/**
 * Shown elsewhere on the page (header, basis badge, validity, quotes) or not at all: `version`
 * and `relationId` are the curation API's bookkeeping, not facts a reader looks at.
 */
const NOT_PROPERTIES = new Set([
  'id',
  'key',
  'basis',
  'reasoning',
  'validity',
  'sources',
  'version',
  'relationId',
]);

function ownField(field: GraphQLField<unknown, unknown>): ModelField[] {
  if (NOT_PROPERTIES.has(field.name)) return [];
  const kind = kindOf(field.type);
  return kind ? [{ name: field.name, kind }] : [];
}

function kindOf(type: GraphQLOutputType): FieldKind | null {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(type);
  if (isListType(inner)) return named.name === 'String' ? 'texts' : null;
  if (named.name === 'EdtfDate') return 'edtf';
  if (named.name === 'Funding') return 'funding';
  if (!isScalarType(named)) return null;
  if (named.name === 'Boolean') return 'boolean';
  if (named.name === 'Int' || named.name === 'Float') return 'number';
  return 'text';
}

/** What names an entity: its name, a document's title, a theme's labels. */
function labelFieldsOf(type: GraphQLObjectType): string[] {
  const fields = type.getFields();
  if (fields.name) return ['name'];
  if (fields.title) return ['title'];
  if (fields.labelDe && fields.labelEn) return ['labelDe', 'labelEn'];
  throw new Error(`${type.name} has no field that names it`);
}

/** Relation fields are the ones that take a day: every one of them has `asOf`. */
function isRelationField(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === 'asOf');
}

const VIEWS: Record<string, RelationView> = {
  Post: 'post',
  Participation: 'participation',
  ProgrammeFunding: 'funding',
};

function relationOf(field: GraphQLField<unknown, unknown>): RelationModel {
  const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
  let item = getNamedType(field.type);
  let shape: RelationModel['shape'] = isListType(inner) ? 'list' : 'one';
  if (isObjectType(item) && item.name.endsWith('Connection') && item.getFields().nodes) {
    shape = 'connection';
    item = getNamedType(item.getFields().nodes!.type);
  }
  return {
    name: field.name,
    shape,
    view: VIEWS[item.name] ?? 'link',
    description: field.description ?? '',
    paged: field.args.some((a) => a.name === 'first'),
  };
}
