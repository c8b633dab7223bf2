import { AppError, ErrorCode } from '../common/errors';
import { loadConfig } from '../config';
import { createDatabase } from '../db/database';
import { listApiKeys } from '../modules/auth/api-key.repository';
import { createApiKey, revokeApiKey } from '../modules/auth/api-key.service';
import { applySchema, readSchemaStatements } from '../seed/seed.repository';
import { UsageError } from './export-args';
import { formatKeyTable, iso } from './key-table';
import { KEYS_USAGE, parseKeysArgs, type Command } from './keys-args';
import { runCli } from './run-cli';

/** Who the command line records as the author of a key or a revocation. */
const CLI_AUTHOR = 'cli';

/** `npm run keys`: creates, lists and revokes API keys in the database NEO4J_URI names. */
async function main(argv: string[]): Promise<number> {
  let command: Command;
  try {
    command = parseKeysArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message} (npm run keys -- --help shows the usage)`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(KEYS_USAGE);
    return 0;
  }
  const config = loadConfig();
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    switch (command.kind) {
      case 'create': {
        // The key's uniqueness constraint, on a database no import has prepared yet.
        await applySchema(db, readSchemaStatements());
        let created;
        try {
          created = await createApiKey(db, {
            name: command.name,
            role: command.role,
            createdBy: CLI_AUTHOR,
          });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== ErrorCode.BAD_USER_INPUT) throw error;
          console.error(error.message);
          return 2;
        }
        const { key, secret } = created;
        console.log(`created the API key ${key.id} (${key.role}) "${key.name}"`);
        console.log(secret);
        console.log(
          'This is the only time the key is shown (only its hash is stored): keep it now. ' +
            'Send it as "Authorization: Bearer <key>".',
        );
        return 0;
      }
      case 'list':
        console.log(formatKeyTable(await listApiKeys(db, { includeRevoked: true })));
        return 0;
      case 'revoke': {
        let result;
        try {
          result = await revokeApiKey(db, command.id, CLI_AUTHOR);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== ErrorCode.NOT_FOUND) throw error;
          console.error(error.message);
          return 2;
        }
        const { key, wasRevoked } = result;
        console.log(
          wasRevoked
            ? `the API key ${key.id} "${key.name}" was already revoked at ${iso(key.revokedAt)}`
            : `revoked the API key ${key.id} (${key.role}) "${key.name}"; running servers refuse it within their KG_API_KEY_CACHE_SECONDS (30 s unless set)`,
        );
        return 0;
      }
      default:
        return command satisfies never;
    }
  } finally {
    await db.close();
  }
}

runCli(() => main(process.argv.slice(2)));
