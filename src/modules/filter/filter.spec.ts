import { NODE_TYPES, type NodeLabel, type NodeSpec } from '../../model/model';
import type { RelationPath } from '../entity/entity.repository';

/**
 * What a `where` filter can reach from each label: its scalar fields (from the model) and its
 * relations, by the name researchers see in the schema. Relation filters nest to any depth.
 */
export interface RelationFilterSpec {
  name: string;
  path: RelationPath & { label: NodeLabel };
  description: string;
}

export type ScalarKind = 'string' | 'date' | 'number' | 'boolean';

export interface ScalarFilterSpec {
  name: string;
  kind: ScalarKind;
  /** A list property (altNames, altLabels): it matches when any item matches. */
  list: boolean;
  description: string;
}

const rel = (
  name: string,
  type: RelationPath['type'],
  direction: RelationPath['direction'],
  label: NodeLabel,
  description: string,
): RelationFilterSpec => ({ name, path: { type, direction, label }, description });

export const RELATION_FILTERS: Record<NodeLabel, RelationFilterSpec[]> = {
  City: [
    rel(
      'state',
      'LOCATED_IN',
      'OUT',
      'State',
      'The state the city lies in directly (kreisfreie Städte).',
    ),
    rel('county', 'LOCATED_IN', 'OUT', 'County', 'The Kreis the city lies in.'),
    rel('orgUnits', 'BELONGS_TO', 'IN', 'OrgUnit', 'Units of the city administration and council.'),
    rel('districts', 'LOCATED_IN', 'IN', 'District', 'Districts of the city.'),
    rel('programmes', 'PARTICIPATES_IN', 'OUT', 'Programme', 'Programmes the city takes part in.'),
    rel('runs', 'RUNS', 'OUT', 'Programme', 'Programmes and strategies the city runs.'),
    rel('officeHolders', 'HOLDS_POST', 'IN', 'Person', 'People holding a post in the city itself.'),
  ],
  OrgUnit: [
    rel('city', 'BELONGS_TO', 'OUT', 'City', 'The city the unit belongs to.'),
    rel('parent', 'PART_OF', 'OUT', 'OrgUnit', 'The unit this one is part of.'),
    rel('subUnits', 'PART_OF', 'IN', 'OrgUnit', 'Units inside this one.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the unit addresses.'),
    rel('postHolders', 'HOLDS_POST', 'IN', 'Person', 'People holding a post in the unit.'),
    rel('coordinates', 'COORDINATES', 'OUT', 'Programme', 'Programmes the unit coordinates.'),
    rel('implements', 'IMPLEMENTS', 'OUT', 'Programme', 'Laws or programmes the unit implements.'),
  ],
  Person: [
    rel('unitPosts', 'HOLDS_POST', 'OUT', 'OrgUnit', 'Units in which the person holds a post.'),
    rel('cityPosts', 'HOLDS_POST', 'OUT', 'City', 'Cities in which the person holds a post.'),
    rel(
      'organisationPosts',
      'HOLDS_POST',
      'OUT',
      'Organisation',
      'Organisations in which the person holds a post.',
    ),
    rel('spokeAt', 'SPOKE_AT', 'OUT', 'Event', 'Events the person spoke at.'),
  ],
  Programme: [
    rel('participants', 'PARTICIPATES_IN', 'IN', 'City', 'Cities taking part.'),
    rel('funders', 'FUNDS', 'IN', 'Organisation', 'Organisations funding the programme.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the programme addresses.'),
    rel('targetDistricts', 'TARGETS', 'OUT', 'District', 'Districts the programme targets.'),
    rel('partOf', 'PART_OF', 'OUT', 'Programme', 'The wider programme this one is part of.'),
    rel('parts', 'PART_OF', 'IN', 'Programme', 'Local projects within this programme.'),
    rel('coordinatedBy', 'COORDINATES', 'IN', 'OrgUnit', 'Units coordinating it.'),
    rel('runByOrganisations', 'RUNS', 'IN', 'Organisation', 'Organisations running it.'),
  ],
  Organisation: [
    rel('funds', 'FUNDS', 'OUT', 'Programme', 'Programmes the organisation funds.'),
    rel('runs', 'RUNS', 'OUT', 'Programme', 'Programmes the organisation runs.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the organisation addresses.'),
    rel('partOf', 'PART_OF', 'OUT', 'Organisation', 'The organisation this one is part of.'),
  ],
  Theme: [
    rel('broader', 'BROADER', 'OUT', 'Theme', 'Directly broader themes.'),
    rel('narrower', 'BROADER', 'IN', 'Theme', 'Directly narrower themes.'),
  ],
  District: [
    rel('city', 'LOCATED_IN', 'OUT', 'City', 'The city of the district.'),
    rel('targetedBy', 'TARGETS', 'IN', 'Programme', 'Programmes targeting the district.'),
  ],
  Event: [
    rel('speakers', 'SPOKE_AT', 'IN', 'Person', 'People who spoke at the event.'),
    rel('partOf', 'PART_OF', 'OUT', 'Programme', 'The programme the event belongs to.'),
    rel('themes', 'ADDRESSES', 'OUT', 'Theme', 'Themes the event addresses.'),
    rel('venue', 'HELD_AT', 'OUT', 'Venue', 'Where it takes place.'),
  ],
  State: [rel('cities', 'LOCATED_IN', 'IN', 'City', 'Cities lying directly in the state.')],
  County: [
    rel('state', 'LOCATED_IN', 'OUT', 'State', 'The state of the Kreis.'),
    rel('cities', 'LOCATED_IN', 'IN', 'City', 'Cities in the Kreis.'),
  ],
  Venue: [rel('events', 'HELD_AT', 'IN', 'Event', 'Events held there.')],
  SourceDocument: [],
};

/** Scalar filters: every string, enum, date, number and boolean field of the model. */
export function scalarFilters(label: NodeLabel): ScalarFilterSpec[] {
  const spec: NodeSpec = NODE_TYPES[label];
  const out: ScalarFilterSpec[] = [
    { name: 'key', kind: 'string', list: false, description: 'The readable key.' },
  ];
  for (const [name, field] of Object.entries(spec.fields)) {
    if (name === 'file') continue;
    const kind: ScalarKind | null =
      field.type === 'string' || field.type === 'enum' || field.type === 'string[]'
        ? 'string'
        : field.type === 'edtf'
          ? 'date'
          : field.type === 'int' || field.type === 'number'
            ? 'number'
            : field.type === 'boolean'
              ? 'boolean'
              : null;
    if (kind) out.push({ name, kind, list: field.type === 'string[]', description: field.doc });
  }
  return out;
}
