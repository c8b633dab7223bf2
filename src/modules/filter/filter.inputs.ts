import { Field, Float, InputType, type ClassType } from 'type-graphql';
import { NODE_LABELS, NODE_TYPES, type NodeLabel } from '../../model/model';
import { EDGE_FILTERS, RELATION_FILTERS, scalarFilters, type ScalarKind } from './filter.spec';

@InputType({
  description: 'Conditions on a text field; all given conditions must hold. Case-sensitive.',
})
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to.' }) eq?: string;
  @Field(() => [String], { nullable: true, description: 'Equal to one of.' }) in?: string[];
  @Field(() => String, { nullable: true, description: 'Contains the text.' }) contains?: string;
  @Field(() => String, { nullable: true, description: 'Starts with the text.' })
  startsWith?: string;
}

@InputType({
  description:
    'Conditions on a date given in EDTF, checked on its day bounds (ISO dates, YYYY-MM-DD). `before`: its last possible day is before the date; `after`: its first possible day is after; `between`: it lies entirely within the two dates (inclusive).',
})
export class DateFilter {
  @Field(() => String, { nullable: true, description: 'Lies entirely before this day.' })
  before?: string;
  @Field(() => String, { nullable: true, description: 'Lies entirely after this day.' })
  after?: string;
  @Field(() => [String], { nullable: true, description: 'Lies within [from, to], both inclusive.' })
  between?: string[];
}

@InputType({ description: 'Conditions on a number; all given conditions must hold.' })
export class NumberFilter {
  @Field(() => Float, { nullable: true, description: 'Equal to.' }) eq?: number;
  @Field(() => Float, { nullable: true, description: 'Greater than or equal to.' }) gte?: number;
  @Field(() => Float, { nullable: true, description: 'Less than or equal to.' }) lte?: number;
}

@InputType({ description: 'Condition on a true/false field.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: 'Equal to.' }) eq?: boolean;
}

const SCALAR_INPUT: Record<ScalarKind, ClassType> = {
  string: StringFilter,
  date: DateFilter,
  number: NumberFilter,
  boolean: BooleanFilter,
};

/** `RelationWhere`: conditions on a relationship's own properties, made from EDGE_FILTERS. */
export class RelationWhere {}
for (const spec of EDGE_FILTERS) {
  Field(() => SCALAR_INPUT[spec.kind], { nullable: true, description: spec.description })(
    RelationWhere.prototype,
    spec.name,
  );
}
InputType('RelationWhere', {
  description:
    "Conditions on a relationship's own properties (its role, status, dates, funding); all must hold. Dates are EDTF, checked on their day bounds like DateFilter.",
})(RelationWhere);

/**
 * `<Label>Where` and `<Label>ListFilter` input types for every label, made from the filter spec
 * so each scalar field and each relation is filterable the same way. Decorators are applied as
 * functions because the classes are made in a loop.
 */
export const WHERE_INPUTS = {} as Record<NodeLabel, ClassType>;
export const LIST_FILTER_INPUTS = {} as Record<NodeLabel, ClassType>;

for (const label of NODE_LABELS) {
  const where = class {};
  Object.defineProperty(where, 'name', { value: `${label}Where` });
  const listFilter = class {};
  Object.defineProperty(listFilter, 'name', { value: `${label}ListFilter` });
  WHERE_INPUTS[label] = where;
  LIST_FILTER_INPUTS[label] = listFilter;
}

/** The `<Label>ListFilter` of a relation, or its per-label filter when it has several targets. */
export function relationListFilter(relation: {
  targets: readonly NodeLabel[];
  perLabel: boolean;
}): ClassType {
  return relation.perLabel
    ? perLabelInputs(relation.targets).listFilter
    : LIST_FILTER_INPUTS[relation.targets[0]!];
}

/** The far-end `where` of a relation field: `<Label>Where` or the per-label one. */
export function relationWhere(relation: {
  targets: readonly NodeLabel[];
  perLabel: boolean;
}): ClassType {
  return relation.perLabel
    ? perLabelInputs(relation.targets).where
    : WHERE_INPUTS[relation.targets[0]!];
}

const PER_LABEL = new Map<string, { where: ClassType; listFilter: ClassType }>();

/**
 * For relations whose far end has several labels (a unit's `decidedBy`: a body or a person),
 * e.g. `OrgUnitOrPersonWhere { key, OrgUnit: OrgUnitWhere, Person: PersonWhere }`: conditions
 * per label, and the list filter over it.
 */
function perLabelInputs(given: readonly NodeLabel[]): {
  where: ClassType;
  listFilter: ClassType;
} {
  // One input type per set of labels, in the model's order, whatever order a field lists them.
  const targets = NODE_LABELS.filter((label) => given.includes(label));
  const name = targets.join('Or');
  const existing = PER_LABEL.get(name);
  if (existing) return existing;
  const where = class {};
  Object.defineProperty(where, 'name', { value: `${name}Where` });
  Field(() => StringFilter, { nullable: true, description: 'The readable key.' })(
    where.prototype,
    'key',
  );
  for (const target of targets) {
    Field(() => WHERE_INPUTS[target], {
      nullable: true,
      description: `Conditions on items that are a ${target}; items of another label do not match them.`,
    })(where.prototype, target);
  }
  InputType(`${name}Where`, {
    description: `Conditions on an item that is one of ${targets.join(', ')}: \`key\` applies to all, the per-label conditions to items of that label. With no label named, items of every label count; with several, an item matches the conditions of its own label.`,
  })(where);
  const listFilter = class {};
  Object.defineProperty(listFilter, 'name', { value: `${name}ListFilter` });
  addQuantifiers(listFilter, where, targets.join(' or '));
  InputType(`${name}ListFilter`, {
    description: `Conditions on the ${targets.join('/')} items of a relation.`,
  })(listFilter);
  const made = { where, listFilter };
  PER_LABEL.set(name, made);
  return made;
}

function addQuantifiers(listFilter: ClassType, where: ClassType, what: string): void {
  const some = (name: string, description: string) =>
    Field(() => where, { nullable: true, description })(listFilter.prototype, name);
  some('some', `At least one related ${what} matches.`);
  some('none', `No related ${what} matches.`);
  some(
    'all',
    `No related ${what} fails the condition (true when there is none); one without the value a condition tests fails it.`,
  );
  Field(() => RelationWhere, {
    nullable: true,
    description:
      'Only relationships meeting these conditions count for some/none/all (a relationship without the property tested does not); alone, it asks for at least one such relationship. Over a relation of several steps (CityWhere.state through the Kreis) every step must meet them.',
  })(listFilter.prototype, 'edge');
}

for (const label of NODE_LABELS) {
  const where = WHERE_INPUTS[label];
  const listFilter = LIST_FILTER_INPUTS[label];
  const field = (name: string, type: () => unknown, description: string) =>
    Field(type as () => ClassType, { nullable: true, description })(where.prototype, name);

  for (const scalar of scalarFilters(label)) {
    field(scalar.name, () => SCALAR_INPUT[scalar.kind], scalar.description);
  }
  for (const relation of RELATION_FILTERS[label]) {
    // Made now, not in the thunk: type-graphql must see every input type before it builds.
    const listFilterType = relationListFilter(relation);
    Field(() => listFilterType, {
      nullable: true,
      description: relation.description,
      ...(relation.deprecationReason ? { deprecationReason: relation.deprecationReason } : {}),
    })(where.prototype, relation.name);
  }
  if (label === 'Theme') {
    field(
      'within',
      () => String,
      'Key of a theme: matches that theme and every theme narrower than it, at any depth (e.g. "ageing" also matches "elderly-care").',
    );
  }
  field('AND', () => [where], 'All of these conditions.');
  field('OR', () => [where], 'At least one of these conditions.');
  field(
    'NOT',
    () => where,
    'Not this condition. A condition on a missing value is false, so NOT matches items without the value (NOT status eq ACTIVE includes units with no status).',
  );
  InputType(`${label}Where`, { description: `Conditions on a ${label}: ${NODE_TYPES[label].doc}` })(
    where,
  );

  addQuantifiers(listFilter, where, label);
  InputType(`${label}ListFilter`, {
    description: `Conditions on the ${label} items of a relation.`,
  })(listFilter);
}
