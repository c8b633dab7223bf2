import type { DateTime } from 'neo4j-driver';
import type { Database } from '../../db/database';
import type { Role } from './principal';
import type { StoredHash } from './api-key.secret';

/**
 * API keys in Neo4j: `(:ApiKey {id, name, role, hash, salt, kdf, createdAt, createdBy, revokedAt,
 * revokedBy, lastUsedAt})`. Not an `Entity`: the graph's reads, exports, counts, search and paths
 * all start from `:Entity` and never see them, and no relationship touches them. `id` is unique
 * (cypher/schema.cypher). Only this file reads or writes the label.
 */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** Who created it: the principal's id, or `cli` for the command line. */
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** Last successful verification (at most once per cache period is recorded). */
  lastUsedAt: Date | null;
}

/** What is needed to verify a key: its record and hash. */
export interface StoredApiKey extends ApiKeyRecord {
  hash: StoredHash;
}

const RECORD = `k {.id, .name, .role, .createdAt, .createdBy, .revokedAt, .revokedBy, .lastUsedAt}`;

type RawRecord = Omit<ApiKeyRecord, 'createdAt' | 'revokedAt' | 'lastUsedAt'> & {
  createdAt: DateTime<number>;
  revokedAt: DateTime<number> | null;
  lastUsedAt: DateTime<number> | null;
};

/** These writes are small: they get the time limit of reads, not the import's none. */
const writeLimit = (db: Database) => ({ timeoutMs: db.config.queryTimeoutMs });

const toDate = (value: DateTime<number> | null | undefined): Date | null =>
  value ? value.toStandardDate() : null;

function toRecord(raw: RawRecord): ApiKeyRecord {
  return {
    id: raw.id,
    name: raw.name,
    role: raw.role,
    createdAt: toDate(raw.createdAt)!,
    createdBy: raw.createdBy,
    revokedAt: toDate(raw.revokedAt),
    revokedBy: raw.revokedBy ?? null,
    lastUsedAt: toDate(raw.lastUsedAt),
  };
}

export async function insertApiKey(
  db: Database,
  key: { id: string; name: string; role: Role; createdBy: string; hash: StoredHash },
): Promise<ApiKeyRecord> {
  const result = await db.executeWrite(
    (tx) =>
      tx.run(
        `CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, salt: $salt, kdf: $kdf,
                         createdAt: datetime(), createdBy: $createdBy})
       RETURN ${RECORD} AS key`,
        {
          id: key.id,
          name: key.name,
          role: key.role,
          createdBy: key.createdBy,
          hash: key.hash.hash,
          salt: key.hash.salt,
          kdf: key.hash.kdf,
        },
      ),
    writeLimit(db),
  );
  return toRecord(result.records[0]!.get('key') as RawRecord);
}

export async function findApiKey(db: Database, id: string): Promise<StoredApiKey | null> {
  const result = await db.readStatement(
    `MATCH (k:ApiKey {id: $id})
       RETURN ${RECORD} AS key, k.hash AS hash, k.salt AS salt, k.kdf AS kdf`,
    { id },
  );
  const record = result.records[0];
  if (!record) return null;
  return {
    ...toRecord(record.get('key') as RawRecord),
    hash: {
      hash: record.get('hash') as string,
      salt: record.get('salt') as string,
      kdf: record.get('kdf') as string,
    },
  };
}

/** Every key (or the unrevoked ones), oldest first. */
export async function listApiKeys(
  db: Database,
  options: { includeRevoked: boolean },
): Promise<ApiKeyRecord[]> {
  const result = await db.readStatement(
    `MATCH (k:ApiKey)
       WHERE $includeRevoked OR k.revokedAt IS NULL
       RETURN ${RECORD} AS key
       ORDER BY k.createdAt, k.id`,
    { includeRevoked: options.includeRevoked },
  );
  return result.records.map((r) => toRecord(r.get('key') as RawRecord));
}

/**
 * Revokes a key (a second revocation keeps the first time and author); null when no key has the
 * id. `wasRevoked` says whether it already was.
 */
export async function markRevoked(
  db: Database,
  id: string,
  by: string,
): Promise<{ key: ApiKeyRecord; wasRevoked: boolean } | null> {
  const result = await db.executeWrite(
    (tx) =>
      tx.run(
        `MATCH (k:ApiKey {id: $id})
       WITH k, k.revokedAt IS NOT NULL AS wasRevoked
       SET k.revokedAt = coalesce(k.revokedAt, datetime()),
           k.revokedBy = coalesce(k.revokedBy, $by)
       RETURN ${RECORD} AS key, wasRevoked`,
        { id, by },
      ),
    writeLimit(db),
  );
  const record = result.records[0];
  if (!record) return null;
  return {
    key: toRecord(record.get('key') as RawRecord),
    wasRevoked: record.get('wasRevoked') as boolean,
  };
}

/**
 * Records a successful verification, and checks in the same step that the key is still not
 * revoked (it may have been since it was read): false when it is revoked or gone.
 */
export async function markUsed(db: Database, id: string): Promise<boolean> {
  const result = await db.executeWrite(
    (tx) =>
      tx.run(
        `MATCH (k:ApiKey {id: $id})
       WHERE k.revokedAt IS NULL
       SET k.lastUsedAt = datetime()
       RETURN count(k) AS used`,
        { id },
      ),
    writeLimit(db),
  );
  return (result.records[0]?.get('used') as number) === 1;
}

/**
 * Deletes keys outright, for tests and benchmarks that clean up after themselves; keys in use are
 * revoked instead, which keeps them as a record of who could write when.
 */
export async function deleteApiKeys(db: Database, ids: string[]): Promise<void> {
  await db.executeWrite(
    (tx) => tx.run('MATCH (k:ApiKey) WHERE k.id IN $ids DELETE k', { ids }),
    writeLimit(db),
  );
}
