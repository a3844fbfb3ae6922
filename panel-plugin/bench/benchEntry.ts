// Runs inside headless Chromium: our layered layout vs @dagrejs/dagre on the same random graphs, and blast radius.
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import { blastRadius } from '../src/graph/blastRadius';
import { computeGraphLayout } from '../src/graph/layout/layoutEngine';
import { randomConnectedDag } from '../src/graph/layout/randomGraph';
import { buildServiceGraph } from '../src/graph/serviceGraph';
import type { ServiceNode } from '../src/graph/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../src/constants/testIds';

const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

function ours(nodes: number, edges: number, runs: number): number[] {
  const graph = randomConnectedDag(nodes, edges);
  const ids = Array.from({ length: nodes }, (_, v) => `n${v}`);
  return Array.from({ length: runs }, () =>
    time(() =>
      computeGraphLayout({
        ids,
        edgeSource: graph.edgeSource,
        edgeTarget: graph.edgeTarget,
        direction: 'LR',
        nodeWidth: NODE_WIDTH,
        nodeHeight: NODE_HEIGHT,
        nodeSpacing: 24,
        layerSpacing: 90,
      })
    )
  );
}

function dagre(nodes: number, edges: number, runs: number, ranker = 'network-simplex'): number[] {
  const graph = randomConnectedDag(nodes, edges);
  return Array.from({ length: runs }, () =>
    time(() => {
      const g = new graphlib.Graph();
      g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, ranker });
      g.setDefaultEdgeLabel(() => ({}));
      for (let v = 0; v < nodes; v++) {
        g.setNode(`n${v}`, { width: NODE_WIDTH, height: NODE_HEIGHT });
      }
      for (let e = 0; e < graph.edgeSource.length; e++) {
        g.setEdge(`n${graph.edgeSource[e]}`, `n${graph.edgeTarget[e]}`);
      }
      dagreLayout(g);
    })
  );
}

function blast(nodes: number, edges: number, starts: number) {
  const random = randomConnectedDag(nodes, edges);
  const serviceNodes: ServiceNode[] = Array.from({ length: nodes }, (_, v) => ({
    id: `n${v}`,
    title: `n${v}`,
    health: 'healthy',
    isExternal: false,
    details: [],
  }));
  const dependencyEdges = Array.from(random.edgeSource, (s, e) => ({
    id: `e${e}`,
    source: `n${s}`,
    target: `n${random.edgeTarget[e]}`,
    details: [],
  }));
  const { graph } = buildServiceGraph(serviceNodes, dependencyEdges);
  // Warm up the JIT as a panel would after its first click.
  for (let i = 0; i < 20; i++) {
    blastRadius(graph, nodes - 1 - i);
  }
  const times: number[] = [];
  const bestOfThree: number[] = [];
  let largest = 0;
  for (let i = 0; i < starts; i++) {
    // Late nodes are deep dependencies with the biggest blast radius: the worst case.
    const start = nodes - 1 - Math.floor((i * nodes) / starts / 4);
    let size = 0;
    const repeats = [0, 1, 2].map(() => time(() => (size = blastRadius(graph, start).affected.length)));
    times.push(...repeats);
    bestOfThree.push(Math.min(...repeats));
    largest = Math.max(largest, size);
  }
  return { times, bestOfThree, largest };
}

(window as unknown as { bench: unknown }).bench = { ours, dagre, blast };
