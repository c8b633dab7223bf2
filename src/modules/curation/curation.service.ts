import type { ManagedTransaction } from 'neo4j-driver';
import { AppError, ErrorCode } from '../../common/errors';
import { NotFoundError } from '../../common/graphql-errors';
import type { Database } from '../../db/database';
import type { DocumentTexts } from '../../seed/documents';
import type { Principal } from '../auth/principal';
import {
  agentOf,
  changesOfFact,
  proposalById,
  reviewProposal,
  saveProposal,
  type AgentRecord,
  type ChangeRecord,
  type ProposalRecord,
} from './change-log.repository';
import { StaleVersionError } from './curation.errors';
import { nextRevision } from './curation.repository';
import { appliesDirectly, requireReviewer, requireWriter } from './curation.roles';
import { applyPlan } from './apply-plan';
import { describeFact, type FactState } from './fact';
import { CurationTexts } from './quote-texts';
import { planWrite } from './write-check';
import type { WriteRequest } from './write-request';
import { readSlice } from './write-slice';

/** What a write needs beyond the database: the seed documents and a hook run after a commit. */
export interface CurationEnv {
  db: Database;
  principal: Principal | null;
  /** The seed importer's documents (quotes citing seed documents are checked against them). */
  documents: DocumentTexts | null;
  /** Called after a write commits (the API's data version changes). */
  onWrite: () => void;
}

export interface WriteOutcome {
  outcome: 'APPLIED' | 'PROPOSED';
  changes: ChangeRecord[];
  proposal: ProposalRecord | null;
}

/**
 * A write names the version it was made on; when the fact has moved on, it is refused with what
 * changed since (from the change log).
 */
async function checkVersion(
  tx: ManagedTransaction,
  target: FactState | null,
  request: WriteRequest,
): Promise<void> {
  if (!target || !('version' in request) || target.version === request.version) return;
  const missed = (await changesOfFact(tx, request.key, request.kind))
    .filter((c) => c.version === null || c.version > request.version)
    .map((c) => ({
      version: c.version ?? target.version,
      at: c.at,
      action: c.action,
      author: `${c.author.name} (${c.author.id})`,
      fields: c.changed,
    }));
  throw new StaleVersionError(describeFact(target), request.version, target.version, missed);
}

/** Reads what the write meets, checks its version and its rules; throws on any problem. */
async function prepare(tx: ManagedTransaction, env: CurationEnv, request: WriteRequest) {
  const { slice, target, texts } = await readSlice(tx, request);
  await checkVersion(tx, target, request);
  return planWrite(request, slice, new CurationTexts(env.documents, texts));
}

function writeOptions(db: Database) {
  // Writes wait for the curation log's lock; the read time limit bounds the wait too.
  return { timeoutMs: db.config.queryTimeoutMs };
}

/**
 * A write: checked by the seed importer's rules against the current graph, then applied at
 * once (editor, admin) or kept as a proposal for review (contributor). Anonymous writes are
 * UNAUTHENTICATED; nothing is written when any check fails.
 */
export async function submitWrite(env: CurationEnv, request: WriteRequest): Promise<WriteOutcome> {
  const principal = requireWriter(env.principal);
  const author = agentOf(principal);
  const result = await env.db.executeWrite(async (tx) => {
    const { revision, at } = await nextRevision(tx);
    const plan = await prepare(tx, env, request);
    if (appliesDirectly(principal)) {
      const changes = await applyPlan(tx, plan, {
        revision,
        at,
        author,
        reviewer: null,
        proposal: null,
        note: request.action === 'WITHDRAW' ? request.note : null,
      });
      return { outcome: 'APPLIED' as const, changes, proposal: null };
    }
    const proposal: ProposalRecord = {
      id: `proposal-${revision}`,
      revision,
      status: 'PENDING',
      request,
      proposedAt: at,
      proposer: author,
      reviewedAt: null,
      reviewer: null,
      reason: null,
    };
    await saveProposal(tx, proposal);
    return { outcome: 'PROPOSED' as const, changes: [], proposal };
  }, writeOptions(env.db));
  env.onWrite();
  return result;
}

async function pendingProposal(tx: ManagedTransaction, id: string): Promise<ProposalRecord> {
  const proposal = await proposalById(tx, id);
  if (!proposal) throw new NotFoundError(`no proposal with id "${id}"`);
  if (proposal.status !== 'PENDING') {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `proposal "${id}" was ${proposal.status.toLowerCase()} at ${proposal.reviewedAt} by ${proposal.reviewer?.name ?? 'unknown'}; only pending proposals can be reviewed`,
    );
  }
  return proposal;
}

/**
 * An editor accepts a proposal: it is checked again against the graph as it is now (its version
 * must still be current) and applied, recorded with its proposer as author and the editor as
 * reviewer.
 */
export async function acceptProposal(
  env: CurationEnv,
  id: string,
  reason: string | null,
): Promise<WriteOutcome> {
  const reviewer = agentOf(requireReviewer(env.principal));
  const result = await env.db.executeWrite(async (tx) => {
    const { revision, at } = await nextRevision(tx);
    const proposal = await pendingProposal(tx, id);
    const { request } = proposal;
    const plan = await prepare(tx, env, request);
    const changes = await applyPlan(tx, plan, {
      revision,
      at,
      author: proposal.proposer,
      reviewer,
      proposal: id,
      note: request.action === 'WITHDRAW' ? request.note : null,
    });
    await reviewProposal(tx, id, 'ACCEPTED', reviewer, at, reason);
    return {
      outcome: 'APPLIED' as const,
      changes,
      proposal: { ...proposal, status: 'ACCEPTED' as const, reviewer, reviewedAt: at, reason },
    };
  }, writeOptions(env.db));
  env.onWrite();
  return result;
}

/** An editor rejects a proposal, with the reason the proposer will read. */
export async function rejectProposal(
  env: CurationEnv,
  id: string,
  reason: string,
): Promise<ProposalRecord> {
  const reviewer: AgentRecord = agentOf(requireReviewer(env.principal));
  const result = await env.db.executeWrite(async (tx) => {
    const { at } = await nextRevision(tx);
    const proposal = await pendingProposal(tx, id);
    await reviewProposal(tx, id, 'REJECTED', reviewer, at, reason);
    return { ...proposal, status: 'REJECTED' as const, reviewer, reviewedAt: at, reason };
  }, writeOptions(env.db));
  env.onWrite();
  return result;
}
