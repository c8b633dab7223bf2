import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { idDescription } from '../node/node.lookup';
import { FactViewArgs } from '../time/as-of.args';
import { cityProfileOf } from './city-profile';
import { CityProfile } from './city-profile.type';
import type { Context } from '../../server/context';
import { STATS_ARGS, type StatsArgs } from './stats.args';
import { countStats } from './stats.count';
import { fundingStats } from './funding';
import { FundingStats, FundingStatsArgs } from './funding.type';
import { Stats, StatsCount } from './stats.type';

const count = (what: string) => ({
  description: `Counts of ${what}, grouped by up to two dimensions; \`where\` is the filter of the root list.`,
});

/** The `stats` entry point and one count field per kind of entity; the work is in stats.count.ts. */
@Resolver(() => Stats)
export class StatsResolver {
  @Query(() => Stats, {
    description:
      'Aggregates for dashboards and comparative studies: grouped counts of every kind of entity, funding sums and ranges, per-city profiles. Each aggregate is one database query.',
  })
  stats(): Stats {
    return new Stats();
  }

  @FieldResolver(() => StatsCount, count('cities'))
  cities(@Ctx() ctx: Context, @Args(() => STATS_ARGS.City) args: StatsArgs) {
    return countStats(ctx, 'City', args);
  }

  @FieldResolver(() => StatsCount, count('Kreise'))
  counties(@Ctx() ctx: Context, @Args(() => STATS_ARGS.County) args: StatsArgs) {
    return countStats(ctx, 'County', args);
  }

  @FieldResolver(() => StatsCount, count('states'))
  states(@Ctx() ctx: Context, @Args(() => STATS_ARGS.State) args: StatsArgs) {
    return countStats(ctx, 'State', args);
  }

  @FieldResolver(() => StatsCount, count('districts'))
  districts(@Ctx() ctx: Context, @Args(() => STATS_ARGS.District) args: StatsArgs) {
    return countStats(ctx, 'District', args);
  }

  @FieldResolver(() => StatsCount, count('venues'))
  venues(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Venue) args: StatsArgs) {
    return countStats(ctx, 'Venue', args);
  }

  @FieldResolver(() => StatsCount, count('units of city administrations and councils'))
  orgUnits(@Ctx() ctx: Context, @Args(() => STATS_ARGS.OrgUnit) args: StatsArgs) {
    return countStats(ctx, 'OrgUnit', args);
  }

  @FieldResolver(() => StatsCount, count('people'))
  people(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Person) args: StatsArgs) {
    return countStats(ctx, 'Person', args);
  }

  @FieldResolver(() => StatsCount, count('organisations'))
  organisations(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Organisation) args: StatsArgs) {
    return countStats(ctx, 'Organisation', args);
  }

  @FieldResolver(() => StatsCount, count('programmes'))
  programmes(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Programme) args: StatsArgs) {
    return countStats(ctx, 'Programme', args);
  }

  @FieldResolver(() => StatsCount, count('events'))
  events(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Event) args: StatsArgs) {
    return countStats(ctx, 'Event', args);
  }

  @FieldResolver(() => StatsCount, count('themes'))
  themes(@Ctx() ctx: Context, @Args(() => STATS_ARGS.Theme) args: StatsArgs) {
    return countStats(ctx, 'Theme', args);
  }

  @FieldResolver(() => StatsCount, count('source documents'))
  sources(@Ctx() ctx: Context, @Args(() => STATS_ARGS.SourceDocument) args: StatsArgs) {
    return countStats(ctx, 'SourceDocument', args);
  }

  @FieldResolver(() => FundingStats, {
    description:
      'Sums and ranges of the amounts of money the sources state: what cities receive in programmes (PARTICIPATION) and what organisations give to programmes (PROGRAMME_FUNDING), grouped by up to two dimensions and always split by kind, currency, period and the "up to" flag, so different currencies, periods or ceilings are never added together.',
  })
  funding(@Ctx() ctx: Context, @Args(() => FundingStatsArgs) args: FundingStatsArgs) {
    return fundingStats(ctx, args);
  }

  @FieldResolver(() => CityProfile, {
    description:
      'A summary of one city: units per theme (rolled up through the taxonomy unless `rollUp` is false), people in posts, programmes, funders, events, first and last dated facts. An id that names no city is NOT_FOUND.',
  })
  cityProfile(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: idDescription('The city', 'City') }) id: string,
    @Args(() => FactViewArgs) time: FactViewArgs,
    @Arg('rollUp', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description:
        "true (default): a unit counts under the themes it addresses and every broader one (the project's editorial taxonomy); false: only under the themes it addresses itself.",
    })
    rollUp: boolean | null,
  ) {
    return cityProfileOf(ctx, id, time, rollUp ?? true);
  }
}
