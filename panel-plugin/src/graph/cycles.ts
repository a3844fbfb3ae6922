import type { ServiceGraph } from './serviceGraph';

export interface CycleReport {
  /** Strongly connected components with more than one node (or a self-loop): each is at least one cycle. */
  components: number[][];
  /** inCycle[n] = 1 when node n lies on a cycle. */
  inCycle: Uint8Array;
  /** Edge indices whose both ends lie in the same cyclic component. */
  cyclicEdges: Set<number>;
}

/** Tarjan's strongly connected components, iterative so that long chains cannot overflow the stack. */
export function findCycles(graph: ServiceGraph): CycleReport {
  const n = graph.nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const { dependencyOffsets: offsets, dependencyTargets: targets } = graph;
  let counter = 0;
  let componentCount = 0;
  const components: number[][] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) {
      continue;
    }
    callNode.push(root);
    callEdge.push(offsets[root]);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const node = callNode[top];
      const edge = callEdge[top];
      if (edge < offsets[node + 1]) {
        callEdge[top] = edge + 1;
        const next = targets[edge];
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          callNode.push(next);
          callEdge.push(offsets[next]);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node], index[next]);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === index[node]) {
        const members: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          componentOf[member] = componentCount;
          members.push(member);
        } while (member !== node);
        componentCount++;
        components.push(members);
      }
    }
  }

  const inCycle = new Uint8Array(n);
  const cyclicEdges = new Set<number>();
  const cyclicComponent = new Uint8Array(componentCount);
  components.forEach((members, c) => {
    if (members.length > 1) {
      cyclicComponent[c] = 1;
    }
  });
  for (let e = 0; e < graph.edgeSource.length; e++) {
    const s = graph.edgeSource[e];
    const t = graph.edgeTarget[e];
    if (s === t) {
      cyclicComponent[componentOf[s]] = 1;
    }
  }
  for (let e = 0; e < graph.edgeSource.length; e++) {
    const s = graph.edgeSource[e];
    if (componentOf[s] === componentOf[graph.edgeTarget[e]] && cyclicComponent[componentOf[s]]) {
      cyclicEdges.add(e);
    }
  }
  for (let node = 0; node < n; node++) {
    inCycle[node] = cyclicComponent[componentOf[node]];
  }
  return { components: components.filter((_, c) => cyclicComponent[c] === 1), inCycle, cyclicEdges };
}
