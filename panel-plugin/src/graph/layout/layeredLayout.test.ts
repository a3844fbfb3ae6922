import fc from 'fast-check';
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

  it('lays out 1,000 nodes / 3,000 edges with finite positions and far fewer crossings than its start', () => {
    // Speed is measured by `npm run bench` in Chromium, not here.
    const graph = randomConnectedDag(1000, 3000);
    const input = { ...base, nodeCount: 1000, edgeSource: graph.edgeSource, edgeTarget: graph.edgeTarget };
    const result = layeredLayout(input);
    const unswept = layeredLayout({ ...input, sweeps: 0 });
    expect(result.x.every(Number.isFinite) && result.y.every(Number.isFinite)).toBe(true);
    expect(result.crossings).toBeLessThan(unswept.crossings * 0.8);
  });

  it('shortens edges: a node with more dependencies than dependents moves next to them', () => {
    // a → b → c → d → e and a → x, x → e, x → d: longest path puts x in layer 1, next to a; it belongs before d.
    const ids = ['a', 'b', 'c', 'd', 'e', 'x'];
    const edges: Array<[string, string]> = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['a', 'x'],
      ['x', 'e'],
      ['x', 'd'],
    ];
    const at = (id: string) => ids.indexOf(id);
    const result = layeredLayout({
      ...base,
      nodeCount: ids.length,
      edgeSource: edges.map(([s]) => at(s)),
      edgeTarget: edges.map(([, t]) => at(t)),
    });
    expect(result.layer[at('x')]).toBe(2);
    for (const [s, t] of edges) {
      expect(result.layer[at(t)]).toBeGreaterThan(result.layer[at(s)]);
    }
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

describe('layeredLayout (properties over random graphs)', () => {
  const graphs = fc.record({
    nodes: fc.integer({ min: 1, max: 60 }),
    extra: fc.integer({ min: 0, max: 120 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    span: fc.integer({ min: 1, max: 20 }),
  });

  it('keeps every edge pointing to a later layer and never ends with more crossings than its start', () => {
    fc.assert(
      fc.property(graphs, ({ nodes, extra, seed, span }) => {
        const graph = randomConnectedDag(nodes, nodes - 1 + extra, seed, span);
        const input = { ...base, nodeCount: nodes, edgeSource: graph.edgeSource, edgeTarget: graph.edgeTarget };
        const result = layeredLayout(input);
        graph.edgeSource.forEach((s, e) => expect(result.layer[graph.edgeTarget[e]]).toBeGreaterThan(result.layer[s]));
        expect(result.crossings).toBeLessThanOrEqual(layeredLayout({ ...input, sweeps: 0 }).crossings);
      }),
      { numRuns: 200 }
    );
  });
});
