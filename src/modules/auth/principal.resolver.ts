import { Ctx, Query, Resolver } from 'type-graphql';
import { uncacheable } from '../../common/cache-hint';
import type { Context } from '../../server/context';
import { PrincipalObject, toPrincipalObject } from './principal.type';

@Resolver()
export class PrincipalResolver {
  @Query(() => PrincipalObject, {
    nullable: true,
    description:
      'Who sent this request, as its credential says (`Authorization: Bearer …`); null when anonymous. Never cached.',
  })
  me(@Ctx() ctx: Context): PrincipalObject | null {
    uncacheable(ctx);
    return ctx.principal ? toPrincipalObject(ctx.principal) : null;
  }
}
