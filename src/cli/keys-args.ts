import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../modules/auth/principal';
import { parseRole } from '../modules/auth/roles';
import { UsageError } from './export-args';

export const KEYS_USAGE = `usage: npm run keys -- <command>
  create --name "<whose key>" --role contributor|editor|admin
                 creates an API key and prints it once (only its hash is stored)
  list           lists every key (id, role, state, created, by, last used, name), no secrets
  revoke <id>    revokes a key: servers refuse it within KG_API_KEY_CACHE_SECONDS
Reads and writes the database NEO4J_URI names. Keys created here are recorded as by "cli".`;

/** What `npm run keys` was asked to do. */
export type Command =
  | { kind: 'help' }
  | { kind: 'create'; name: string; role: Role }
  | { kind: 'list' }
  | { kind: 'revoke'; id: string };

/** The command the arguments name; throws UsageError with a message for the user. */
export function parseKeysArgs(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  const noOptions = () => {
    if (values.name !== undefined || values.role !== undefined) {
      throw new UsageError(`--name and --role belong to create, not ${command}`);
    }
  };
  switch (command) {
    case 'create': {
      if (rest.length > 0) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`);
      if (values.name === undefined) throw new UsageError('create needs --name "<whose key>"');
      if (values.role === undefined) throw new UsageError('create needs --role');
      const role = parseRole(values.role);
      if (!role) {
        throw new UsageError(
          `--role: one of ${ROLES.map((r) => r.toLowerCase()).join(', ')} (got "${values.role}")`,
        );
      }
      return { kind: 'create', name: values.name, role };
    }
    case 'list':
      noOptions();
      if (rest.length > 0) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`);
      return { kind: 'list' };
    case 'revoke':
      noOptions();
      if (rest.length !== 1) throw new UsageError('revoke takes one key id');
      return { kind: 'revoke', id: rest[0]! };
    case undefined:
      throw new UsageError('name a command: create, list or revoke');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
