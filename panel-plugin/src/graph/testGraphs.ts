// Small graph builders shared by the unit tests.
import { buildServiceGraph, type ServiceGraph } from './serviceGraph';
import type { Health, ServiceNode } from './types';

export function graphOf(
  edges: Array<[string, string]>,
  health: Record<string, Health> = {},
  extraNodes: string[] = []
): ServiceGraph {
  const ids = [...new Set([...edges.flat(), ...extraNodes])];
  const nodes: ServiceNode[] = ids.map((id) => ({
    id,
    title: id,
    health: health[id] ?? 'healthy',
    isExternal: false,
    details: [],
  }));
  return buildServiceGraph(
    nodes,
    edges.map(([source, target]) => ({ id: `${source}-${target}`, source, target, details: [] }))
  ).graph;
}

export const idsOf = (graph: ServiceGraph, indices: Iterable<number>) =>
  [...indices].map((i) => graph.nodes[i].id).sort();
