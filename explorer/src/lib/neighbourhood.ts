import type { AsOfMode } from './route';
import { validOn, type Validity } from './validity';

export interface GraphNodeIn {
  id: string;
  validity: Validity;
}

export interface GraphEdgeIn {
  from: string;
  to: string;
  details: { validity: Validity };
}

/**
 * The neighbourhood as it stands on a day: the API's `neighbourhood` takes no `asOf`, so the page
 * keeps the relationships valid on the day whose both ends are valid too (the rule relation
 * fields apply), and the nodes still reached from the centre through them. Without a day,
 * everything.
 */
export function neighbourhoodOn<N extends GraphNodeIn, E extends GraphEdgeIn>(
  centre: string,
  nodes: N[],
  edges: E[],
  day: string | null,
  mode: AsOfMode,
): { nodes: N[]; edges: E[]; hiddenEdges: number } {
  if (day === null) return { nodes, edges, hiddenEdges: 0 };
  const valid = new Set(nodes.filter((n) => validOn(n.validity, day, mode)).map((n) => n.id));
  const kept = edges.filter(
    (e) => validOn(e.details.validity, day, mode) && valid.has(e.from) && valid.has(e.to),
  );
  const reached = new Set([centre]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of kept) {
      const [a, b] = [reached.has(e.from), reached.has(e.to)];
      if (a !== b) {
        reached.add(a ? e.to : e.from);
        grew = true;
      }
    }
  }
  const shownEdges = kept.filter((e) => reached.has(e.from) && reached.has(e.to));
  return {
    nodes: nodes.filter((n) => reached.has(n.id)),
    edges: shownEdges,
    hiddenEdges: edges.length - shownEdges.length,
  };
}

/** Steps from the centre along the edges (either direction), for the concentric layout. */
export function stepsFrom(centre: string, edges: GraphEdgeIn[]): Map<string, number> {
  const steps = new Map([[centre, 0]]);
  let frontier = [centre];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const e of edges) {
      for (const [a, b] of [
        [e.from, e.to],
        [e.to, e.from],
      ] as const) {
        if (frontier.includes(a) && !steps.has(b)) {
          steps.set(b, steps.get(a)! + 1);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return steps;
}
