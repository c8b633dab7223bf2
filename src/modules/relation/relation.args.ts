import { ArgsType, Field, Int, type ClassType } from 'type-graphql';
import type { RelationField, RelationShape } from '../../model/relations';
import { DateScalar } from '../../common/scalars';
import { RelationWhere, relationWhere } from '../filter/filter.inputs';
import { ORDER_INPUTS } from '../filter/order.inputs';
import { AS_OF_DESCRIPTION, AS_OF_MODE_DESCRIPTION, AsOfMode } from '../time/as-of.args';
import { MAX_PAGE_SIZE } from '../node/connection.type';
import { BasisFilter, RELATION_BASIS_ARG_DESCRIPTION } from '../basis/basis';

/**
 * The arguments of a relation field, made from its table entry like root lists' arguments:
 * `where` on the far end (the same input as the filter of the same name), `edge` on the
 * relationship, `orderBy`, a limit or a page, `asOf` and `basis`.
 */
export function relationArgs(field: RelationField, shape: RelationShape): ClassType {
  const args = class {};
  Object.defineProperty(args, 'name', {
    value: `${field.on}${field.name[0]!.toUpperCase()}${field.name.slice(1)}${shape === 'connection' ? 'Page' : ''}Args`,
  });
  const add = (name: string, type: () => unknown, description: string) =>
    Field(type as () => ClassType, { nullable: true, description })(args.prototype, name);
  if (shape !== 'one') {
    const whereType = relationWhere({ targets: field.to, perLabel: field.to.length > 1 });
    add(
      'where',
      () => whereType,
      'Conditions the items at the other end must meet (the same conditions as the filter of this name).',
    );
    add(
      'edge',
      () => RelationWhere,
      'Conditions on the relationship itself (role, status, dates, funding).',
    );
    if (field.to.length === 1) {
      add(
        'orderBy',
        () => ORDER_INPUTS[field.to[0]!],
        shape === 'connection'
          ? 'Sort order (default: by key); ties are broken by key.'
          : 'Sort order (default: by name); ties are broken by key.',
      );
    }
  }
  if (shape === 'list') {
    add('first', () => Int, `Only the first items (at most ${MAX_PAGE_SIZE}); all when not given.`);
  }
  if (shape === 'connection') {
    add('first', () => Int, `Page size (default 20, at most ${MAX_PAGE_SIZE}).`);
    add('after', () => String, 'Cursor after which the page starts (`pageInfo.endCursor`).');
  }
  add('asOf', () => DateScalar, AS_OF_DESCRIPTION);
  add('asOfMode', () => AsOfMode, AS_OF_MODE_DESCRIPTION);
  add('basis', () => BasisFilter, RELATION_BASIS_ARG_DESCRIPTION);
  ArgsType()(args);
  return args;
}
