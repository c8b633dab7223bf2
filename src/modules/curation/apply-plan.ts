import type { ManagedTransaction } from 'neo4j-driver';
import {
  NODE_TYPES,
  RELATION_TYPES,
  type NodeLabel,
  type NodeSpec,
  type RelationSpec,
  type RelationType,
} from '../../model/model';
import {
  attestations,
  validityOf,
  validityToStore,
  VALIDITY_PROPERTIES,
} from '../../edtf/validity';
import { nodeProperties, relationProperties } from '../../seed/properties';
import type { SeedNode, SeedRelation } from '../../seed/types';
import {
  CHANGE_ACTION,
  saveChanges,
  type AgentRecord,
  type ChangeRecord,
} from './change-log.repository';
import {
  allocateChanges,
  createEntity,
  createRelationship,
  deleteEntity,
  deleteRelationship,
  entitiesWithRelations,
  replaceEntity,
  replaceRelationship,
  saveText,
  setValidity,
  type Stamp,
} from './curation.repository';
import { changedFields, CURATED_DATASET, seedElement, snapshotOf, type FactState } from './fact';
import type { Plan } from './write-check';

export interface ApplyContext {
  revision: number;
  at: string;
  author: AgentRecord;
  reviewer: AgentRecord | null;
  proposal: string | null;
  note: string | null;
}

/**
 * What is stored for a fact: the seed importer's own properties (fields, EDTF bounds, validity,
 * citations, basis) with the curated dataset; curation adds its version and change stamp.
 */
function storedProperties(fact: FactState): Record<string, unknown> {
  const element = seedElement(fact);
  const props =
    fact.kind === 'ENTITY'
      ? nodeProperties(element as SeedNode, CURATED_DATASET)
      : relationProperties(element as SeedRelation, CURATED_DATASET);
  // `seedFile` names the seed file an element came from; a curated one came from none.
  delete props.seedFile;
  return props;
}

/**
 * Applies a checked plan in the write's transaction and records every change. Afterwards the
 * entities it touched get their validity recomputed the way the importer computes it (a dated
 * relationship shows its ends to exist from its date on).
 */
export async function applyPlan(
  tx: ManagedTransaction,
  plan: Plan,
  context: ApplyContext,
): Promise<ChangeRecord[]> {
  const touched = new Set<string>();
  const withdrawn = new Set<string>();
  for (const { action, before, after } of plan.changes) {
    const fact = (after ?? before)!;
    const stamp: Stamp = {
      version: after?.version ?? 0,
      at: context.at,
      by: context.author.id,
      byName: context.author.name,
    };
    if (fact.kind === 'ENTITY') {
      if (action === 'CREATE')
        await createEntity(tx, fact.type as NodeLabel, storedProperties(fact), stamp);
      else if (action === 'WITHDRAW') await deleteEntity(tx, fact.key);
      else await replaceEntity(tx, fact.key, storedProperties(fact), stamp);
      (action === 'WITHDRAW' ? withdrawn : touched).add(fact.key);
    } else {
      const type = fact.type as RelationType;
      if (action === 'CREATE') {
        await createRelationship(tx, type, fact.from!, fact.to!, storedProperties(fact), stamp);
      } else if (action === 'WITHDRAW') await deleteRelationship(tx, type, fact.key);
      else await replaceRelationship(tx, type, fact.key, storedProperties(fact), stamp);
      touched.add(fact.from!).add(fact.to!);
    }
  }
  for (const { key, text } of plan.texts) await saveText(tx, key, text);
  await refreshValidity(
    tx,
    [...touched].filter((k) => !withdrawn.has(k)),
  );

  const first = await allocateChanges(tx, plan.changes.length);
  const records = plan.changes.map(({ action, before, after }, i): ChangeRecord => {
    const fact = (after ?? before)!;
    const [was, is] = [before ? snapshotOf(before) : null, after ? snapshotOf(after) : null];
    return {
      id: `change-${first + i}`,
      seq: first + i,
      revision: context.revision,
      at: context.at,
      action: CHANGE_ACTION[action],
      kind: fact.kind,
      type: fact.type,
      key: fact.key,
      from: fact.from ?? null,
      to: fact.to ?? null,
      versionBefore: before?.version ?? null,
      version: after?.version ?? null,
      before: was,
      after: is,
      changed: changedFields(was, is),
      author: context.author,
      reviewer: context.reviewer,
      proposal: context.proposal,
      quotes: plan.quotes,
      note: context.note,
    };
  });
  await saveChanges(tx, records);
  return records;
}

/** The validity bounds of entities from their fields and every relationship they have. */
async function refreshValidity(tx: ManagedTransaction, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const rows = (await entitiesWithRelations(tx, keys)).map(({ fact, relations }) => {
    const shownOn = attestations(
      relations.map((r) => ({
        rule: (RELATION_TYPES[r.type as RelationType] as RelationSpec).validity,
        fields: r.fields,
        from: r.from!,
        to: r.to!,
      })),
    ).get(fact.key);
    const rule = (NODE_TYPES[fact.type as NodeLabel] as NodeSpec).validity;
    const stored = validityToStore(validityOf(rule, fact.fields, shownOn ?? null));
    const bounds = Object.fromEntries(
      Object.values(VALIDITY_PROPERTIES).map((name) => [name, stored[name] ?? null]),
    );
    return { key: fact.key, bounds };
  });
  await setValidity(tx, rows);
}
