import type { Context } from '../../server/context';
import type { EntityRecord } from '../entity/entity.record';
import type { Event } from '../event/event.type';
import type { Organisation } from '../organisation/organisation.type';
import type { Person } from '../person/person.type';
import type { Programme } from '../programme/programme.type';
import { idNotFound, keysOfIds, keysOfLookup, parseId } from '../node/node.lookup';
import { toObject } from '../node/node.registry';
import type { City } from '../territory/territory.types';
import type { Theme } from '../theme/theme.type';
import type { OrgUnit } from '../org-unit/org-unit.type';
import { viewOf } from '../time/as-of';
import type { FactViewArgs } from '../time/as-of.args';
import { compareEntries } from '../timeline/timeline.entries';
import { toEntries } from '../timeline/timeline.resolver';
import { cityProfile } from './city-profile.repository';
import { CityProfile, ProfileThemeCount } from './city-profile.type';

const byKey = (a: EntityRecord, b: EntityRecord) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const objects = <T>(records: EntityRecord[]) =>
  [...records].sort(byKey).map((r) => toObject(r) as unknown as T);

/** The profile of one city, as `stats.cityProfile` answers it. */
export async function cityProfileOf(
  ctx: Context,
  id: string,
  time: FactViewArgs,
  rollUp = true,
): Promise<CityProfile> {
  const options = { argument: 'id', label: 'City' } as const;
  const parsed = parseId(id, options.argument);
  if (parsed.kind === 'global' && parsed.type !== options.label) throw idNotFound(id, options);
  const view = viewOf(time);
  // The lookup of the id is part of the profile's statement.
  const raw = await cityProfile(ctx.db, parsed.key, view, rollUp);
  if (!raw) {
    // No city: a second query only to say why (another entity's key, an ambiguous AGS).
    await keysOfIds(ctx, [id], options);
    throw idNotFound(id, options);
  }
  keysOfLookup([parsed], raw.lookup, options.argument, options.label);

  const unitsByKey = new Map(raw.units.map((u) => [u.key, u]));
  const perTheme = raw.perTheme
    .filter((t): t is { theme: EntityRecord; units: string[] } => t.theme !== null)
    .map((t) =>
      Object.assign(new ProfileThemeCount(), {
        theme: toObject(t.theme) as unknown as Theme,
        count: t.units.length,
        units: t.units.map((k) => toObject(unitsByKey.get(k)!) as unknown as OrgUnit),
      }),
    )
    .sort((a, b) => b.count - a.count || (a.theme.key < b.theme.key ? -1 : 1));

  const facts = [
    ...[...raw.units, ...raw.programmes, ...raw.events].map((node) => ({ node, rel: null })),
    ...raw.dated.map((rel) => ({ node: null, rel })),
  ];
  const perFact = facts.map((f) => toEntries({ ...f, cities: [raw.city.key], themes: [] }));
  const entries = perFact.flat().sort((a, b) => compareEntries(a.date, a.text, b.date, b.text));

  return Object.assign(new CityProfile(), {
    city: toObject(raw.city) as unknown as City,
    unitCount: raw.units.length,
    unitsPerTheme: perTheme,
    unitsWithoutTheme: raw.perTheme.find((t) => t.theme === null)?.units.length ?? 0,
    postCount: raw.posts,
    peopleInPosts: objects<Person>(raw.people),
    programmes: objects<Programme>(raw.programmes),
    funders: objects<Organisation>(raw.funders),
    events: objects<Event>(raw.events),
    datedFactCount: perFact.filter((e) => e.length > 0).length,
    firstDatedFact: entries[0] ?? null,
    lastDatedFact: entries[entries.length - 1] ?? null,
  });
}
