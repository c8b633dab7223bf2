import type { Role } from '../src/modules/auth/principal';
import { importSeeds } from '../src/seed/import';
import { deleteDataset } from '../src/seed/seed.repository';
import type { AppOptions } from '../src/server/app';
import { startTestApi, type TestApi } from './api';
import { fixtureSeeds, writeFixture, type FixtureDirs } from './fixtures';
import { roleKeys, type RoleKeys } from './principals';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are dynamic JSON
type Json = any;

/** A press text the curation tests cite through `newDocument` (whole sentences, one per line). */
export function pressText(city: string): string {
  return [
    `${city} gründet ein Büro für Digitales`,
    `Die Stadt ${city} richtet zum 1. März 2024 ein Büro für Digitales ein.`,
    `Das Büro für Digitales arbeitet mit dem Rat der Stadt ${city} zusammen.`,
    `Zum 31. Dezember 2025 wurde das Büro für Digitales wieder aufgelöst.`,
    `Leiter des Büros für Digitales ist seit dem 1. April 2024 Max Beispiel.`,
  ].join('\n');
}

export interface CurationApi {
  api: TestApi;
  fixture: FixtureDirs;
  /** The dataset (and key prefix) the test file owns. */
  prefix: string;
  /** A real API key per writing role, which `as` sends. */
  keys: RoleKeys;
  /** A GraphQL request as the role (null: anonymous). */
  as(
    role: Role | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Json; errors?: Json[] }>;
}

/**
 * For a test file: the API, with a real API key per writing role, over the fixture seeds of
 * `prefix` (dataset `prefix`, keys starting with it), started before its tests; afterwards everything the file made
 * is removed — the dataset, every curated element with the prefix, and the change log, proposals
 * and texts that name them.
 */
export function curationApi(prefix: string, options: AppOptions = {}): () => CurationApi {
  let state: CurationApi | undefined;
  beforeAll(async () => {
    const fixture = writeFixture(prefix, fixtureSeeds(prefix));
    const api = await startTestApi({ documents: { dir: fixture.documentsDir }, ...options });
    await importSeeds(api.db, {
      seedDir: fixture.seedDir,
      documentsDir: fixture.documentsDir,
      dataset: prefix,
    });
    const keys = await roleKeys(api);
    state = {
      api,
      fixture,
      prefix,
      keys,
      as: (role, query, variables) => api.query(query, variables, role ? keys.headers(role) : {}),
    };
  });
  afterAll(async () => {
    if (!state) return;
    await removeCuration(state.api, prefix);
    await deleteDataset(state.api.db, prefix);
    await state.api.close();
    state.fixture.cleanup();
  });
  return () => {
    if (!state) throw new Error('the API is started in beforeAll');
    return state;
  };
}

/** Removes the curated elements whose keys start with the prefix, and their records. */
export async function removeCuration(api: TestApi, prefix: string): Promise<void> {
  await api.db.executeWrite(async (tx) => {
    await tx.run(
      `MATCH ()-[r]->() WHERE r.dataset = 'curated' AND r.id STARTS WITH $prefix DELETE r`,
      { prefix },
    );
    await tx.run(
      `MATCH (n:Entity {dataset: 'curated'}) WHERE n.id STARTS WITH $prefix DETACH DELETE n`,
      { prefix },
    );
    await tx.run(
      `MATCH (n) WHERE (n:Change OR n:Proposal) AND n.key STARTS WITH $prefix DETACH DELETE n`,
      { prefix },
    );
    await tx.run(`MATCH (t:SourceText) WHERE t.document STARTS WITH $prefix DELETE t`, { prefix });
  });
}
