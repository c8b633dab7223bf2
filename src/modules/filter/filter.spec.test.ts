import { NODE_LABELS, RELATION_TYPES, type NodeLabel } from '../../model/model';
import { RELATION_FILTERS } from './filter.spec';

describe('filter spec', () => {
  it('lets a filter follow every relationship type of the model, from at least one side', () => {
    const covered = new Set(
      Object.values(RELATION_FILTERS).flatMap((specs) => specs.flatMap((s) => s.path.types)),
    );
    expect(Object.keys(RELATION_TYPES).filter((t) => !covered.has(t as never))).toEqual([]);
  });

  it('only follows relationships the model allows between those labels', () => {
    const wrong: string[] = [];
    for (const label of NODE_LABELS) {
      for (const spec of RELATION_FILTERS[label]) {
        // A hop over several steps (a city's Land through its Kreis) passes other labels on its way.
        if (spec.path.repeat) continue;
        const rel = RELATION_TYPES[spec.path.types[0]!] as {
          from: readonly NodeLabel[];
          to: readonly NodeLabel[];
        };
        const [from, to] =
          spec.path.direction === 'OUT' ? [label, spec.path.label] : [spec.path.label, label];
        if (!rel.from.includes(from) || !rel.to.includes(to)) wrong.push(`${label}.${spec.name}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
