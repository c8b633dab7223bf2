import type { ManagedTransaction } from 'neo4j-driver';
import { NotFoundError } from '../../common/graphql-errors';
import type { NodeLabel, RelationType } from '../../model/model';
import { relationIdOf } from '../../seed/validate';
import { lastWithdrawal } from './change-log.repository';
import {
  chainBetween,
  citingFacts,
  readEntities,
  readRelations,
  relationsOf,
  storedTexts,
  uniqueHolders,
  unitLinks,
} from './curation.repository';
import { describeFact, type FactState } from './fact';
import { curatedFile } from './quote-texts';
import type { GraphSlice } from './write-check';
import { newDocumentKeys, type WriteRequest } from './write-request';

/** Relationship types whose chains must not loop (as the seed validator's ACYCLIC). */
const ACYCLIC = new Set(['PART_OF', 'BROADER', 'LOCATED_IN']);
const UNIT_LINKS = new Set(['BELONGS_TO', 'OPERATES']);

/** The id a relationship of a write gets: its own, or the seeds' default from its ends. */
export function relationKey(from: string, type: string, to: string, key?: string | null): string {
  return key ?? relationIdOf(from, type, to);
}

/**
 * Reads the part of the graph a write meets (see GraphSlice), in the write's transaction. A fact
 * the write targets must exist: NOT_FOUND otherwise, saying so when it was withdrawn.
 */
export async function readSlice(
  tx: ManagedTransaction,
  request: WriteRequest,
): Promise<{ slice: GraphSlice; target: FactState | null; texts: Map<string, string> }> {
  const slice: GraphSlice = {
    entities: new Map(),
    relation: null,
    taken: [],
    uniqueHolders: [],
    unitLinks: [],
    chains: [],
    cascade: [],
    citing: [],
  };
  const keys = new Set<string>();
  const citation = 'citation' in request ? request.citation : undefined;
  const created = new Set(newDocumentKeys(request));
  for (const q of citation?.quotes ?? []) if (!created.has(q.doc)) keys.add(q.doc);

  let target: FactState | null = null;
  if (request.action !== 'CREATE') {
    target = await readTarget(tx, request);
    if (target.kind === 'RELATION') {
      slice.relation = target;
      keys.add(target.from!).add(target.to!);
    }
    for (const c of target.cite) keys.add(c.doc);
  }

  if (request.action === 'CREATE') {
    const newKeys = [...created];
    const relationIds: string[] = [];
    if (request.kind === 'ENTITY') {
      newKeys.push(request.key);
      for (const link of request.links) {
        keys.add(link.other);
        const [from, to] =
          link.direction === 'OUT' ? [request.key, link.other] : [link.other, request.key];
        relationIds.push(relationKey(from, link.type, to, link.key));
      }
      slice.uniqueHolders = await uniqueHolders(
        tx,
        request.type as NodeLabel,
        request.key,
        request.fields,
      );
      await addChains(
        tx,
        slice,
        request.links.map((l) => ({
          type: l.type,
          from: l.direction === 'OUT' ? request.key : l.other,
          to: l.direction === 'OUT' ? l.other : request.key,
        })),
      );
    } else {
      keys.add(request.from).add(request.to);
      relationIds.push(request.key);
      await addChains(tx, slice, [request]);
    }
    slice.taken = [
      ...(await readEntities(tx, newKeys)).values(),
      ...(await readRelations(tx, relationIds)).values(),
    ];
  }

  if (request.action === 'UPDATE' && request.kind === 'ENTITY') {
    slice.uniqueHolders = await uniqueHolders(tx, request.type as NodeLabel, request.key, {
      ...target!.fields,
      ...request.set,
    });
  }

  const units = new Set<string>();
  if (request.kind === 'ENTITY' && request.type === 'OrgUnit' && request.action !== 'CREATE') {
    units.add(request.key);
  }
  if (request.action === 'CREATE' && request.kind === 'RELATION' && UNIT_LINKS.has(request.type)) {
    units.add(request.type === 'BELONGS_TO' ? request.from : request.to);
  }
  if (request.action === 'WITHDRAW') {
    const withdrawn = target!.kind === 'ENTITY' ? await relationsOf(tx, target!.key) : [target!];
    if (target!.kind === 'ENTITY') slice.cascade = withdrawn;
    for (const rel of withdrawn) {
      if (!UNIT_LINKS.has(rel.type)) continue;
      const unit = rel.type === 'BELONGS_TO' ? rel.from! : rel.to!;
      units.add(unit);
      keys.add(unit);
    }
    if (target!.type === 'SourceDocument') {
      const gone = new Set(withdrawn.map((r) => r.key));
      slice.citing = (await citingFacts(tx, target!.key)).filter((f) => !gone.has(f.key));
    }
  }
  slice.unitLinks = await unitLinks(tx, [...units]);

  slice.entities = await readEntities(tx, [
    ...keys,
    ...(target?.kind === 'ENTITY' ? [target.key] : []),
  ]);
  const curatedDocs = [...slice.entities.values()]
    .filter((f) => f.type === 'SourceDocument' && String(f.fields.file).startsWith('curated/'))
    .map((f) => f.key);
  const texts = new Map(
    [...(await storedTexts(tx, curatedDocs))].map(([key, text]) => [curatedFile(key), text]),
  );
  return { slice, target, texts };
}

/** For each new relationship of an acyclic type, the chain it would close, if any. */
async function addChains(
  tx: ManagedTransaction,
  slice: GraphSlice,
  relations: { type: string; from: string; to: string }[],
): Promise<void> {
  for (const rel of relations) {
    if (!ACYCLIC.has(rel.type)) continue;
    // A relationship from → to closes a cycle when a chain to → … → from exists already; a new
    // entity has no chains yet, but two of its own links (x → a, b → x) can close one over a → b.
    for (const other of relations) {
      if (other.type !== rel.type || other === rel) continue;
      if (other.to === rel.from)
        slice.chains.push(
          ...(await chainBetween(tx, rel.type as RelationType, rel.to, other.from)),
        );
    }
    slice.chains.push(...(await chainBetween(tx, rel.type as RelationType, rel.to, rel.from)));
  }
}

async function readTarget(
  tx: ManagedTransaction,
  request: Exclude<WriteRequest, { action: 'CREATE' }>,
): Promise<FactState> {
  const found =
    request.kind === 'ENTITY'
      ? (await readEntities(tx, [request.key])).get(request.key)
      : (await readRelations(tx, [request.key])).get(request.key);
  if (found && found.type === request.type) return found;
  const what = request.kind === 'ENTITY' ? request.type : 'relationship';
  if (found) {
    throw new NotFoundError(
      `no ${what} with key "${request.key}"; it names ${describeFact(found)}`,
    );
  }
  const withdrawn = await lastWithdrawal(tx, request.key);
  const since = withdrawn
    ? `; it was withdrawn at ${withdrawn.at} by ${withdrawn.author.name} (${withdrawn.note ?? 'no reason given'})`
    : '';
  throw new NotFoundError(`no ${what} with key "${request.key}"${since}`);
}
