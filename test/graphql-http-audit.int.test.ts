import { auditServer } from 'graphql-http';
import { startTestApi, type TestApi } from './api';

/*
 * The GraphQL-over-HTTP conformance audit of `graphql-http` against the real server: every MUST
 * of the specification holds. SHOULDs and MAYs the server does not follow are listed in the
 * README (section "The GraphQL API").
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

it('passes every MUST of the GraphQL over HTTP audit', async () => {
  const results = await auditServer({ url: `${api.url}/graphql` });
  const failed = results.flatMap((r) => (r.status === 'ok' ? [] : [r]));
  const failedMusts = failed
    .filter((r) => r.status === 'error')
    .map((r) => `${r.id} ${r.name}: ${r.reason}`);
  const others = failed
    .filter((r) => r.status !== 'error')
    .map((r) => `${r.status} ${r.id} ${r.name}: ${r.reason}`);
  console.log(
    `graphql-http audit: ${results.length} checks; not ok:\n${[...failedMusts, ...others].join('\n')}`,
  );
  expect(failedMusts).toEqual([]);
});
