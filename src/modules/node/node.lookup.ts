import { fromGlobalId } from '../../common/global-id';
import { NotFoundError } from '../../common/graphql-errors';
import type { Context } from '../../server/context';
import type { EntityRecord } from '../entity/entity.record';

/** The entity a global id names, through the request's loader; NOT_FOUND when there is none. */
export async function loadByGlobalId(
  ctx: Context,
  id: string,
  argument = 'id',
): Promise<EntityRecord> {
  const { type, key } = fromGlobalId(id, argument);
  const record = await ctx.loaders.entityByKey.load(key);
  if (!record || record.label !== type) {
    throw new NotFoundError(
      `no ${type} with id "${id}"${argument === 'id' ? '' : ` (${argument})`}`,
    );
  }
  return record;
}
