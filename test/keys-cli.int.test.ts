import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_AUTH, REPO_ROOT } from '../src/config';
import { deleteApiKeys, startTestApi, type TestApi } from './api';
import { buildDist } from './server-process';
import { TEST_URI } from './test-env';

/*
 * `npm run keys` through its real entry (`node dist/src/cli/keys.js`, what the script runs after
 * building) against the test database, and the API's view of what it did: a key it creates works,
 * a key it revokes is refused (this API checks every request: cache period 0).
 */
let api: TestApi;
const made: string[] = [];

beforeAll(async () => {
  buildDist();
  api = await startTestApi({ auth: { ...DEFAULT_AUTH, apiKeyCacheSeconds: 0 } });
});
afterAll(async () => {
  await deleteApiKeys(api.db, made);
  await api.close();
});

function keys(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The command reads the database from NEO4J_URI: the test instance, never a developer's.
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: TEST_URI };
  if (process.env.NEO4J_TEST_PASSWORD) env.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD;
  if (process.env.NEO4J_TEST_USER) env.NEO4J_USER = process.env.NEO4J_TEST_USER;
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'dist/src/cli/keys.js'), ...args],
    { encoding: 'utf8', env, cwd: REPO_ROOT },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ME = '{ me { id name role via } }';

describe('npm run keys', () => {
  it('creates a key that works, prints it once, lists it without secret, and revokes it', async () => {
    const name = `CLI "test" <'; MATCH (n) DETACH DELETE n //>`;
    const created = keys('create', '--name', name, '--role', 'editor');
    expect([created.status, created.stderr]).toEqual([0, '']);
    const lines = created.stdout.trim().split('\n');
    const [, id] = /^created the API key ([0-9a-f]{16}) \(EDITOR\) "(.*)"$/.exec(lines[0]!) ?? [];
    expect(id).toBeDefined();
    made.push(id!);
    expect(lines).toEqual([
      `created the API key ${id} (EDITOR) "${name}"`,
      expect.stringMatching(new RegExp(`^kg_${id}_[0-9a-f]{64}$`)),
      'This is the only time the key is shown (only its hash is stored): keep it now. Send it as "Authorization: Bearer <key>".',
    ]);
    const secret = lines[1]!;
    expect(await api.query(ME, undefined, `Bearer ${secret}`)).toEqual({
      data: { me: { id, name, role: 'EDITOR', via: 'API_KEY' } },
    });

    const listed = keys('list');
    expect([listed.status, listed.stderr]).toEqual([0, '']);
    expect(listed.stdout).not.toContain(secret.slice(20));
    const row = listed.stdout.split('\n').find((line) => line.startsWith(id!));
    expect(row).toMatch(
      new RegExp(
        `^${id}  EDITOR +active +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  cli +\\d{4}-\\S+Z  ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
    expect(listed.stdout.split('\n')[0]).toMatch(/^ID +ROLE +STATE +CREATED +BY +LAST USED +NAME$/);

    const revoked = keys('revoke', id!);
    expect([revoked.status, revoked.stderr, revoked.stdout]).toEqual([
      0,
      '',
      `revoked the API key ${id} (EDITOR) "${name}"; running servers refuse it within their KG_API_KEY_CACHE_SECONDS (30 s unless set)\n`,
    ]);
    const refused = await api.query(ME, undefined, `Bearer ${secret}`);
    expect(refused).toEqual({
      errors: [
        { message: 'This API key has been revoked.', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
    const again = keys('revoke', id!);
    expect(again.stdout).toMatch(
      new RegExp(`^the API key ${id} ".*" was already revoked at \\d{4}-\\S+Z\\n$`),
    );
    expect(
      keys('list')
        .stdout.split('\n')
        .find((line) => line.startsWith(id!)),
    ).toMatch(new RegExp(`^${id}  EDITOR +revoked \\d{4}-\\S+Z  `));
  });

  it('refuses bad arguments with exit code 2 and one line, writing nothing', async () => {
    const count = async () =>
      (
        await api.db.executeRead((tx) => tx.run('MATCH (k:ApiKey) RETURN count(k) AS n'))
      ).records[0]!.get('n') as number;
    const before = await count();
    const cases: [string[], string][] = [
      [
        ['create', '--name', 'x', '--role', 'root'],
        '--role: one of contributor, editor, admin (got "root") (npm run keys -- --help shows the usage)',
      ],
      [
        ['create', '--name', 'two\nlines', '--role', 'admin'],
        'A key name may not contain control characters (line breaks, tabs).',
      ],
      [['create', '--name', ' ', '--role', 'admin'], 'A key needs a name that says whose it is.'],
      [['revoke', 'ffffffffffffffff'], 'no API key with the id "ffffffffffffffff"'],
      [['rotate'], 'unknown command "rotate" (npm run keys -- --help shows the usage)'],
    ];
    for (const [args, message] of cases) {
      const result = keys(...args);
      expect([args, result.status, result.stdout, result.stderr.trim()]).toEqual([
        args,
        2,
        '',
        message,
      ]);
    }
    expect(await count()).toBe(before);
    const help = keys('--help');
    expect([help.status, help.stdout.split('\n')[0]]).toEqual([
      0,
      'usage: npm run keys -- <command>',
    ]);
  });
});
