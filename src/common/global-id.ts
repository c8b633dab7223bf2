import { BadUserInputError } from './graphql-errors';

/**
 * Opaque global ids: base64url of "<Type>:<key>". Clients must not parse them; the readable key
 * is exposed separately as `key`.
 */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string, argument = 'id'): { type: string; key: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):(.+)$/.exec(decoded);
  if (!match) throw new BadUserInputError(`"${id}" is not a valid id`, argument);
  return { type: match[1]!, key: match[2]! };
}
