import { fitWithGaps, layeredLayout, type LayoutInput } from './layeredLayout';
import { randomConnectedDag } from './randomGraph';

const base = { direction: 'LR' as const, nodeBreadth: 40, nodeDepth: 120, nodeSpacing: 20, layerSpacing: 80 };

function layout(nodeCount: number, edges: Array<[number, number]>, extra: Partial<LayoutInput> = {}) {
  return layeredLayout({
    ...base,
    nodeCount,
    edgeSource: edges.map(([s]) => s),
    edgeTarget: edges.map(([, t]) => t),
    ...extra,
  });
}

function expectNoOverlap(result: ReturnType<typeof layout>) {
  const seen = new Map<number, number[]>();
  for (let v = 0; v < result.x.length; v++) {
    const column = seen.get(result.x[v]) ?? [];
    for (const other of column) {
      expect(Math.abs(other - result.y[v])).toBeGreaterThanOrEqual(base.nodeBreadth + base.nodeSpacing - 1e-6);
    }
    column.push(result.y[v]);
    seen.set(result.x[v], column);
  }
}

describe('layeredLayout', () => {
  it('puts every dependency in a later layer than its dependent', () => {
    const edges: Array<[number, number]> = [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 2],
    ];
    const result = layout(4, edges);
    for (const [s, t] of edges) {
      expect(result.layer[t]).toBeGreaterThan(result.layer[s]);
      expect(result.x[t]).toBeGreaterThan(result.x[s]);
    }
    expect(result.reversed.every((flag) => flag === 0)).toBe(true);
    // The long edge 0→2 gets one bend in the middle layer.
    expect(result.bends[2]).toHaveLength(2);
    expectNoOverlap(result);
  });

  it('breaks cycles by reversing back edges and still lays out every node', () => {
    const result = layout(3, [
      [0, 1],
      [1, 2],
      [2, 0],
      [1, 1],
    ]);
    expect([...result.reversed].filter(Boolean).length).toBe(1);
    expect(new Set(result.layer).size).toBe(3);
    expect([...result.x, ...result.y].every(Number.isFinite)).toBe(true);
  });

  it('lays out disconnected parts and isolated nodes without overlap', () => {
    const result = layout(7, [
      [0, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(result.x).toHaveLength(7);
    expectNoOverlap(result);
  });

  it('removes all crossings of a graph that has a planar drawing', () => {
    // Two crossing pairs in the input order: 0→3, 1→2 style ladder.
    const result = layout(6, [
      [0, 3],
      [1, 2],
      [0, 4],
      [1, 5],
      [2, 5],
      [3, 4],
    ]);
    expect(result.crossings).toBe(0);
  });

  it('swaps axes for top-to-bottom', () => {
    const result = layout(2, [[0, 1]], { direction: 'TB' });
    expect(result.y[1]).toBeGreaterThan(result.y[0]);
    expect(result.x[1]).toBeCloseTo(result.x[0]);
  });

  it('keeps each group contiguous within a layer', () => {
    const groupOf = Int32Array.from([0, 1, 0, 1, 0, 1]);
    const result = layout(6, [], { groupOf });
    const order = [0, 1, 2, 3, 4, 5].sort((a, b) => result.y[a] - result.y[b]).map((v) => groupOf[v]);
    expect(order.join('')).toMatch(/^(000111|111000)$/);
  });

  it('handles empty input', () => {
    const result = layout(0, []);
    expect(result.width).toBe(0);
  });

  it('lays out 1,000 nodes / 3,000 edges quickly', () => {
    const graph = randomConnectedDag(1000, 3000);
    const started = performance.now();
    const result = layeredLayout({
      ...base,
      nodeCount: 1000,
      edgeSource: graph.edgeSource,
      edgeTarget: graph.edgeTarget,
    });
    // Generous bound for jsdom on a shared machine; `npm run bench` measures in Chromium.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.x.every(Number.isFinite)).toBe(true);
  });
});

describe('fitWithGaps', () => {
  it('places ordered nodes as close as possible to their wishes while keeping gaps', () => {
    const nodes = Int32Array.from([0, 1, 2]);
    const desired = Float64Array.from([0, 0, 100]);
    const out = new Float64Array(3);
    fitWithGaps(nodes, desired, out, () => 10);
    expect([...out]).toEqual([-5, 5, 100]);
  });
});
