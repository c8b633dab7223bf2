import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';
import type { Context } from '../../server/context';
import {
  checkPageSize,
  connectionType,
  decodeCursor,
  encodeCursor,
  makeConnection,
  type Connection,
} from '../node/connection.type';
import {
  changesOfProposals,
  countProposals,
  proposalById,
  proposals,
} from './change-log.repository';
import { Change, toChange } from './change.type';
import { writeResult } from './curation-result';
import { requireWriter } from './curation.roles';
import { acceptProposal, rejectProposal } from './curation.service';
import { CurationResult } from './history.type';
import { Proposal, ProposalStatus, toProposal } from './proposal.type';

const QUEUE_ORDER = 'Proposal:revision';
// Made now, not in the thunk: type-graphql must see every object type before it builds.
const ProposalConnection = connectionType(Proposal);

function env(ctx: Context) {
  return { db: ctx.db, principal: ctx.principal, ...ctx.curation };
}

/**
 * Review: the queue of contributors' proposals (for anyone with a credential), and an editor's
 * decision on each. An accepted proposal is checked again against the graph as it is then.
 */
@Resolver(() => Proposal)
export class ReviewResolver {
  @Query(() => ProposalConnection, {
    description:
      "The review queue: contributors' proposals, oldest first (by default the pending ones). Needs a credential of any role; a new document's text is never shown.",
  })
  async reviewQueue(
    @Ctx() ctx: Context,
    @Arg('status', () => ProposalStatus, {
      nullable: true,
      defaultValue: ProposalStatus.PENDING,
      description: 'Only proposals in this state (null: all).',
    })
    status: ProposalStatus | null,
    @Arg('proposer', () => String, {
      nullable: true,
      description: "Only this proposer's (credential id).",
    })
    proposer: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts.',
    })
    after: string | null,
  ): Promise<Connection<Proposal>> {
    requireWriter(ctx.principal);
    const size = checkPageSize(first);
    const position = after
      ? decodeCursor(after, 'after', QUEUE_ORDER, (v) => /^\d+$/.test(v))
      : null;
    // Arguments not given arrive as undefined, which the driver would drop.
    const filter = { status: status ?? null, proposer: proposer ?? null };
    const page = await proposals(ctx.db, filter, size, position ? Number(position.value) : null);
    return makeConnection(
      Proposal,
      page.proposals.map((p) => ({
        node: toProposal(p),
        cursor: encodeCursor({ order: QUEUE_ORDER, value: String(p.revision), key: p.id }),
      })),
      page.hasNextPage,
      position !== null,
      () => countProposals(ctx.db, filter),
    );
  }

  @Mutation(() => CurationResult, {
    description:
      'An editor (or admin) accepts a pending proposal: it is checked again against the graph as it is now — the version it was made on must still be current — and applied, with the proposer as author and the editor as reviewer.',
  })
  async acceptProposal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'A note for the proposer.' })
    reason: string | null,
  ): Promise<CurationResult> {
    const outcome = await acceptProposal(env(ctx), id, reason ?? null);
    const request = outcome.proposal?.request;
    const entity =
      request && request.kind === 'ENTITY' && request.action !== 'WITHDRAW'
        ? request.key
        : undefined;
    return writeResult(ctx, outcome, entity);
  }

  @Mutation(() => Proposal, {
    description:
      'An editor (or admin) rejects a pending proposal, with the reason the proposer reads.',
  })
  async rejectProposal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The proposal.' }) id: string,
    @Arg('reason', { description: 'Why it is rejected.' }) reason: string,
  ): Promise<Proposal> {
    if (reason.trim() === '') throw new BadUserInputError('a rejection needs its reason', 'reason');
    return toProposal(await rejectProposal(env(ctx), id, reason.trim()));
  }

  @FieldResolver(() => [Change], {
    description: 'The changes its acceptance applied (none before).',
  })
  async changes(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<Change[]> {
    if (proposal.status !== ProposalStatus.ACCEPTED) return [];
    return ((await changesOfProposals(ctx.db, [proposal.id])).get(proposal.id) ?? []).map(toChange);
  }
}

@Resolver(() => Change)
export class ChangeResolver {
  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal it came from (null: an editor applied it directly).',
  })
  async proposal(@Root() change: Change, @Ctx() ctx: Context): Promise<Proposal | null> {
    if (!change.proposalId) return null;
    const record = await proposalById(ctx.db, change.proposalId);
    return record ? toProposal(record) : null;
  }
}
