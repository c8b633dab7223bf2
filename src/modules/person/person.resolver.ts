import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Programme } from '../programme/programme.type';
import { Event } from '../event/event.type';
import { at, linksOf, listOf, relatedOf } from '../node/list';
import { linkType } from '../node/link.type';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { Post, toPost } from './post.edge';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => connectionType(Person), {
    description: 'People named by the sources, in key order.',
  })
  people(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Person) args: ListArgs) {
    return listOf(ctx, 'Person', Person, args);
  }

  @FieldResolver(() => [Post], {
    description: 'Posts the person holds or held, with titles and dates.',
  })
  async posts(@Root() person: Person, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    const items = await relatedOf(ctx, at(person, time), { type: 'HOLDS_POST', direction: 'OUT' });
    return items.map((item) => toPost(item, 'person', person));
  }

  @FieldResolver(() => [linkType(Event)], {
    description: 'Events the person spoke at; details give the part (role) and topic.',
  })
  spokeAt(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'SPOKE_AT', direction: 'OUT', label: 'Event' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description:
      'Other and earlier affiliations (research centres, cities advised), with role and period.',
  })
  affiliations(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'AFFILIATED_WITH', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Programmes and strategies the person helped shape.',
  })
  contributedTo(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), {
      type: 'CONTRIBUTED_TO',
      direction: 'OUT',
      label: 'Programme',
    });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Charters or agreements the person signed, with date.',
  })
  signed(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'SIGNED', direction: 'OUT', label: 'Programme' });
  }

  @FieldResolver(() => [linkType(Node)], {
    description: 'Decisions the person took (e.g. a mayor setting up a unit), with date.',
  })
  decided(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'DECIDED', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(OrgUnit)], { description: 'Staff units assigned to the person.' })
  reportingUnits(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), { type: 'REPORTS_TO', direction: 'IN', label: 'OrgUnit' });
  }
}
