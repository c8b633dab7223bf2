import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { OrgUnit } from './org-unit.type';

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => connectionType(OrgUnit), {
    description: 'Units of city administrations and councils, in key order.',
  })
  orgUnits(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.OrgUnit) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'OrgUnit', OrgUnit, args, info);
  }
}
