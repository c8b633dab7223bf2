import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/database';
import type { Principal } from '../auth/principal';
import type { FactKind, FactSnapshot } from './fact';
import type { WriteAction, WriteRequest } from './write-request';

/**
 * The change log and the review queue. A `Change` node records one applied change of one fact
 * (who, when, before and after, the quotes, the proposal and its reviewer); a `Proposal` node
 * holds a contributor's write until an editor accepts or rejects it. Neither is an Entity nor
 * linked by relationships: they name facts by key.
 */

export type ChangeAction = 'CREATED' | 'UPDATED' | 'ENDED' | 'WITHDRAWN';

export const CHANGE_ACTION: Record<WriteAction, ChangeAction> = {
  CREATE: 'CREATED',
  UPDATE: 'UPDATED',
  END: 'ENDED',
  WITHDRAW: 'WITHDRAWN',
};

/** Who made a change or a proposal, or reviewed one. */
export interface AgentRecord {
  id: string;
  name: string;
  role: string;
}

export const agentOf = (p: Principal): AgentRecord => ({ id: p.id, name: p.name, role: p.role });

export interface ChangeRecord {
  id: string;
  seq: number;
  revision: number;
  at: string;
  action: ChangeAction;
  kind: FactKind;
  type: string;
  key: string;
  from: string | null;
  to: string | null;
  versionBefore: number | null;
  version: number | null;
  before: FactSnapshot | null;
  after: FactSnapshot | null;
  /** Names of the fields (and "sources", "basis", "reasoning") that differ. */
  changed: string[];
  author: AgentRecord;
  reviewer: AgentRecord | null;
  proposal: string | null;
  /** The quotes the write brought. */
  quotes: { doc: string; quote: string }[];
  note: string | null;
}

export type ProposalStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

export interface ProposalRecord {
  id: string;
  revision: number;
  status: ProposalStatus;
  request: WriteRequest;
  proposedAt: string;
  proposer: AgentRecord;
  reviewedAt: string | null;
  reviewer: AgentRecord | null;
  reason: string | null;
}

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);
const parse = <T>(value: unknown): T | null =>
  typeof value === 'string' ? (JSON.parse(value) as T) : null;

function agentProps(prefix: string, agent: AgentRecord | null) {
  return {
    [`${prefix}Id`]: agent?.id ?? null,
    [`${prefix}Name`]: agent?.name ?? null,
    [`${prefix}Role`]: agent?.role ?? null,
  };
}

function agentFrom(props: Record<string, unknown>, prefix: string): AgentRecord | null {
  const id = props[`${prefix}Id`];
  if (typeof id !== 'string') return null;
  return { id, name: String(props[`${prefix}Name`]), role: String(props[`${prefix}Role`]) };
}

export async function saveChanges(tx: ManagedTransaction, changes: ChangeRecord[]): Promise<void> {
  const rows = changes.map((c) => ({
    id: c.id,
    seq: c.seq,
    revision: c.revision,
    at: c.at,
    props: {
      action: c.action,
      kind: c.kind,
      type: c.type,
      key: c.key,
      from: c.from,
      to: c.to,
      versionBefore: c.versionBefore,
      version: c.version,
      before: json(c.before),
      after: json(c.after),
      changed: c.changed,
      ...agentProps('author', c.author),
      ...agentProps('reviewer', c.reviewer),
      proposal: c.proposal,
      quotes: json(c.quotes),
      note: c.note,
    },
  }));
  await tx.run(
    `UNWIND $rows AS row
     CREATE (c:Change {id: row.id})
     SET c += row.props, c.seq = row.seq, c.revision = row.revision, c.at = datetime(row.at)`,
    { rows },
  );
}

const CHANGE_COLUMNS = `c {.*, at: toString(c.at)} AS change`;

function changeOf(row: { get(key: string): unknown }): ChangeRecord {
  const p = row.get('change') as Record<string, unknown>;
  return {
    id: p.id as string,
    seq: p.seq as number,
    revision: p.revision as number,
    at: p.at as string,
    action: p.action as ChangeAction,
    kind: p.kind as FactKind,
    type: p.type as string,
    key: p.key as string,
    from: (p.from as string | undefined) ?? null,
    to: (p.to as string | undefined) ?? null,
    versionBefore: (p.versionBefore as number | undefined) ?? null,
    version: (p.version as number | undefined) ?? null,
    before: parse<FactSnapshot>(p.before),
    after: parse<FactSnapshot>(p.after),
    changed: (p.changed as string[] | undefined) ?? [],
    author: agentFrom(p, 'author')!,
    reviewer: agentFrom(p, 'reviewer'),
    proposal: (p.proposal as string | undefined) ?? null,
    quotes: parse<{ doc: string; quote: string }[]>(p.quotes) ?? [],
    note: (p.note as string | undefined) ?? null,
  };
}

/** Every recorded change of one fact, oldest first. */
export async function changesOfFact(
  source: Database | ManagedTransaction,
  key: string,
  kind?: FactKind,
): Promise<ChangeRecord[]> {
  const statement = `MATCH (c:Change {key: $key})
     WHERE $kind IS NULL OR c.kind = $kind
     RETURN ${CHANGE_COLUMNS} ORDER BY c.seq`;
  const params = { key, kind: kind ?? null };
  const result =
    'readStatement' in source
      ? await source.readStatement(statement, params)
      : await source.run(statement, params);
  return result.records.map(changeOf);
}

/** The changes an accepted proposal made. */
export async function changesOfProposals(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, ChangeRecord[]>> {
  const result = await db.readStatement(
    `UNWIND $ids AS id
       MATCH (c:Change {proposal: id})
       RETURN ${CHANGE_COLUMNS} ORDER BY c.seq`,
    { ids },
  );
  const out = new Map<string, ChangeRecord[]>();
  for (const change of result.records.map(changeOf)) {
    out.set(change.proposal!, [...(out.get(change.proposal!) ?? []), change]);
  }
  return out;
}

export interface ChangeFilter {
  /** The author's (or reviewer's) principal id. */
  by: string | null;
  /** Labels and relationship types. */
  types: string[] | null;
  /** ISO days, inclusive. */
  since: string | null;
  until: string | null;
}

const CHANGE_FILTER = `($by IS NULL OR c.authorId = $by OR c.reviewerId = $by)
         AND ($types IS NULL OR c.type IN $types)
         AND ($since IS NULL OR c.at >= datetime($since))
         AND ($until IS NULL OR c.at < datetime($until) + duration('P1D'))`;

/** The most recent changes first, keyset-paged on their sequence number. */
export async function recentChanges(
  db: Database,
  filter: ChangeFilter,
  first: number,
  beforeSeq: number | null,
): Promise<{ changes: ChangeRecord[]; hasNextPage: boolean }> {
  const result = await db.readStatement(
    `MATCH (c:Change)
       WHERE ($before IS NULL OR c.seq < $before) AND ${CHANGE_FILTER}
       RETURN ${CHANGE_COLUMNS} ORDER BY c.seq DESC LIMIT $limit`,
    { ...filter, before: beforeSeq, limit: neo4j.int(first + 1) },
  );
  const changes = result.records.map(changeOf);
  return { changes: changes.slice(0, first), hasNextPage: changes.length > first };
}

export async function countChanges(db: Database, filter: ChangeFilter): Promise<number> {
  const result = await db.readStatement(
    `MATCH (c:Change) WHERE ${CHANGE_FILTER} RETURN count(c) AS count`,
    filter,
  );
  return result.records[0]!.get('count') as number;
}

export async function saveProposal(
  tx: ManagedTransaction,
  proposal: ProposalRecord,
): Promise<void> {
  const { request } = proposal;
  await tx.run(
    `CREATE (p:Proposal {id: $id})
     SET p += $props, p.proposedAt = datetime($at)`,
    {
      id: proposal.id,
      at: proposal.proposedAt,
      props: {
        revision: proposal.revision,
        status: proposal.status,
        action: request.action,
        kind: request.kind,
        type: request.type,
        key: request.key,
        request: JSON.stringify(request),
        ...agentProps('proposer', proposal.proposer),
      },
    },
  );
}

const PROPOSAL_COLUMNS = `p {.*, proposedAt: toString(p.proposedAt), reviewedAt: toString(p.reviewedAt)} AS proposal`;

function proposalOf(row: { get(key: string): unknown }): ProposalRecord {
  const p = row.get('proposal') as Record<string, unknown>;
  return {
    id: p.id as string,
    revision: p.revision as number,
    status: p.status as ProposalStatus,
    request: parse<WriteRequest>(p.request)!,
    proposedAt: p.proposedAt as string,
    proposer: agentFrom(p, 'proposer')!,
    reviewedAt: (p.reviewedAt as string | null) ?? null,
    reviewer: agentFrom(p, 'reviewer'),
    reason: (p.reason as string | undefined) ?? null,
  };
}

export async function proposalById(
  source: Database | ManagedTransaction,
  id: string,
): Promise<ProposalRecord | null> {
  const statement = `MATCH (p:Proposal {id: $id}) RETURN ${PROPOSAL_COLUMNS}`;
  const result =
    'readStatement' in source
      ? await source.readStatement(statement, { id })
      : await source.run(statement, { id });
  const row = result.records[0];
  return row ? proposalOf(row) : null;
}

export async function proposalsByIds(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, ProposalRecord>> {
  const result = await db.readStatement(
    `UNWIND $ids AS id MATCH (p:Proposal {id: id}) RETURN ${PROPOSAL_COLUMNS}`,
    { ids },
  );
  return new Map(result.records.map((r) => [proposalOf(r).id, proposalOf(r)]));
}

export async function reviewProposal(
  tx: ManagedTransaction,
  id: string,
  status: 'ACCEPTED' | 'REJECTED',
  reviewer: AgentRecord,
  at: string,
  reason: string | null,
): Promise<void> {
  await tx.run(
    `MATCH (p:Proposal {id: $id})
     SET p.status = $status, p.reviewedAt = datetime($at), p.reason = $reason, p += $reviewer`,
    { id, status, at, reason, reviewer: agentProps('reviewer', reviewer) },
  );
}

export interface ProposalFilter {
  status: ProposalStatus | null;
  proposer: string | null;
}

const PROPOSAL_FILTER = `($status IS NULL OR p.status = $status)
         AND ($proposer IS NULL OR p.proposerId = $proposer)`;

/** The review queue: proposals of a status (and proposer), oldest first, keyset-paged. */
export async function proposals(
  db: Database,
  filter: ProposalFilter,
  first: number,
  afterRevision: number | null,
): Promise<{ proposals: ProposalRecord[]; hasNextPage: boolean }> {
  const result = await db.readStatement(
    `MATCH (p:Proposal)
       WHERE ${PROPOSAL_FILTER} AND ($after IS NULL OR p.revision > $after)
       RETURN ${PROPOSAL_COLUMNS} ORDER BY p.revision LIMIT $limit`,
    { ...filter, after: afterRevision, limit: neo4j.int(first + 1) },
  );
  const found = result.records.map(proposalOf);
  return { proposals: found.slice(0, first), hasNextPage: found.length > first };
}

export async function countProposals(db: Database, filter: ProposalFilter): Promise<number> {
  const result = await db.readStatement(
    `MATCH (p:Proposal) WHERE ${PROPOSAL_FILTER} RETURN count(p) AS count`,
    filter,
  );
  return result.records[0]!.get('count') as number;
}

/** The last withdrawal of a fact, to say so when a write names it. */
export async function lastWithdrawal(
  tx: ManagedTransaction,
  key: string,
): Promise<ChangeRecord | null> {
  const result = await tx.run(
    `MATCH (c:Change {key: $key, action: 'WITHDRAWN'})
     RETURN ${CHANGE_COLUMNS} ORDER BY c.seq DESC LIMIT 1`,
    { key },
  );
  const row = result.records[0];
  return row ? changeOf(row) : null;
}
