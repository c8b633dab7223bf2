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

export function planKey(info: GraphQLResolveInfo): string {
  const definition = info.parentType.getFields()[info.fieldName]!;
  return fieldPlanKey(definition, info.fieldNodes[0]!, info.variableValues);
}
