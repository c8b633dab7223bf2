import { toGlobalId } from '../../common/global-id';
import { citationsOf, type Citation } from '../citation/citation.type';
import type { EntityRecord } from '../entity/entity.record';
import { edtfOf } from './edtf-date.type';
import type { FactView } from '../time/as-of';
import { validityOf, type Validity } from '../time/validity.type';
import { basisOf, type Basis } from '../basis/basis';
import { versionOf } from './relation-identity';

/**
 * Base of every node object type: carries the record it was made from, the global id, the key
 * and the citations. Subclasses declare their GraphQL fields; scalar fields are copied from the
 * record's properties, EDTF fields become EdtfDate objects.
 */
export abstract class EntityObject {
  id!: string;
  key!: string;
  sources!: Citation[];
  validity!: Validity;
  basis!: Basis;
  reasoning!: string | null;
  version!: number;
  typename!: string;
  record!: EntityRecord;
  /** The as-of view the object was read under (not a GraphQL field). */
  view!: FactView | null;

  static create<T extends EntityObject>(
    this: new () => T,
    record: EntityRecord,
    edtfFields: string[] = [],
  ): T {
    const object = new this();
    Object.assign(object, record.props);
    for (const field of edtfFields)
      (object as Record<string, unknown>)[field] = edtfOf(record.props, field);
    object.record = record;
    object.view = record.view ?? null;
    object.key = record.key;
    object.typename = record.label;
    object.id = toGlobalId(record.label, record.key);
    object.sources = citationsOf(record.props, record.documents);
    object.validity = validityOf(record.props);
    object.version = versionOf(record.props);
    Object.assign(object, basisOf(record.props));
    return object;
  }
}
