import { Field, InputType, registerEnumType, type ClassType } from 'type-graphql';
import { NODE_LABELS, type NodeLabel } from '../../model/model';
import { scalarFilters } from './filter.spec';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });

/** Fields a list can be sorted by: text fields, and dates by their first possible day. */
export function orderFields(label: NodeLabel): { name: string; kind: 'string' | 'date' }[] {
  return scalarFilters(label)
    .filter((s) => (s.kind === 'string' && !s.list) || s.kind === 'date')
    .map((s) => ({ name: s.name, kind: s.kind as 'string' | 'date' }));
}

export const ORDER_INPUTS = {} as Record<NodeLabel, ClassType>;

for (const label of NODE_LABELS) {
  const values: Record<string, string> = {};
  for (const field of orderFields(label)) values[field.name] = field.name;
  registerEnumType(values, {
    name: `${label}OrderField`,
    description: `Fields ${label} lists can be sorted by; dates sort by their first possible day; items without a value come last in either direction.`,
  });
  const order = class {};
  Object.defineProperty(order, 'name', { value: `${label}Order` });
  Field(() => values, { description: 'The field to sort by.' })(order.prototype, 'field');
  Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'ASC (default) or DESC.',
  })(order.prototype, 'direction');
  InputType(`${label}Order`, {
    description: `Sort order of a ${label} list; ties are broken by key.`,
  })(order);
  ORDER_INPUTS[label] = order;
}
