import { AsOfArgs } from '../time/as-of.args';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Venue } from './territory.types';
import { Person } from '../person/person.type';
import { Organisation } from '../organisation/organisation.type';
import { Node } from '../node/node.interface';
import { EntityObject } from '../node/entity-object';
import type { Context } from '../../server/context';
import { LIST_ARGS, PageArgs, type ListArgs } from '../filter/list-args';
import { Event } from '../event/event.type';
import { connectionType } from '../node/connection.type';
import { linkType } from '../node/link.type';
import { at, linkPageOf, linksOf, listOf, oneOf, relatedOf } from '../node/list';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Post, toPost } from '../person/post.edge';
import { Participation, toParticipation } from '../programme/participation.edge';
import { Programme } from '../programme/programme.type';
import { City, County, District, State } from './territory.types';

@Resolver(() => City)
export class CityResolver {
  @Query(() => connectionType(City), { description: 'Cities (municipalities), in key order.' })
  cities(@Ctx() ctx: Context, @Args(() => LIST_ARGS.City) args: ListArgs) {
    return listOf(ctx, 'City', City, args);
  }

  @FieldResolver(() => linkType(State), {
    nullable: true,
    description: 'The state (Land) the city lies in, directly or through its Kreis.',
  })
  async state(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    const direct = await oneOf(ctx, at(city, time), {
      type: 'LOCATED_IN',
      direction: 'OUT',
      label: 'State',
    });
    if (direct) return direct;
    const county = await oneOf<County>(ctx, at(city, time), {
      type: 'LOCATED_IN',
      direction: 'OUT',
      label: 'County',
    });
    return county
      ? oneOf(ctx, at(county.node, time), { type: 'LOCATED_IN', direction: 'OUT', label: 'State' })
      : null;
  }

  @FieldResolver(() => linkType(County), {
    nullable: true,
    description: 'The Kreis a kreisangehörige city lies in.',
  })
  county(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(city, time), { type: 'LOCATED_IN', direction: 'OUT', label: 'County' });
  }

  @FieldResolver(() => [linkType(OrgUnit)], {
    description: "Units of the city's administration and council, nested ones included.",
  })
  orgUnits(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(city, time), { type: 'BELONGS_TO', direction: 'IN', label: 'OrgUnit' });
  }

  @FieldResolver(() => [linkType(District)], {
    description: 'Districts (Stadtteile) of the city named by the sources.',
  })
  districts(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(city, time), { type: 'LOCATED_IN', direction: 'IN', label: 'District' });
  }

  @FieldResolver(() => [Participation], {
    description: 'Programmes, audits and charters the city takes part in.',
  })
  async participations(
    @Root() city: City,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    const items = await relatedOf(ctx, at(city, time), {
      type: 'PARTICIPATES_IN',
      direction: 'OUT',
      label: 'Programme',
    });
    return items.map((item) => toParticipation(item, 'city', city));
  }

  @FieldResolver(() => [Post], {
    description: 'Posts held in the city itself (mayor, social-affairs executive).',
  })
  async posts(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    const items = await relatedOf(ctx, at(city, time), { type: 'HOLDS_POST', direction: 'IN' });
    return items.map((item) => toPost(item, 'holder', city));
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Programmes and strategies the city runs itself.',
  })
  runs(@Root() city: City, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(city, time), { type: 'RUNS', direction: 'OUT', label: 'Programme' });
  }

  @FieldResolver(() => [linkType(Organisation)], {
    description: 'Organisations seated or sited in the city.',
  })
  organisations(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(self, time), {
      type: 'LOCATED_IN',
      direction: 'IN',
      label: 'Organisation',
    });
  }

  @FieldResolver(() => [linkType(Venue)], { description: 'Event venues in the city.' })
  venues(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'LOCATED_IN', direction: 'IN', label: 'Venue' });
  }

  @FieldResolver(() => [linkType(OrgUnit)], {
    description:
      'Service points and facilities the city itself runs (often jointly with providers).',
  })
  operates(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'OPERATES', direction: 'OUT', label: 'OrgUnit' });
  }

  @FieldResolver(() => [linkType(Person)], {
    description: 'People who advised or worked for the city, with role and period.',
  })
  advisers(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), {
      type: 'AFFILIATED_WITH',
      direction: 'IN',
      label: 'Person',
    });
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => connectionType(District), {
    description: 'City districts (Stadtteile), in key order.',
  })
  districts(@Ctx() ctx: Context, @Args(() => LIST_ARGS.District) args: ListArgs) {
    return listOf(ctx, 'District', District, args);
  }

  @FieldResolver(() => linkType(City), {
    nullable: true,
    description: 'The city the district belongs to.',
  })
  city(@Root() district: District, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(district, time), { type: 'LOCATED_IN', direction: 'OUT', label: 'City' });
  }

  @FieldResolver(() => [linkType(Programme)], {
    description: 'Programmes and projects that target the district.',
  })
  targetedBy(
    @Root() district: District,
    @Ctx() ctx: Context,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linksOf(ctx, at(district, time), {
      type: 'TARGETS',
      direction: 'IN',
      label: 'Programme',
    });
  }
}

@Resolver(() => State)
export class StateResolver {
  @Query(() => connectionType(State), { description: 'Federal states (Länder).' })
  states(@Ctx() ctx: Context, @Args(() => LIST_ARGS.State) args: ListArgs) {
    return listOf(ctx, 'State', State, args);
  }

  @FieldResolver(() => connectionType(linkType(City)), {
    description: 'Cities lying directly in the state (kreisfreie Städte). Paged.',
  })
  cities(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linkPageOf(
      ctx,
      at(self, time),
      { type: 'LOCATED_IN', direction: 'IN', label: 'City' },
      linkType(City),
      page,
    );
  }

  @FieldResolver(() => [linkType(County)], { description: 'Kreise of the state.' })
  counties(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'LOCATED_IN', direction: 'IN', label: 'County' });
  }
}

@Resolver(() => County)
export class CountyResolver {
  @Query(() => connectionType(County), { description: 'Kreise (rural districts).' })
  counties(@Ctx() ctx: Context, @Args(() => LIST_ARGS.County) args: ListArgs) {
    return listOf(ctx, 'County', County, args);
  }

  @FieldResolver(() => linkType(State), { nullable: true, description: 'The state of the Kreis.' })
  state(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(self, time), { type: 'LOCATED_IN', direction: 'OUT', label: 'State' });
  }

  @FieldResolver(() => connectionType(linkType(City)), {
    description: 'Cities in the Kreis. Paged.',
  })
  cities(
    @Root() self: EntityObject,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => AsOfArgs) time: AsOfArgs,
  ) {
    return linkPageOf(
      ctx,
      at(self, time),
      { type: 'LOCATED_IN', direction: 'IN', label: 'City' },
      linkType(City),
      page,
    );
  }
}

@Resolver(() => Venue)
export class VenueResolver {
  @FieldResolver(() => linkType(Node), {
    nullable: true,
    description: 'The city or larger site the venue lies in.',
  })
  location(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return oneOf(ctx, at(self, time), { type: 'LOCATED_IN', direction: 'OUT' });
  }

  @FieldResolver(() => [linkType(Event)], { description: 'Events held at the venue.' })
  events(@Root() self: EntityObject, @Ctx() ctx: Context, @Args(() => AsOfArgs) time: AsOfArgs) {
    return linksOf(ctx, at(self, time), { type: 'HELD_AT', direction: 'IN', label: 'Event' });
  }
}
