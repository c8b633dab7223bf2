import type { GraphQLResolveInfo } from 'graphql';
import type { NodeLabel } from '../../model/model';
import { selectedProps } from '../planner/planner';

/** Where a comparison's answer holds the evidence's nodes, and which labels they can have. */
const NODE_PATHS: readonly [string[], NodeLabel[]][] = [
  ...(
    [
      ['units', ['OrgUnit']],
      ['programmes', ['Programme']],
      ['posts', ['Person']],
      ['events', ['Event']],
    ] as const
  ).flatMap(([field, labels]): [string[], NodeLabel[]][] => [
    [['rows', 'cells', field, 'node'], [...labels]],
    [['rows', 'cells', field, 'via'], ['Theme']],
  ]),
  [['rows', 'cells', 'posts', 'unit'], ['OrgUnit']],
];

/**
 * The properties `compareCities`'s selection reads of the evidence's nodes (units, programmes,
 * people, events, a post's unit, the themes they address), by the planner's rules; null when a
 * field there needs all of them. One node can stand in several places (a unit as evidence and as
 * a post's unit), so it gets the union.
 */
export function evidenceNodeProps(info: GraphQLResolveInfo): string[] | null {
  const props = new Set<string>();
  for (const [path, labels] of NODE_PATHS) {
    const read = selectedProps(info, path, labels);
    if (read === null) return null;
    for (const p of read) props.add(p);
  }
  return [...props].sort();
}
