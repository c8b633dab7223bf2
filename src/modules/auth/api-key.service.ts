import { AppError, ErrorCode } from '../../common/errors';
import type { Database } from '../../db/database';
import type { Role } from './principal';
import { insertApiKey, markRevoked, type ApiKeyRecord } from './api-key.repository';
import { hashApiKey, newApiKeySecret, newKeyId } from './api-key.secret';

/** The longest key name, in characters. */
export const MAX_KEY_NAME_LENGTH = 200;

/**
 * A key's name says whose it is ("Dashboard Bochum", "Anna Schmidt"). It is stored exactly as
 * given, whatever characters it holds, except control characters (line breaks, tabs), which
 * would break the command line's table and the logs.
 */
export function checkKeyName(name: string): void {
  if (name.trim() === '') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'A key needs a name that says whose it is.');
  }
  if ([...name].length > MAX_KEY_NAME_LENGTH) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `A key name has at most ${MAX_KEY_NAME_LENGTH} characters (got ${[...name].length}).`,
    );
  }
  if (/\p{Cc}/u.test(name)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'A key name may not contain control characters (line breaks, tabs).',
    );
  }
}

/**
 * Creates a key and returns it with its secret, the one time the secret exists outside the
 * client: only its hash is stored.
 */
export async function createApiKey(
  db: Database,
  input: { name: string; role: Role; createdBy: string },
): Promise<{ key: ApiKeyRecord; secret: string }> {
  checkKeyName(input.name);
  const id = newKeyId();
  const secret = newApiKeySecret(id);
  const key = await insertApiKey(db, { ...input, id, hash: await hashApiKey(secret) });
  return { key, secret };
}

/** Revokes a key; NOT_FOUND when no key has the id. Revoking twice changes nothing. */
export async function revokeApiKey(
  db: Database,
  id: string,
  by: string,
): Promise<{ key: ApiKeyRecord; wasRevoked: boolean }> {
  const result = await markRevoked(db, id, by);
  if (!result) throw new AppError(ErrorCode.NOT_FOUND, `no API key with the id "${id}"`);
  return result;
}
