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
  // Declared, not defined: `create` sets each one, and class fields would first define all ten
  // as undefined on every object (a national answer makes thousands).
  declare id: string;
  declare key: string;
  declare sources: Citation[];
  declare validity: Validity;
  declare basis: Basis;
  declare reasoning: string | null;
  declare version: number;
  declare typename: string;
  declare record: EntityRecord;
  /** The as-of view the object was read under (not a GraphQL field). */
  declare view: FactView | null;

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
