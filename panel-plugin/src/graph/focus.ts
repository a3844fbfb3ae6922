import { dependenciesOf, dependentsOf, type ServiceGraph } from './serviceGraph';

export interface FocusLimits {
  /** How many hops to follow towards dependencies (what the focused node needs). */
  dependencyHops: number;
  /** How many hops to follow towards dependents (what needs the focused node). */
  dependentHops: number;
}

/** Node indices within the hop limits of `start` in each direction, `start` included (Jaeger-style focus). */
export function focusNeighbourhood(graph: ServiceGraph, start: number, limits: FocusLimits): Set<number> {
  const kept = new Set<number>([start]);
  walk(graph, start, limits.dependencyHops, dependenciesOf, kept);
  walk(graph, start, limits.dependentHops, dependentsOf, kept);
  return kept;
}

function walk(
  graph: ServiceGraph,
  start: number,
  maxHops: number,
  neighboursOf: (graph: ServiceGraph, node: number) => Int32Array,
  kept: Set<number>
) {
  let frontier = [start];
  const seen = new Set<number>([start]);
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const neighbour of neighboursOf(graph, node)) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          kept.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
}
