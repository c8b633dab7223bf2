import type { FieldNode, GraphQLField, GraphQLResolveInfo } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/**
 * The key under which the planner files what it read for one field of one node: the response
 * name and the argument values, so two aliases of a field with different arguments stay apart.
 * The planner and the field's resolver compute it the same way from the same query document.
 */
export function fieldPlanKey(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): string {
  const args = getArgumentValues(definition, node, variables);
  return `${node.alias?.value ?? node.name.value}:${JSON.stringify(args)}`;
}

/**
 * Keys already made, per operation (its variable values, one object per execution) and field
 * node: a relation field under a hundred parents asks for the same key a hundred times.
 */
const made = new WeakMap<object, WeakMap<FieldNode, Map<string, string>>>();

export function planKey(info: GraphQLResolveInfo): string {
  const node = info.fieldNodes[0]!;
  let byNode = made.get(info.variableValues);
  if (!byNode) made.set(info.variableValues, (byNode = new WeakMap()));
  let byType = byNode.get(node);
  if (!byType) byNode.set(node, (byType = new Map()));
  // A field node under an interface is resolved on each concrete type, whose defaults may differ.
  let key = byType.get(info.parentType.name);
  if (key === undefined) {
    const definition = info.parentType.getFields()[info.fieldName]!;
    key = fieldPlanKey(definition, node, info.variableValues);
    byType.set(info.parentType.name, key);
  }
  return key;
}
