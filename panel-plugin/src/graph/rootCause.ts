import { dependenciesOf, type ServiceGraph } from './serviceGraph';

export interface RootCause {
  /** Unhealthy upstream nodes at the end of an unhealthy chain: the likely origin of the problem. */
  causes: number[];
  /** Every unhealthy upstream node on a chain from the selected node to a cause (causes included). */
  chain: number[];
}

const isUnhealthy = (graph: ServiceGraph, node: number) => {
  const health = graph.nodes[node].health;
  return health === 'down' || health === 'degraded';
};

/**
 * The unhealthy dependencies that explain `start`'s state. Only unhealthy nodes are followed: a healthy
 * dependency shows the failure behind it did not propagate through it.
 */
export function rootCause(graph: ServiceGraph, start: number): RootCause {
  const visited = new Uint8Array(graph.nodes.length);
  visited[start] = 1;
  const stack: number[] = [start];
  const chain: number[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const dependencies = dependenciesOf(graph, node);
    for (let i = 0; i < dependencies.length; i++) {
      const next = dependencies[i];
      if (!visited[next] && isUnhealthy(graph, next)) {
        visited[next] = 1;
        chain.push(next);
        stack.push(next);
      }
    }
  }
  const causes = chain.filter((node) => {
    const dependencies = dependenciesOf(graph, node);
    for (let i = 0; i < dependencies.length; i++) {
      if (dependencies[i] !== start && isUnhealthy(graph, dependencies[i])) {
        return false;
      }
    }
    return true;
  });
  // A chain that ends in a cycle of unhealthy nodes has no single end: report the whole chain then.
  return { causes: causes.length > 0 || chain.length === 0 ? causes : chain, chain };
}
