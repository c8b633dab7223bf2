import { UsageError } from './export-args';
import { formatKeyTable } from './key-table';
import { parseKeysArgs } from './keys-args';

/** The command, or the usage error's message. */
function parsed(argv: string[]): unknown {
  try {
    return parseKeysArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message;
  }
}

describe('npm run keys arguments', () => {
  it('name a command with its arguments', () => {
    expect(parsed(['create', '--name', 'Dashboard Bochum', '--role', 'editor'])).toEqual({
      kind: 'create',
      name: 'Dashboard Bochum',
      role: 'EDITOR',
    });
    expect(parsed(['create', '--role=ADMIN', '--name=Ops'])).toEqual({
      kind: 'create',
      name: 'Ops',
      role: 'ADMIN',
    });
    expect(parsed(['list'])).toEqual({ kind: 'list' });
    expect(parsed(['revoke', '0123456789abcdef'])).toEqual({
      kind: 'revoke',
      id: '0123456789abcdef',
    });
    expect(parsed(['--help'])).toEqual({ kind: 'help' });
  });

  it('are refused with a message that says what is wrong', () => {
    expect(
      [
        [],
        ['delete', 'x'],
        ['create', '--name', 'x'],
        ['create', '--role', 'editor'],
        ['create', '--name', 'x', '--role', 'root'],
        ['create', 'x', '--name', 'x', '--role', 'admin'],
        ['revoke'],
        ['revoke', 'a', 'b'],
        ['list', '--role', 'admin'],
        ['list', '--secret'],
      ].map(parsed),
    ).toEqual([
      'name a command: create, list or revoke',
      'unknown command "delete"',
      'create needs --role',
      'create needs --name "<whose key>"',
      '--role: one of contributor, editor, admin (got "root")',
      'unexpected argument(s): x',
      'revoke takes one key id',
      'revoke takes one key id',
      '--name and --role belong to create, not list',
      expect.stringContaining("Unknown option '--secret'"),
    ]);
  });
});

describe('the key table', () => {
  it('aligns the columns and puts the name, which may hold anything, last', () => {
    const created = new Date('2025-03-01T10:00:00.123Z');
    expect(
      formatKeyTable([
        {
          id: '0123456789abcdef',
          name: 'Ops "main"',
          role: 'ADMIN',
          createdAt: created,
          createdBy: 'cli',
          revokedAt: null,
          revokedBy: null,
          lastUsedAt: null,
        },
        {
          id: 'fedcba9876543210',
          name: "x'); MATCH (n) DETACH DELETE n //",
          role: 'CONTRIBUTOR',
          createdAt: created,
          createdBy: '0123456789abcdef',
          revokedAt: new Date('2025-03-02T11:00:00Z'),
          revokedBy: 'cli',
          lastUsedAt: new Date('2025-03-01T12:00:00Z'),
        },
      ]).split('\n'),
    ).toEqual([
      'ID                ROLE         STATE                         CREATED               BY                LAST USED             NAME',
      '0123456789abcdef  ADMIN        active                        2025-03-01T10:00:00Z  cli               -                     Ops "main"',
      "fedcba9876543210  CONTRIBUTOR  revoked 2025-03-02T11:00:00Z  2025-03-01T10:00:00Z  0123456789abcdef  2025-03-01T12:00:00Z  x'); MATCH (n) DETACH DELETE n //",
    ]);
  });
});
