import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * True when the field's selection asks for a citation's `document` anywhere below it (through
 * fragments): a root field that reads its citations itself (compareCities, paths) then reads the
 * cited documents in the same statement instead of leaving them to the loader's second query.
 * Skip and include directives are not looked at: a document read for nothing costs less than a
 * second round trip.
 */
export function selectsDocuments(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, underSources: boolean): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (underSources && name === 'document') return true;
        if (visit(selection.selectionSet, name === 'sources')) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (visit(selection.selectionSet, underSources)) return true;
      } else if (!seen.has(`${selection.name.value}:${underSources}`)) {
        seen.add(`${selection.name.value}:${underSources}`);
        if (visit(info.fragments[selection.name.value]?.selectionSet, underSources)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, false));
}
