import { dependentsOf, type ServiceGraph } from './serviceGraph';

export interface BlastRadius {
  /** Node indices of every transitive dependent (the selected node excluded), nearest first. */
  affected: number[];
  /** Dependents per hop distance: countsByDepth[0] = direct dependents. */
  countsByDepth: number[];
  /** Affected nodes per health state, so the panel can say "4 affected, 1 already down". */
  countsByHealth: Record<string, number>;
}

/** Everything that transitively depends on `start`: what goes down if it goes down. Breadth-first, cycle-safe. */
export function blastRadius(graph: ServiceGraph, start: number): BlastRadius {
  const depthOf = new Int32Array(graph.nodes.length).fill(-1);
  const queue = new Int32Array(graph.nodes.length);
  let head = 0;
  let tail = 0;
  depthOf[start] = 0;
  queue[tail++] = start;
  while (head < tail) {
    const node = queue[head++];
    const dependents = dependentsOf(graph, node);
    for (let i = 0; i < dependents.length; i++) {
      const next = dependents[i];
      if (depthOf[next] === -1) {
        depthOf[next] = depthOf[node] + 1;
        queue[tail++] = next;
      }
    }
  }
  const affected: number[] = [];
  const countsByDepth: number[] = [];
  const countsByHealth: Record<string, number> = {};
  for (let q = 1; q < tail; q++) {
    const node = queue[q];
    affected.push(node);
    const depthIndex = depthOf[node] - 1;
    countsByDepth[depthIndex] = (countsByDepth[depthIndex] ?? 0) + 1;
    const health = graph.nodes[node].health;
    countsByHealth[health] = (countsByHealth[health] ?? 0) + 1;
  }
  return { affected, countsByDepth, countsByHealth };
}
