import type { ManagedTransaction } from 'neo4j-driver';
import {
  cypherName,
  labelsOf,
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import { nodeFact, relationFact, type FactState } from './fact';

/**
 * The Cypher of curation writes, run inside the write's transaction. Values are parameters;
 * labels and relationship types come from the model and pass `cypherName` first. Curation's own
 * records — the log, changes, proposals, texts of new documents — are nodes without the Entity
 * label and without relationships, so no read of the graph can meet them.
 */

type Row = { get(key: string): unknown };

/**
 * Takes the curation log's lock and counts the write: every curation write runs one at a time
 * from here on (the lock holds until the transaction ends), so a version read afterwards stays
 * current until the write commits. Returns the write's revision and time.
 */
export async function nextRevision(
  tx: ManagedTransaction,
): Promise<{ revision: number; at: string }> {
  const result = await tx.run(
    `MERGE (l:CurationLog {name: 'curation'})
     ON CREATE SET l.revision = 0, l.changes = 0
     SET l.revision = l.revision + 1, l.at = datetime()
     RETURN l.revision AS revision, toString(l.at) AS at`,
  );
  const row = result.records[0]!;
  return { revision: row.get('revision') as number, at: row.get('at') as string };
}

/** Numbers for `count` changes: the first of a consecutive range. */
export async function allocateChanges(tx: ManagedTransaction, count: number): Promise<number> {
  const result = await tx.run(
    `MATCH (l:CurationLog {name: 'curation'})
     SET l.changes = l.changes + $count
     RETURN l.changes - $count + 1 AS first`,
    { count },
  );
  return result.records[0]!.get('first') as number;
}

/** The revision and time of the last curation write (null before the first). */
export async function readCurationRevision(
  tx: ManagedTransaction,
): Promise<{ revision: number; at: string } | null> {
  const result = await tx.run(
    `MATCH (l:CurationLog {name: 'curation'}) RETURN l.revision AS revision, toString(l.at) AS at`,
  );
  const row = result.records[0];
  return row ? { revision: row.get('revision') as number, at: row.get('at') as string } : null;
}

export async function readEntities(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<Map<string, FactState>> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (n:Entity {id: key})
     RETURN key, labels(n) AS labels, properties(n) AS props`,
    { keys: [...new Set(keys)] },
  );
  return new Map(
    result.records.map((r) => [
      r.get('key') as string,
      nodeFact(
        r.get('key') as string,
        r.get('labels') as string[],
        r.get('props') as Record<string, unknown>,
      ),
    ]),
  );
}

/** A relationship of any model type by its id: one index lookup per type. */
const RELATION_BY_ID = RELATION_TYPE_NAMES.map(
  (type) =>
    `MATCH (a:Entity)-[r:${cypherName(type)} {id: rid}]->(b:Entity)
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
).join('\n       UNION ALL\n       ');

const toRelationFact = (r: Row) =>
  relationFact(
    r.get('type') as RelationType,
    r.get('from') as string,
    r.get('to') as string,
    r.get('props') as Record<string, unknown>,
  );

export async function readRelations(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, FactState>> {
  const result = await tx.run(
    `UNWIND $ids AS rid
     CALL (rid) {
       ${RELATION_BY_ID}
     }
     RETURN type, from, to, props`,
    { ids: [...new Set(ids)] },
  );
  const facts = result.records.map(toRelationFact);
  return new Map(facts.map((f) => [f.key, f]));
}

/** Every relationship of an entity, either direction. */
export async function relationsOf(tx: ManagedTransaction, key: string): Promise<FactState[]> {
  const result = await tx.run(
    `MATCH (n:Entity {id: $key})-[r]-(:Entity)
     RETURN DISTINCT type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`,
    { key },
  );
  return result.records.map(toRelationFact);
}

/** The BELONGS_TO and OPERATES relationships of units (what a unit's one-city rule reads). */
export async function unitLinks(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<FactState[]> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (u:OrgUnit:Entity {id: key})-[r:BELONGS_TO|OPERATES]-(:Entity)
     RETURN DISTINCT type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`,
    { keys: [...new Set(keys)] },
  );
  return result.records.map(toRelationFact);
}

const PROPERTY = /^[a-z][A-Za-z0-9]*$/;

/** Other entities of the label holding one of the unique values (an AGS) a write sets. */
export async function uniqueHolders(
  tx: ManagedTransaction,
  label: NodeLabel,
  key: string,
  fields: Record<string, unknown>,
): Promise<FactState[]> {
  const out: FactState[] = [];
  const specs: Record<string, FieldSpec> = NODE_TYPES[label].fields;
  for (const [name, spec] of Object.entries(specs)) {
    if (!spec.unique || fields[name] === undefined || fields[name] === null) continue;
    // The property name comes from the model, never from input; checked all the same.
    if (!PROPERTY.test(name)) throw new Error(`not a property name: ${name}`);
    const result = await tx.run(
      `MATCH (n:${cypherName(label)}:Entity {${name}: $value})
       WHERE n.id <> $key
       RETURN n.id AS key, labels(n) AS labels, properties(n) AS props`,
      { value: fields[name], key },
    );
    for (const r of result.records) {
      out.push(
        nodeFact(
          r.get('key') as string,
          r.get('labels') as string[],
          r.get('props') as Record<string, unknown>,
        ),
      );
    }
  }
  return out;
}

/** A chain of `type` from `start` to `end`, which a new relationship end → start would close. */
export async function chainBetween(
  tx: ManagedTransaction,
  type: RelationType,
  start: string,
  end: string,
): Promise<FactState[]> {
  const result = await tx.run(
    `MATCH p = (:Entity {id: $start})-[:${cypherName(type)}*1..100]->(:Entity {id: $end})
     WITH p LIMIT 1
     UNWIND relationships(p) AS r
     RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`,
    { start, end },
  );
  return result.records.map(toRelationFact);
}

/** Entities and relationships that cite a document (besides the document itself). */
export async function citingFacts(tx: ManagedTransaction, doc: string): Promise<FactState[]> {
  const nodes = await tx.run(
    `MATCH (n:Entity) WHERE $doc IN n.sourceIds AND n.id <> $doc
     RETURN n.id AS key, labels(n) AS labels, properties(n) AS props`,
    { doc },
  );
  const rels = await tx.run(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE $doc IN r.sourceIds
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
    { doc },
  );
  return [
    ...nodes.records.map((r) =>
      nodeFact(
        r.get('key') as string,
        r.get('labels') as string[],
        r.get('props') as Record<string, unknown>,
      ),
    ),
    ...rels.records.map(toRelationFact),
  ];
}

/** The kept texts of documents that came in through the API, by document key. */
export async function storedTexts(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (t:SourceText {document: key})
     RETURN key, t.text AS text`,
    { keys: [...new Set(keys)] },
  );
  return new Map(result.records.map((r) => [r.get('key') as string, r.get('text') as string]));
}

/**
 * Bookkeeping of every curated element: its version, when it was changed and by whom. The
 * element belongs to the curated dataset from then on (a seed import leaves it alone).
 */
export interface Stamp {
  version: number;
  at: string;
  by: string;
  byName: string;
}

export async function createEntity(
  tx: ManagedTransaction,
  label: NodeLabel,
  props: Record<string, unknown>,
  stamp: Stamp,
): Promise<void> {
  const labels = labelsOf(label).map(cypherName).join(':');
  await tx.run(
    `CREATE (n:${labels})
     SET n = $props, n.version = $stamp.version, n.changedAt = datetime($stamp.at),
         n.changedBy = $stamp.by, n.changedByName = $stamp.byName`,
    { props, stamp },
  );
}

/** Replaces an entity's properties; where it came from (`seedFile`) is kept. */
export async function replaceEntity(
  tx: ManagedTransaction,
  key: string,
  props: Record<string, unknown>,
  stamp: Stamp,
): Promise<void> {
  await tx.run(
    `MATCH (n:Entity {id: $key})
     WITH n, n.seedFile AS seedFile
     SET n = $props, n.seedFile = seedFile, n.version = $stamp.version,
         n.changedAt = datetime($stamp.at), n.changedBy = $stamp.by, n.changedByName = $stamp.byName`,
    { key, props, stamp },
  );
}

/** Removes a withdrawn entity (its relationships are withdrawn first) and a kept text. */
export async function deleteEntity(tx: ManagedTransaction, key: string): Promise<void> {
  await tx.run(
    `MATCH (n:Entity {id: $key})
     OPTIONAL MATCH (t:SourceText {document: $key})
     DETACH DELETE n, t`,
    { key },
  );
}

export async function createRelationship(
  tx: ManagedTransaction,
  type: RelationType,
  from: string,
  to: string,
  props: Record<string, unknown>,
  stamp: Stamp,
): Promise<void> {
  await tx.run(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     CREATE (a)-[r:${cypherName(type)}]->(b)
     SET r = $props, r.version = $stamp.version, r.changedAt = datetime($stamp.at),
         r.changedBy = $stamp.by, r.changedByName = $stamp.byName`,
    { from, to, props, stamp },
  );
}

export async function replaceRelationship(
  tx: ManagedTransaction,
  type: RelationType,
  id: string,
  props: Record<string, unknown>,
  stamp: Stamp,
): Promise<void> {
  await tx.run(
    `MATCH ()-[r:${cypherName(type)} {id: $id}]->()
     WITH r, r.seedFile AS seedFile
     SET r = $props, r.seedFile = seedFile, r.version = $stamp.version,
         r.changedAt = datetime($stamp.at), r.changedBy = $stamp.by, r.changedByName = $stamp.byName`,
    { id, props, stamp },
  );
}

export async function deleteRelationship(
  tx: ManagedTransaction,
  type: RelationType,
  id: string,
): Promise<void> {
  await tx.run(`MATCH ()-[r:${cypherName(type)} {id: $id}]->() DELETE r`, { id });
}

/** Keeps the text of a new document, to check later quotes against; never served. */
export async function saveText(tx: ManagedTransaction, key: string, text: string): Promise<void> {
  await tx.run(`MERGE (t:SourceText {document: $key}) SET t.text = $text`, { key, text });
}

/** An entity with its relationships, to recompute the days it is known to exist on. */
export interface EntityWithRelations {
  fact: FactState;
  relations: FactState[];
}

export async function entitiesWithRelations(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<EntityWithRelations[]> {
  const result = await tx.run(
    `UNWIND $keys AS key
     MATCH (n:Entity {id: key})
     RETURN key, labels(n) AS labels, properties(n) AS props,
            COLLECT { MATCH (n)-[r]-(:Entity)
                      RETURN DISTINCT {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)} } AS rels`,
    { keys: [...new Set(keys)] },
  );
  return result.records.map((r) => ({
    fact: nodeFact(
      r.get('key') as string,
      r.get('labels') as string[],
      r.get('props') as Record<string, unknown>,
    ),
    relations: (
      r.get('rels') as {
        type: RelationType;
        from: string;
        to: string;
        props: Record<string, unknown>;
      }[]
    ).map((x) => relationFact(x.type, x.from, x.to, x.props)),
  }));
}

/** Sets an entity's four validity bounds (ISO days; null removes one). */
export async function setValidity(
  tx: ManagedTransaction,
  rows: { key: string; bounds: Record<string, string | null> }[],
): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Entity {id: row.key})
     SET n.validPossibleFrom = date(row.bounds.validPossibleFrom),
         n.validCertainFrom = date(row.bounds.validCertainFrom),
         n.validCertainTo = date(row.bounds.validCertainTo),
         n.validPossibleTo = date(row.bounds.validPossibleTo)`,
    { rows },
  );
}
