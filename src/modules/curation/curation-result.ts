import type { Context } from '../../server/context';
import type { Node } from '../node/node.interface';
import { toObject } from '../node/node.registry';
import { toChange } from './change.type';
import type { WriteOutcome as Outcome } from './curation.service';
import { CurationResult, WriteOutcome } from './history.type';
import { toProposal } from './proposal.type';

/**
 * What a write mutation answers: the changes or the proposal, and the entity as it is now. The
 * request's loaders may hold the entity as it was before the write (the id lookups primed
 * them), so it is read afresh.
 */
export async function writeResult(
  ctx: Context,
  outcome: Outcome,
  entityKey?: string,
): Promise<CurationResult> {
  let node: Node | null = null;
  if (outcome.outcome === 'APPLIED' && entityKey) {
    ctx.loaders.entityByKey.clear(entityKey);
    const record = await ctx.loaders.entityByKey.load(entityKey);
    node = record ? (toObject(record) as unknown as Node) : null;
  }
  return Object.assign(new CurationResult(), {
    outcome: outcome.outcome as WriteOutcome,
    changes: outcome.changes.map(toChange),
    proposal: outcome.proposal ? toProposal(outcome.proposal) : null,
    node,
  });
}
