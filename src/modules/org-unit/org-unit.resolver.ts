import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { at, linksOf, listOf, oneOf, relatedOf } from '../node/list';
import { Post, toPost } from '../person/post.edge';
import { Programme } from '../programme/programme.type';
import { City } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import { OrgUnit } from './org-unit.type';

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => connectionType(OrgUnit), {
    description: 'Units of city administrations and councils, in key order.',
  })
  orgUnits(@Ctx() ctx: Context, @Args(() => LIST_ARGS.OrgUnit) args: ListArgs) {
    return listOf(ctx, 'OrgUnit', OrgUnit, args);
  }

  @FieldResolver(() => linkType(City), {
    nullable: true,
    description: 'The city whose administration or council the unit is part of.',
  })
  city(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(unit, time), { type: 'BELONGS_TO', direction: 'OUT', label: 'City' });
  }

  @FieldResolver(() => linkType(OrgUnit), {
    nullable: true,
    description: 'The unit this one is part of (e.g. the Amt a Stabsstelle sits in).',
  })
  parent(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(unit, time), { type: 'PART_OF', direction: 'OUT', label: 'OrgUnit' });
  }

  @FieldResolver(() => [linkType(OrgUnit)], { description: 'Units inside this one.' })
  subUnits(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(unit, time), { type: 'PART_OF', direction: 'IN', label: 'OrgUnit' });
  }

  @FieldResolver(() => [Post], {
    description: 'Posts in this unit (e.g. its head), with titles and dates.',
  })
  async posts(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    const items = await relatedOf(ctx, at(unit, time), {
      type: 'HOLDS_POST',
      direction: 'IN',
      label: 'Person',
    });
    return items.map((item) => toPost(item, 'holder', unit));
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Policy themes the unit addresses.' })
  themes(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(unit, time), { type: 'ADDRESSES', direction: 'OUT', label: 'Theme' });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Programmes, projects and plans the unit coordinates or drafts.',
  })
  coordinates(@Root() unit: OrgUnit, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(unit, time), {
      type: 'COORDINATES',
      direction: 'OUT',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'The leader or unit a staff unit reports to.',
  })
  reportsTo(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'REPORTS_TO', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'Units and organisations it cooperates or networks with; details give status.',
  })
  cooperatesWith(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'COOPERATES_WITH', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'Units and organisations that name this unit as a cooperation partner.',
  })
  cooperationPartnerOf(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'COOPERATES_WITH', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description:
      'Who runs the service point or facility (providers, welfare associations, the city).',
  })
  operatedBy(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'OPERATES', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description:
      'The body or office holder that decided to create the unit; details give date and vote.',
  })
  decidedBy(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'DECIDED', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'What this body (e.g. a council or committee) decided, with date and vote.',
  })
  decisions(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'DECIDED', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Laws and programmes the unit implements.',
  })
  implements(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), {
      type: 'IMPLEMENTS',
      direction: 'OUT',
      label: 'Programme',
    });
  }
}
