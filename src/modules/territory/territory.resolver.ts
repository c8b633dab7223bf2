import { Args, Ctx, Query, Resolver, Info } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Venue } from './territory.types';
import type { Context } from '../../server/context';
import { LIST_ARGS, type ListArgs } from '../filter/list-args';
import { connectionType } from '../node/connection.type';
import { listOf } from '../node/list';
import { City, County, District, State } from './territory.types';

@Resolver(() => City)
export class CityResolver {
  @Query(() => connectionType(City), { description: 'Cities (municipalities), in key order.' })
  cities(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.City) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'City', City, args, info);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => connectionType(District), {
    description: 'City districts (Stadtteile), in key order.',
  })
  districts(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.District) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'District', District, args, info);
  }
}

@Resolver(() => State)
export class StateResolver {
  @Query(() => connectionType(State), { description: 'Federal states (Länder).' })
  states(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.State) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'State', State, args, info);
  }
}

@Resolver(() => County)
export class CountyResolver {
  @Query(() => connectionType(County), { description: 'Kreise (rural districts).' })
  counties(
    @Ctx() ctx: Context,
    @Args(() => LIST_ARGS.County) args: ListArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listOf(ctx, 'County', County, args, info);
  }
}

@Resolver(() => Venue)
export class VenueResolver {}
