import { toGlobalId } from '../../common/global-id';
import { citationsOf, type Citation } from '../citation/citation.type';
import type { EntityRecord } from '../entity/entity.record';
import { edtfOf } from './edtf-date.type';

/**
 * Base of every node object type: carries the record it was made from, the global id, the key
 * and the citations. Subclasses declare their GraphQL fields; scalar fields are copied from the
 * record's properties, EDTF fields become EdtfDate objects.
 */
export abstract class EntityObject {
  id!: string;
  key!: string;
  sources!: Citation[];
  typename!: string;
  record!: EntityRecord;

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
    object.key = record.key;
    object.typename = record.label;
    object.id = toGlobalId(record.label, record.key);
    object.sources = citationsOf(record.props);
    return object;
  }
}
