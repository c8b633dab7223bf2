import type { NodeLabel } from '../../model/model';
import type { EntityRecord } from '../entity/entity.record';
import { Event } from '../event/event.type';
import { Organisation } from '../organisation/organisation.type';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { SourceDocument } from '../source-document/source-document.type';
import { City, County, District, State, Venue } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import type { EntityObject } from './entity-object';

type ObjectClass = {
  create(record: EntityRecord, dates?: readonly string[]): EntityObject;
  DATE_FIELDS?: readonly string[];
};

/** The GraphQL object type of each model label (type names equal the labels). */
export const OBJECT_TYPES: Record<NodeLabel, ObjectClass> = {
  SourceDocument,
  State,
  County,
  City,
  District,
  Venue,
  OrgUnit,
  Person,
  Organisation,
  Programme,
  Event,
  Theme,
};

export function toObject(record: EntityRecord): EntityObject {
  const type = OBJECT_TYPES[record.label];
  return type.create(record, type.DATE_FIELDS);
}
