// Deterministic random graphs for tests and benchmarks (a seeded generator keeps runs comparable).

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export interface RandomGraph {
  nodeCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

/**
 * Connected DAG: node i > 0 gets one edge from an earlier node (a spanning tree), the rest are random
 * forward edges between nodes at most `span` apart, like services calling their neighbours in a tier.
 */
export function randomConnectedDag(nodeCount: number, edgeCount: number, seed = 42, span = 50): RandomGraph {
  const random = seededRandom(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const seen = new Set<number>();
  const add = (s: number, t: number) => {
    const key = s * nodeCount + t;
    if (s === t || seen.has(key)) {
      return false;
    }
    seen.add(key);
    sources.push(s);
    targets.push(t);
    return true;
  };
  for (let v = 1; v < nodeCount; v++) {
    add(Math.max(0, v - 1 - Math.floor(random() * Math.min(v, span))), v);
  }
  let guard = 0;
  while (sources.length < edgeCount && guard++ < edgeCount * 20) {
    const s = Math.floor(random() * (nodeCount - 1));
    const t = Math.min(nodeCount - 1, s + 1 + Math.floor(random() * span));
    add(s, t);
  }
  return { nodeCount, edgeSource: Int32Array.from(sources), edgeTarget: Int32Array.from(targets) };
}
