import type { ApiKeyRecord } from '../modules/auth/api-key.repository';

/** A time to the second, UTC; "-" for none. */
export const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 19) + 'Z' : '-');

/** The keys as a table, one line each; the name last, as it may hold spaces. */
export function formatKeyTable(keys: ApiKeyRecord[]): string {
  const rows = [
    ['ID', 'ROLE', 'STATE', 'CREATED', 'BY', 'LAST USED', 'NAME'],
    ...keys.map((k) => [
      k.id,
      k.role,
      k.revokedAt ? `revoked ${iso(k.revokedAt)}` : 'active',
      iso(k.createdAt),
      k.createdBy,
      iso(k.lastUsedAt),
      k.name,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length),
        )
        .join('  '),
    )
    .join('\n');
}
