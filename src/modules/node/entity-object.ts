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
  // Declared, not defined: `create` sets each one, and class fields would first define them all
  // as undefined on every object (a national answer makes thousands).
  declare key: string;
  declare basis: Basis;
  declare reasoning: string | null;
  declare version: number;
  declare typename: string;
  declare record: EntityRecord;
  /** The as-of view the object was read under (not a GraphQL field). */
  declare view: FactView | null;
  declare private madeSources?: Citation[];
  declare private madeValidity?: Validity;

  // The global id, the citations and the validity are made when first read: most selections
  // ask for few of them, and each would be one more string or object per node of the answer.
  get id(): string {
    return toGlobalId(this.typename, this.key);
  }

  get sources(): Citation[] {
    return (this.madeSources ??= citationsOf(this.record.props, this.record.documents));
  }

  get validity(): Validity {
    return (this.madeValidity ??= validityOf(this.record.props));
  }

  static create<T extends EntityObject>(
    this: new () => T,
    record: EntityRecord,
    edtfFields: readonly string[] = [],
  ): T {
    const object = new this();
    const props = record.props;
    const fields = object as unknown as Record<string, unknown>;
    // A node's stored `id` is its key; `id` here is the global id, made from the key.
    for (const name in props) if (!COMPUTED.has(name)) fields[name] = props[name];
    for (const field of edtfFields) fields[field] = edtfOf(props, field);
    object.record = record;
    object.view = record.view ?? null;
    object.key = record.key;
    object.typename = record.label;
    object.version = versionOf(props);
    Object.assign(object, basisOf(props));
    return object;
  }
}

/** Fields the object computes, never copied from stored properties of the same name. */
const COMPUTED = new Set(['id', 'sources', 'validity']);
