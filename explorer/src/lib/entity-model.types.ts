/** How an own field of an entity is shown. */
export type FieldKind = 'text' | 'texts' | 'number' | 'boolean' | 'edtf' | 'funding';

export interface ModelField {
  name: string;
  kind: FieldKind;
}

/** A cited link (`{ node, sources, details }`), or an edge object naming both ends. */
export type RelationView = 'link' | 'post' | 'participation' | 'funding';

export interface RelationModel {
  /** The relation field, e.g. `orgUnits`. */
  name: string;
  /** A single link or null, a list, or a paged connection. */
  shape: 'one' | 'list' | 'connection';
  view: RelationView;
  /** The schema's description of the field (English). */
  description: string;
  /** Whether the field takes `first`. */
  paged: boolean;
}

export interface EntityTypeModel {
  /** The fields that name an entity of the type (`name`; `title`; `labelDe`, `labelEn`). */
  labelFields: string[];
  /** Own fields shown as properties, in schema order. */
  fields: ModelField[];
  /** Relation fields, in schema order. */
  relations: RelationModel[];
}

/** What entity pages show, read from the schema at build time (explorer/build/entity-model.ts). */
export interface EntityModel {
  /** Per type implementing Node, by type name. */
  types: Record<string, EntityTypeModel>;
  /** The fields of RelationDetails (what a relationship itself says). */
  detailFields: ModelField[];
}
