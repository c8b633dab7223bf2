import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import type { Context } from '../../server/context';
import { idDescription } from '../node/node.lookup';
import { viewOf } from '../time/as-of';
import { BASIS_FILTER_DESCRIPTION, BasisFilter } from '../basis/basis';
import { AS_OF_DESCRIPTION, AS_OF_MODE_DESCRIPTION, AsOfMode } from '../time/as-of.args';
import { comparisonProjection } from './compare.selection';
import { compareCities, MAX_CITIES, MAX_THEMES, MIN_CITIES } from './compare.service';
import { CityComparison } from './compare.type';

const ROLL_UP_DESCRIPTION =
  'true (default): a row counts what addresses its theme or any narrower one (the project\'s editorial taxonomy, e.g. "ageing" also counts "elderly-care"); false: only what addresses exactly the row\'s theme.';

@Resolver()
export class CompareResolver {
  @Query(() => CityComparison, {
    description: `Cities side by side, theme by theme, for comparative studies: rows are themes, columns are cities (${MIN_CITIES} to ${MAX_CITIES}), each cell says whether the city addresses the theme or a narrower one and how — units, programmes, posts, events — with the evidence quotes; plus a ranking by themes covered with ties explained. Fewer or more cities, a city named twice or a malformed or ambiguous id are BAD_USER_INPUT, unknown cities or themes NOT_FOUND. One database query, the cities' lookup and the cited documents included.`,
  })
  compareCities(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { description: idDescription('The cities, in column order', 'City') })
    ids: string[],
    @Arg('themes', () => [ID], {
      nullable: true,
      description: `Theme keys for the rows, in order (e.g. "ageing", "elderly-care"; at most ${MAX_THEMES}); each row also counts its narrower themes unless \`rollUp\` is false. Default: the top concepts of the taxonomy (ageing, diversity, family, labour market), by label.`,
    })
    themes: string[] | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
    asOf: string | null,
    @Arg('asOfMode', () => AsOfMode, { nullable: true, description: AS_OF_MODE_DESCRIPTION })
    asOfMode: AsOfMode | null,
    @Arg('basis', () => BasisFilter, {
      nullable: true,
      defaultValue: BasisFilter.ALL,
      description: `${BASIS_FILTER_DESCRIPTION} Applies to every step from the city to the theme.`,
    })
    basis: BasisFilter | null,
    @Arg('rollUp', () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: ROLL_UP_DESCRIPTION,
    })
    rollUp: boolean | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CityComparison> {
    return compareCities(ctx.db, {
      ids,
      themes: themes ?? null,
      view: viewOf({ asOf, asOfMode, basis }),
      rollUp: rollUp ?? true,
      read: comparisonProjection(info),
    });
  }
}
