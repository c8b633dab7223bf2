import { startTestApi, type TestApi } from './api';

/*
 * A GraphQL query whose database work runs far past the read time limit is stopped by Neo4j and
 * answers QUERY_TIMEOUT; a query that outgrows the transaction memory pool of the launcher
 * (256 MiB) answers QUERY_MEMORY_EXCEEDED, at once rather than after the driver's retries.
 * The two use different queries: the timeline, which fills memory within a time-limit check
 * interval on a fast machine, would race the time limit. The graph here is made heavy on purpose (its own dataset, removed after):
 * one unit in 20 cities with 5,000 post holders, so the timeline of every city walks each
 * holder's post once per city.
 */

const DATASET = 'query-timeout-test';
let api: TestApi;
/**
 * Slow but lean: for each city, each holder of the hub's posts is checked against every other
 * holder (20 × 5,000 × 5,000 tests), in nested existence checks that stream and hold next to no
 * memory, so the time limit and never the memory limit stops it.
 */
const SLOW_LEAN_QUERY = `{
  cities(first: 1, where: { orgUnits: { some: { posts: { some: {
    posts: { some: { OrgUnit: { posts: { some: { name: { eq: "nobody" } } } } } } } } } } }) {
    nodes { key }
  }
}`;
/** The same database with the default read limit (10 s), long enough to run out of memory. */
let patientApi: TestApi;

beforeAll(async () => {
  api = await startTestApi({}, { queryTimeoutMs: 100 });
  patientApi = await startTestApi();
  await removeDataset();
  await api.db.executeWrite(async (tx) => {
    await tx.run(
      `CREATE (u:OrgUnit:Entity {id: 'qt-unit', name: 'Hub', dataset: $dataset})
       WITH u
       UNWIND range(1, 20) AS i
       CREATE (c:City:Entity {id: 'qt-city-' + i, name: 'City ' + i, dataset: $dataset})
       CREATE (u)-[:BELONGS_TO {id: 'qt-b-' + i, dataset: $dataset}]->(c)`,
      { dataset: DATASET },
    );
    await tx.run(
      `MATCH (u:OrgUnit:Entity {id: 'qt-unit'})
       UNWIND range(1, 5000) AS i
       CREATE (p:Person:Entity {id: 'qt-person-' + i, name: 'Person ' + i, dataset: $dataset})
       CREATE (p)-[:HOLDS_POST {id: 'qt-h-' + i, since: '2020', sinceEarliest: date('2020-01-01'),
                                sinceLatest: date('2020-12-31'), dataset: $dataset}]->(u)`,
      { dataset: DATASET },
    );
  });
});

/** Also before the test, in case an interrupted run left the graph behind. */
async function removeDataset() {
  await api.db.executeWrite((tx) =>
    tx.run('MATCH (n:Entity {dataset: $dataset}) DETACH DELETE n', { dataset: DATASET }),
  );
}

afterAll(async () => {
  await removeDataset();
  await api.close();
  await patientApi.close();
});

it('answers a query that runs past QUERY_TIMEOUT_MS with the typed error QUERY_TIMEOUT', async () => {
  const result = await api.query(SLOW_LEAN_QUERY);
  expect(result.data).toBeNull();
  expect(result.errors).toEqual([
    {
      message: 'The query took longer than its time limit and was stopped; narrow it down.',
      locations: [{ line: 2, column: 3 }],
      path: ['cities'],
      extensions: { code: 'QUERY_TIMEOUT' },
    },
  ]);
  // The database answers again at once (under the default limit: with 100 ms, even a query
  // planned for the first time may not finish).
  const after = await patientApi.query('{ cities(first: 1) { nodes { key } } }');
  expect(after.errors).toBeUndefined();
});

it('answers a query that outgrows the transaction memory with QUERY_MEMORY_EXCEEDED', async () => {
  const result = await patientApi.query('{ timeline { text } }');
  expect(result.data).toBeNull();
  expect(result.errors).toEqual([
    {
      message:
        'The query needed more database memory than one request may use and was stopped; narrow it down.',
      locations: [{ line: 1, column: 3 }],
      path: ['timeline'],
      extensions: { code: 'QUERY_MEMORY_EXCEEDED' },
    },
  ]);
  const after = await patientApi.query('{ cities(first: 1) { nodes { key } } }');
  expect(after.errors).toBeUndefined();
});
