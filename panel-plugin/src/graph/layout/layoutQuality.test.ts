import fc from 'fast-check';
import { layeredLayout } from './layeredLayout';
import { countCrossings, totalEdgeLength, type Drawing } from './layoutQuality';
import { randomConnectedDag } from './randomGraph';

/** Two columns (x = 0 and x = 10): left nodes 0..m-1 at y = index, right nodes at y = index too. */
function bipartite(m: number, n: number, edges: Array<[number, number]>): Drawing {
  const x = [...Array(m).fill(0), ...Array(n).fill(10)];
  const y = [...Array.from({ length: m }, (_, i) => i), ...Array.from({ length: n }, (_, i) => i)];
  return {
    x,
    y,
    edgeSource: edges.map(([s]) => s),
    edgeTarget: edges.map(([, t]) => m + t),
    bends: edges.map(() => []),
  };
}

describe('countCrossings', () => {
  it('counts one crossing for an X and none for parallel edges or edges that share a node', () => {
    expect(
      countCrossings(
        bipartite(2, 2, [
          [0, 1],
          [1, 0],
        ])
      )
    ).toBe(1);
    expect(
      countCrossings(
        bipartite(2, 2, [
          [0, 0],
          [1, 1],
        ])
      )
    ).toBe(0);
    expect(
      countCrossings(
        bipartite(1, 2, [
          [0, 0],
          [0, 1],
        ])
      )
    ).toBe(0);
    expect(
      countCrossings(
        bipartite(2, 1, [
          [0, 0],
          [1, 0],
        ])
      )
    ).toBe(0);
  });

  it('counts C(m,2)·C(n,2) crossings for a complete bipartite graph drawn in two columns', () => {
    const complete = (m: number, n: number) =>
      bipartite(
        m,
        n,
        Array.from({ length: m * n }, (_, k) => [Math.floor(k / n), k % n] as [number, number])
      );
    expect(countCrossings(complete(3, 3))).toBe(9);
    expect(countCrossings(complete(4, 3))).toBe(18);
    expect(countCrossings(complete(2, 5))).toBe(10);
  });

  it('follows bends: an edge routed around another does not cross it, one routed through does', () => {
    // a(0,0) → b(20,0) straight; c(10,-5) → d(10,5) crosses it, unless it bends around b's far side.
    const base = { x: [0, 20, 10, 10], y: [0, 0, -5, 5], edgeSource: [0, 2], edgeTarget: [1, 3] };
    expect(countCrossings({ ...base, bends: [[], []] })).toBe(1);
    expect(countCrossings({ ...base, bends: [[], [30, -5, 30, 5]] })).toBe(0);
    // Two crossings by one edge zig-zagging over the other.
    expect(countCrossings({ ...base, x: [0, 40, 5, 35], y: [0, 0, -5, 5], bends: [[], [15, 5, 25, -5]] })).toBe(3);
  });

  it('does not count touching or overlapping collinear segments, nor self-loops', () => {
    const touching = { x: [0, 10, 5, 5], y: [0, 0, 0, 5], edgeSource: [0, 2], edgeTarget: [1, 3], bends: [[], []] };
    expect(countCrossings(touching)).toBe(0);
    const collinear = { x: [0, 10, 5, 15], y: [0, 0, 0, 0], edgeSource: [0, 2], edgeTarget: [1, 3], bends: [[], []] };
    expect(countCrossings(collinear)).toBe(0);
    expect(countCrossings({ x: [0, 1], y: [0, 1], edgeSource: [0, 0], edgeTarget: [0, 1], bends: [[], []] })).toBe(0);
  });
});

describe('totalEdgeLength', () => {
  it('adds up the polylines through their bends', () => {
    expect(totalEdgeLength({ x: [0, 3], y: [0, 4], edgeSource: [0], edgeTarget: [1], bends: [[]] })).toBeCloseTo(5);
    expect(totalEdgeLength({ x: [0, 6], y: [0, 0], edgeSource: [0], edgeTarget: [1], bends: [[3, 4]] })).toBeCloseTo(
      10
    );
  });
});

/** Reference: every pair of segments, intersection solved parametrically (no sweep, no orientation shortcut). */
function bruteForceCrossings(drawing: Drawing): number {
  type Seg = { p: [number, number]; q: [number, number]; ends: [string, string] };
  const segments: Seg[] = [];
  for (let e = 0; e < drawing.edgeSource.length; e++) {
    const s = drawing.edgeSource[e];
    const t = drawing.edgeTarget[e];
    if (s === t) {
      continue;
    }
    const points: Array<[number, number, string]> = [[drawing.x[s], drawing.y[s], `n${s}`]];
    const bends = drawing.bends[e];
    for (let k = 0; k < bends.length; k += 2) {
      points.push([bends[k], bends[k + 1], `e${e}b${k}`]);
    }
    points.push([drawing.x[t], drawing.y[t], `n${t}`]);
    for (let k = 0; k + 1 < points.length; k++) {
      segments.push({
        p: [points[k][0], points[k][1]],
        q: [points[k + 1][0], points[k + 1][1]],
        ends: [points[k][2], points[k + 1][2]],
      });
    }
  }
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i];
      const b = segments[j];
      if (a.ends.some((end) => b.ends.includes(end))) {
        continue;
      }
      const r = [a.q[0] - a.p[0], a.q[1] - a.p[1]];
      const s = [b.q[0] - b.p[0], b.q[1] - b.p[1]];
      const denominator = r[0] * s[1] - r[1] * s[0];
      if (denominator === 0) {
        continue;
      }
      const t = ((b.p[0] - a.p[0]) * s[1] - (b.p[1] - a.p[1]) * s[0]) / denominator;
      const u = ((b.p[0] - a.p[0]) * r[1] - (b.p[1] - a.p[1]) * r[0]) / denominator;
      if (t > 1e-12 && t < 1 - 1e-12 && u > 1e-12 && u < 1 - 1e-12) {
        count++;
      }
    }
  }
  return count;
}

describe('countCrossings on real layouts (property)', () => {
  const layout = (nodes: number, extraEdges: number, seed: number) => {
    const graph = randomConnectedDag(nodes, nodes - 1 + extraEdges, seed, 6);
    const result = layeredLayout({
      nodeCount: nodes,
      edgeSource: graph.edgeSource,
      edgeTarget: graph.edgeTarget,
      direction: 'LR',
      nodeBreadth: 44,
      nodeDepth: 156,
      nodeSpacing: 24,
      layerSpacing: 90,
    });
    const drawing: Drawing = {
      x: result.x,
      y: result.y,
      edgeSource: graph.edgeSource,
      edgeTarget: graph.edgeTarget,
      bends: result.bends,
    };
    return { result, drawing };
  };
  const graphs = fc.record({
    nodes: fc.integer({ min: 2, max: 40 }),
    extra: fc.integer({ min: 0, max: 60 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });

  it('equals a brute-force count of every segment pair', () => {
    fc.assert(
      fc.property(graphs, ({ nodes, extra, seed }) => {
        const { drawing } = layout(nodes, extra, seed);
        expect(countCrossings(drawing)).toBe(bruteForceCrossings(drawing));
      }),
      { numRuns: 150 }
    );
  });

  it("equals the layout's own layer-by-layer count of the order it chose", () => {
    fc.assert(
      fc.property(graphs, ({ nodes, extra, seed }) => {
        const { result, drawing } = layout(nodes, extra, seed);
        expect(countCrossings(drawing)).toBe(result.crossings);
      }),
      { numRuns: 150 }
    );
  });

  it('does not change when the drawing is moved or scaled', () => {
    fc.assert(
      fc.property(
        graphs,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: -1000, max: 1000 }),
        ({ nodes, extra, seed }, k, dx) => {
          const { drawing } = layout(nodes, extra, seed);
          const moved: Drawing = {
            ...drawing,
            x: Array.from(drawing.x, (v) => v * k + dx),
            y: Array.from(drawing.y, (v) => v * k - dx),
            bends: drawing.bends.map((b) => Array.from(b, (v, i) => v * k + (i % 2 ? -dx : dx))),
          };
          expect(countCrossings(moved)).toBe(countCrossings(drawing));
          expect(totalEdgeLength(moved)).toBeCloseTo(totalEdgeLength(drawing) * k, 4);
        }
      ),
      { numRuns: 50 }
    );
  });
});
