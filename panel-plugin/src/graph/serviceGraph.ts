import type { DependencyEdge, ParseIssue, ServiceNode } from './types';

/**
 * Validated graph with integer adjacency lists, so that traversals on thousands of nodes
 * work on typed arrays instead of string maps.
 */
export interface ServiceGraph {
  nodes: ServiceNode[];
  edges: DependencyEdge[];
  indexById: Map<string, number>;
  /** edgeSource[e] / edgeTarget[e]: node indices of edge e (source depends on target). */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** CSR adjacency: dependencies of node n are dependencyTargets[dependencyOffsets[n] .. dependencyOffsets[n+1]). */
  dependencyOffsets: Int32Array;
  dependencyTargets: Int32Array;
  /** CSR adjacency of the reverse direction: the services that depend on node n. */
  dependentOffsets: Int32Array;
  dependentSources: Int32Array;
}

export interface BuildResult {
  graph: ServiceGraph;
  issues: ParseIssue[];
}

/** Drops duplicate nodes, duplicate edges and edges to unknown ids, reporting each, and builds adjacency. */
export function buildServiceGraph(inputNodes: ServiceNode[], inputEdges: DependencyEdge[]): BuildResult {
  const issues: ParseIssue[] = [];
  const nodes: ServiceNode[] = [];
  const indexById = new Map<string, number>();
  for (const node of inputNodes) {
    if (indexById.has(node.id)) {
      issues.push({ reason: 'duplicate-node', message: `Duplicate node id "${node.id}" ignored` });
      continue;
    }
    indexById.set(node.id, nodes.length);
    nodes.push(node);
  }

  const edges: DependencyEdge[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  const seenPairs = new Set<string>();
  for (const edge of inputEdges) {
    const s = indexById.get(edge.source);
    const t = indexById.get(edge.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? edge.source : edge.target;
      issues.push({ reason: 'unknown-node', message: `Edge "${edge.id}" refers to unknown node "${missing}"` });
      continue;
    }
    const pair = `${s}\u0000${t}`;
    if (seenPairs.has(pair)) {
      issues.push({ reason: 'duplicate-edge', message: `Duplicate edge ${edge.source} → ${edge.target} ignored` });
      continue;
    }
    seenPairs.add(pair);
    edges.push(edge);
    sources.push(s);
    targets.push(t);
  }

  const edgeSource = Int32Array.from(sources);
  const edgeTarget = Int32Array.from(targets);
  const [dependencyOffsets, dependencyTargets] = compressAdjacency(nodes.length, edgeSource, edgeTarget);
  const [dependentOffsets, dependentSources] = compressAdjacency(nodes.length, edgeTarget, edgeSource);
  return {
    graph: {
      nodes,
      edges,
      indexById,
      edgeSource,
      edgeTarget,
      dependencyOffsets,
      dependencyTargets,
      dependentOffsets,
      dependentSources,
    },
    issues,
  };
}

/** Counting sort of edges by their `from` end into compressed sparse rows. */
export function compressAdjacency(nodeCount: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) {
    offsets[n + 1] += offsets[n];
  }
  const cursor = offsets.slice(0, nodeCount);
  const neighbours = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    neighbours[cursor[from[e]]++] = to[e];
  }
  return [offsets, neighbours];
}

export function dependenciesOf(graph: ServiceGraph, node: number): Int32Array {
  return graph.dependencyTargets.subarray(graph.dependencyOffsets[node], graph.dependencyOffsets[node + 1]);
}

export function dependentsOf(graph: ServiceGraph, node: number): Int32Array {
  return graph.dependentSources.subarray(graph.dependentOffsets[node], graph.dependentOffsets[node + 1]);
}
