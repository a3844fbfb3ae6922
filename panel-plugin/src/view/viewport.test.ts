import { centreOn, fitTransform, toWorld, zoomAt } from './viewport';
import { NodeGrid } from './spatialIndex';
import { edgeWidths, errorLevel } from './edgeStyle';

describe('viewport maths', () => {
  it('fits bounds without zooming past 1:1', () => {
    expect(fitTransform({ minX: 0, minY: 0, maxX: 100, maxY: 50 }, 1000, 500).k).toBe(1);
    const big = fitTransform({ minX: 0, minY: 0, maxX: 10000, maxY: 100 }, 1000, 500, 0);
    expect(big.k).toBeCloseTo(0.1);
  });

  it('keeps the point under the pointer fixed when zooming', () => {
    const view = { x: 10, y: 20, k: 1 };
    const before = toWorld(view, 300, 200);
    const after = toWorld(zoomAt(view, 2, 300, 200), 300, 200);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
  });

  it('centres on a world point', () => {
    const view = centreOn({ x: 0, y: 0, k: 2 }, 50, 50, 400, 200);
    expect(toWorld(view, 200, 100)).toEqual([50, 50]);
  });
});

describe('NodeGrid', () => {
  it('finds the node under a point', () => {
    const grid = new NodeGrid(Float64Array.from([0, 500]), Float64Array.from([0, 0]), 70, 20);
    expect(grid.hit(60, 10)).toBe(0);
    expect(grid.hit(480, -15)).toBe(1);
    expect(grid.hit(250, 0)).toBe(-1);
  });
});

describe('edge style', () => {
  const options = { edgeMinWidth: 1, edgeMaxWidth: 9, edgeErrorWarn: 0.01, edgeErrorCritical: 0.05 };
  it('scales widths by traffic and honours explicit thickness', () => {
    const widths = edgeWidths(
      [
        { id: 'a', source: 'a', target: 'b', traffic: 1000, details: [] },
        { id: 'b', source: 'a', target: 'c', traffic: 0, details: [] },
        { id: 'c', source: 'a', target: 'd', thickness: 4, details: [] },
        { id: 'd', source: 'a', target: 'e', traffic: NaN, details: [] },
      ],
      options
    );
    expect([...widths]).toEqual([9, 1, 4, 1]);
  });

  it('classifies error ratios', () => {
    expect([undefined, 0, 0.02, 0.5].map((ratio) => errorLevel(ratio, options))).toEqual([
      'none',
      'ok',
      'warn',
      'critical',
    ]);
  });
});
