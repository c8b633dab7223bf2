import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { at, linksOf, listOf, oneOf } from '../node/list';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { Venue } from '../territory/territory.types';
import { Theme } from '../theme/theme.type';
import { Event } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => connectionType(Event), {
    description: 'Conferences and other events, in key order.',
  })
  events(@Ctx() ctx: Context, @Args(() => LIST_ARGS.Event) args: ListArgs) {
    return listOf(ctx, 'Event', Event, args);
  }

  @FieldResolver(() => linkType(Venue), { nullable: true, description: 'Where it takes place.' })
  venue(@Root() event: Event, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(event, time), { type: 'HELD_AT', direction: 'OUT', label: 'Venue' });
  }

  @FieldResolver(() => [linkType(Person)], { description: 'People who spoke at the event.' })
  speakers(@Root() event: Event, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(event, time), { type: 'SPOKE_AT', direction: 'IN', label: 'Person' });
  }

  @FieldResolver(() => linkType(Programme), {
    nullable: true,
    description: 'The programme or project the event belongs to.',
  })
  partOf(@Root() event: Event, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(event, time), { type: 'PART_OF', direction: 'OUT', label: 'Programme' });
  }

  @FieldResolver(() => [linkType(Theme)], { description: 'Policy themes the event addresses.' })
  themes(@Root() event: Event, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(event, time), { type: 'ADDRESSES', direction: 'OUT', label: 'Theme' });
  }

  @FieldResolver(() => [linkType(Programme)], { description: 'Strategies the event feeds into.' })
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
}
