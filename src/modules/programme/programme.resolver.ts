import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.type';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Event } from '../event/event.type';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { at, linksOf, listOf, oneOf, relatedOf } from '../node/list';
import { Node } from '../node/node.interface';
import { District } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import {
  Participation,
  ProgrammeFunding,
  toParticipation,
  toProgrammeFunding,
} from './participation.edge';
import { Programme } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => connectionType(Programme), {
    description: 'Programmes, projects, audits, strategies, charters and laws, in key order.',
  })
  programmes(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Programme) args: ListArgs) {
    return listOf(ctx, 'Programme', Programme, args);
  }

  @FieldResolver(() => [Participation], {
    description: 'Cities taking part, with role, period and funding.',
  })
  async participants(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    const items = await relatedOf(ctx, at(programme, time), {
      type: 'PARTICIPATES_IN',
      direction: 'IN',
      label: 'City',
    });
    return items.map((item) => toParticipation(item, 'programme', programme));
  }

  @FieldResolver(() => [ProgrammeFunding], { description: 'Organisations funding the programme.' })
  async funders(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    const items = await relatedOf(ctx, at(programme, time), { type: 'FUNDS', direction: 'IN' });
    return items.map((item) => toProgrammeFunding(item, 'programme', programme));
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Policy themes the programme addresses.' })
  themes(@Root() programme: Programme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(programme, time), {
      type: 'ADDRESSES',
      direction: 'OUT',
      label: 'Theme',
    });
  }

  @FieldResolver(() => [linkType(District)], {
    description: 'Districts (Stadtteile) the programme targets.',
  })
  targetDistricts(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(programme, time), {
      type: 'TARGETS',
      direction: 'OUT',
      label: 'District',
    });
  }

  @FieldResolver(() => linkType(Programme), {
    nullable: true,
    description:
      "The wider programme this one is part of (e.g. a city's project in a state programme).",
  })
  partOf(@Root() programme: Programme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(programme, time), {
      type: 'PART_OF',
      direction: 'OUT',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Local projects that are part of this programme.',
  })
  parts(@Root() programme: Programme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(programme, time), {
      type: 'PART_OF',
      direction: 'IN',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'Who runs it: a ministry, an association, a city or a unit.',
  })
  runBy(@Root() programme: Programme, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(programme, time), { type: 'RUNS', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Node)], { description: 'Units that coordinate or draft it.' })
  coordinatedBy(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(programme, time), { type: 'COORDINATES', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'The body that decided on the programme or concept; details give date and vote.',
  })
  decidedBy(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'DECIDED', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Wider strategies this programme feeds into.',
  })
  contributesTo(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), {
      type: 'CONTRIBUTES_TO',
      direction: 'OUT',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'Projects and events that feed into this programme or strategy.',
  })
  contributions(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'CONTRIBUTES_TO', direction: 'IN' });
  }

  @FieldResolver(() => [linkType(Event)], {
    description: 'Events of the programme (e.g. kick-off and closing conferences).',
  })
  events(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'PART_OF', direction: 'IN', label: 'Event' });
  }

  @FieldResolver(() => [linkType(OrgUnit)], {
    description: 'Units implementing the law or programme.',
  })
  implementedBy(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'IMPLEMENTS', direction: 'IN', label: 'OrgUnit' });
  }

  @FieldResolver(() => [linkType(Person)], {
    description: 'People who signed the charter, with date.',
  })
  signatories(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'SIGNED', direction: 'IN', label: 'Person' });
  }

  @FieldResolver(() => [linkType(Person)], {
    description: 'People who helped shape the programme or strategy.',
  })
  shapedBy(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), {
      type: 'CONTRIBUTED_TO',
      direction: 'IN',
      label: 'Person',
    });
  }
}
