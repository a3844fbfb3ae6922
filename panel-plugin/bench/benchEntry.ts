// Runs inside headless Chromium: our layered layout vs @dagrejs/dagre and elkjs on the same graphs (time, crossings,
// edge length), and blast radius.
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import ELK from 'elkjs/lib/elk.bundled.js';
import { ALPHAPULSE_DEPENDENCIES } from '../src/fixtures/alphapulseTopology';
import { countCrossings, totalEdgeLength, type Drawing } from '../src/graph/layout/layoutQuality';
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

interface QualityGraph {
  ids: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

/** The graphs of the quality table: random connected DAGs as the panel's large test draws them, or AlphaPulse's. */
function qualityGraph(name: string): QualityGraph {
  if (name === 'alphapulse') {
    const ids: string[] = [];
    const index = (id: string) => (ids.includes(id) ? ids.indexOf(id) : ids.push(id) - 1);
    const source: number[] = [];
    const target: number[] = [];
    for (const [service, dependencies] of Object.entries(ALPHAPULSE_DEPENDENCIES)) {
      for (const dependency of dependencies) {
        source.push(index(service));
        target.push(index(dependency));
      }
    }
    return { ids, edgeSource: Int32Array.from(source), edgeTarget: Int32Array.from(target) };
  }
  const [nodes, edges] = name.split('/').map(Number);
  // Seed 7: the same graph the harness' `large` scenario renders through the worker.
  const graph = randomConnectedDag(nodes, edges, 7);
  return { ids: Array.from({ length: nodes }, (_, v) => `svc_${v}`), ...graph };
}

interface Measured {
  ms: number[];
  crossings: number;
  length: number;
}

function measureOurs(name: string, runs: number): Measured {
  const graph = qualityGraph(name);
  let drawing: Drawing | undefined;
  const ms = Array.from({ length: runs }, () =>
    time(() => {
      const layout = computeGraphLayout({
        ...graph,
        direction: 'LR',
        nodeWidth: NODE_WIDTH,
        nodeHeight: NODE_HEIGHT,
        nodeSpacing: 24,
        layerSpacing: 90,
      });
      drawing = {
        x: layout.x,
        y: layout.y,
        edgeSource: graph.edgeSource,
        edgeTarget: graph.edgeTarget,
        bends: layout.bends,
      };
    })
  );
  return { ms, crossings: countCrossings(drawing!), length: totalEdgeLength(drawing!) };
}

function measureDagre(name: string, runs: number): Measured {
  const graph = qualityGraph(name);
  let drawing: Drawing | undefined;
  const ms = Array.from({ length: runs }, () =>
    time(() => {
      const g = new graphlib.Graph({ multigraph: true });
      g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90 });
      g.setDefaultEdgeLabel(() => ({}));
      graph.ids.forEach((id) => g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT }));
      graph.edgeSource.forEach((s, e) => g.setEdge(graph.ids[s], graph.ids[graph.edgeTarget[e]], {}, `e${e}`));
      dagreLayout(g);
      drawing = {
        x: graph.ids.map((id) => g.node(id).x),
        y: graph.ids.map((id) => g.node(id).y),
        edgeSource: graph.edgeSource,
        edgeTarget: graph.edgeTarget,
        // dagre's first and last points lie on the node borders; the drawing runs centre to centre.
        bends: Array.from(graph.edgeSource, (s, e) =>
          (g.edge(graph.ids[s], graph.ids[graph.edgeTarget[e]], `e${e}`).points ?? [])
            .slice(1, -1)
            .flatMap((p: { x: number; y: number }) => [p.x, p.y])
        ),
      };
    })
  );
  return { ms, crossings: countCrossings(drawing!), length: totalEdgeLength(drawing!) };
}

async function measureElk(name: string, runs: number): Promise<Measured> {
  const graph = qualityGraph(name);
  const elk = new ELK();
  let drawing: Drawing | undefined;
  const ms: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = await elk.layout({
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.spacing.nodeNode': '24',
        'elk.layered.spacing.nodeNodeBetweenLayers': '90',
        // Straight segments between layers, like ours and dagre's, so crossings are counted alike.
        'elk.edgeRouting': 'POLYLINE',
      },
      children: graph.ids.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      edges: Array.from(graph.edgeSource, (s, e) => ({
        id: `e${e}`,
        sources: [graph.ids[s]],
        targets: [graph.ids[graph.edgeTarget[e]]],
      })),
    });
    ms.push(performance.now() - started);
    const byId = new Map((result.children ?? []).map((child) => [child.id, child]));
    const centre = (id: string, axis: 'x' | 'y') => {
      const child = byId.get(id)!;
      return axis === 'x' ? child.x! + child.width! / 2 : child.y! + child.height! / 2;
    };
    const bendsById = new Map(
      (result.edges ?? []).map((edge) => [
        edge.id,
        ((edge as { sections?: Array<{ bendPoints?: Array<{ x: number; y: number }> }> }).sections ?? []).flatMap(
          (section) => (section.bendPoints ?? []).flatMap((p) => [p.x, p.y])
        ),
      ])
    );
    drawing = {
      x: graph.ids.map((id) => centre(id, 'x')),
      y: graph.ids.map((id) => centre(id, 'y')),
      edgeSource: graph.edgeSource,
      edgeTarget: graph.edgeTarget,
      bends: Array.from(graph.edgeSource, (_, e) => bendsById.get(`e${e}`) ?? []),
    };
  }
  return { ms, crossings: countCrossings(drawing!), length: totalEdgeLength(drawing!) };
}

(window as unknown as { bench: unknown }).bench = { ours, dagre, blast, measureOurs, measureDagre, measureElk };
