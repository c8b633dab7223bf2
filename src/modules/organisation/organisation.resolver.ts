import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Theme } from '../theme/theme.type';
import { Person } from '../person/person.type';
import { OrgUnit } from '../org-unit/org-unit.type';
import { at, linksOf, listOf, oneOf, relatedOf } from '../node/list';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { Post, toPost } from '../person/post.edge';
import { ProgrammeFunding, toProgrammeFunding } from '../programme/participation.edge';
import { Programme } from '../programme/programme.type';
import { Organisation } from './organisation.type';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => connectionType(Organisation), {
    description: 'Ministries, associations, companies, universities and other organisations.',
  })
  organisations(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Organisation) args: ListArgs) {
    return listOf(ctx, 'Organisation', Organisation, args);
  }

  @FieldResolver(() => [ProgrammeFunding], { description: 'Programmes the organisation funds.' })
  async funds(
    @Root() organisation: Organisation,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    const items = await relatedOf(ctx, at(organisation, time), {
      type: 'FUNDS',
      direction: 'OUT',
      label: 'Programme',
    });
    return items.map((item) => toProgrammeFunding(item, 'funder', organisation));
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Programmes, audits or certificates the organisation runs.',
  })
  runs(
    @Root() organisation: Organisation,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(organisation, time), {
      type: 'RUNS',
      direction: 'OUT',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [Post], {
    description: 'Posts in the organisation (e.g. its managing director).',
  })
  async posts(
    @Root() organisation: Organisation,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    const items = await relatedOf(ctx, at(organisation, time), {
      type: 'HOLDS_POST',
      direction: 'IN',
      label: 'Person',
    });
    return items.map((item) => toPost(item, 'holder', organisation));
  }

  @FieldResolver(() => linkType(Node), {
    nullable: true,
    description: 'Where the organisation sits; details.seat marks a registered seat.',
  })
  location(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(self, time), { type: 'LOCATED_IN', direction: 'OUT' });
  }

  @FieldResolver(() => linkType(Organisation), {
    nullable: true,
    description: 'The organisation this one is part of (e.g. a university).',
  })
  partOf(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(self, time), { type: 'PART_OF', direction: 'OUT', label: 'Organisation' });
  }

  @FieldResolver(() => [linkType(Organisation)], {
    description: 'Organisations inside this one (e.g. research centres).',
  })
  parts(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), {
      type: 'PART_OF',
      direction: 'IN',
      label: 'Organisation',
    });
  }

  @FieldResolver(() => [linkType(OrgUnit)], {
    description: 'Service points and facilities the organisation runs or plans to run.',
  })
  operates(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'OPERATES', direction: 'OUT', label: 'OrgUnit' });
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Themes the organisation addresses.' })
  themes(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'ADDRESSES', direction: 'OUT', label: 'Theme' });
  }

  @FieldResolver(() => [linkType(Person)], {
    description: 'People affiliated with the organisation, with role and period.',
  })
  affiliatedPeople(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), {
      type: 'AFFILIATED_WITH',
      direction: 'IN',
      label: 'Person',
    });
  }
}
