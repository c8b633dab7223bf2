/**
 * The ranking of compared cities by how many themes they cover. Ties are broken by the number of
 * distinct pieces of evidence, then by name; every place says which of these decided it.
 */

export const TIE_BREAKERS = [
  'themesCovered (more first)',
  'evidenceCount (more first)',
  'name (alphabetical, German collation)',
] as const;

export interface Rankable {
  key: string;
  name: string;
  themesCovered: number;
  evidenceCount: number;
}

export type DecidedBy = 'THEMES' | 'EVIDENCE' | 'NAME';

export interface Ranked<T extends Rankable> {
  item: T;
  /** 1-based place after every tie-break. */
  position: number;
  /** Competition rank on themes alone (1, 1, 3, …). */
  sharedRank: number;
  /** The others covering as many themes, in ranking order. */
  tiedWith: T[];
  decidedBy: DecidedBy;
  explanation: string;
}

const collator = new Intl.Collator('de');

export function compareRankables(a: Rankable, b: Rankable): number {
  return (
    b.themesCovered - a.themesCovered ||
    b.evidenceCount - a.evidenceCount ||
    collator.compare(a.name, b.name) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

const names = (items: Rankable[]) =>
  items.length <= 1
    ? (items[0]?.name ?? '')
    : `${items
        .slice(0, -1)
        .map((i) => i.name)
        .join(', ')} and ${items[items.length - 1]!.name}`;

/** `group`: the item and those tied with it, in ranking order. */
function explain<T extends Rankable>(item: T, group: T[], themeCount: number): string {
  const covers = `Covers ${item.themesCovered} of ${themeCount} theme${themeCount === 1 ? '' : 's'}`;
  const tied = group.filter((other) => other !== item);
  if (tied.length === 0) return `${covers}; no other city covers exactly as many.`;
  const evidence = group.map((c) => `${c.name} ${c.evidenceCount}`).join(', ');
  const sameEvidence = tied.filter((c) => c.evidenceCount === item.evidenceCount);
  const byName = sameEvidence.length
    ? ` Equal evidence with ${names(sameEvidence)}: ordered by name.`
    : '';
  return `${covers}, as ${tied.length === 1 ? 'does' : 'do'} ${names(tied)}. Pieces of evidence: ${evidence}.${byName}`;
}

/** The cities in ranking order, each with its places, its ties and why. */
export function rankCities<T extends Rankable>(
  items: readonly T[],
  themeCount: number,
): Ranked<T>[] {
  const ordered = [...items].sort(compareRankables);
  // Those covering as many themes, in ranking order (the order above sorts by themes first).
  const groups = new Map<number, T[]>();
  for (const item of ordered) {
    const group = groups.get(item.themesCovered);
    if (group) group.push(item);
    else groups.set(item.themesCovered, [item]);
  }
  let above = 0;
  let lastCovered = Number.NaN;
  return ordered.map((item, i) => {
    const group = groups.get(item.themesCovered)!;
    const tiedWith = group.filter((other) => other !== item);
    if (item.themesCovered !== lastCovered) {
      above = i;
      lastCovered = item.themesCovered;
    }
    const decidedBy: DecidedBy =
      tiedWith.length === 0
        ? 'THEMES'
        : tiedWith.some((other) => other.evidenceCount === item.evidenceCount)
          ? 'NAME'
          : 'EVIDENCE';
    return {
      item,
      position: i + 1,
      sharedRank: 1 + above,
      tiedWith,
      decidedBy,
      explanation: explain(item, group, themeCount),
    };
  });
}
