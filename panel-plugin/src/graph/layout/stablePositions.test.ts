import { computeGraphLayout, toPreviousLayout, type LayoutRequest } from './layoutEngine';

function request(ids: string[], edges: Array<[string, string]>, previous?: LayoutRequest['previous']): LayoutRequest {
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    edgeSource: Int32Array.from(edges.map(([s]) => index.get(s)!)),
    edgeTarget: Int32Array.from(edges.map(([, t]) => index.get(t)!)),
    direction: 'LR',
    nodeWidth: 140,
    nodeHeight: 40,
    nodeSpacing: 20,
    layerSpacing: 80,
    previous,
  };
}

describe('stable positions across refreshes', () => {
  const ids = ['web', 'api', 'db', 'cache', 'worker'];
  const edges: Array<[string, string]> = [
    ['web', 'api'],
    ['api', 'db'],
    ['api', 'cache'],
    ['worker', 'db'],
  ];
  const first = request(ids, edges);
  const firstLayout = computeGraphLayout(first);
  const previous = toPreviousLayout(first, firstLayout);

  it('keeps the positions of existing nodes when a node appears', () => {
    const second = request([...ids, 'queue'], [...edges, ['worker', 'queue']], previous);
    const layout = computeGraphLayout(second);
    expect(layout.reusedPrevious).toBe(true);
    ids.forEach((id, v) => {
      expect([layout.x[v], layout.y[v]]).toEqual(previous.positions[id]);
    });
    const queue = 5;
    for (let v = 0; v < 5; v++) {
      const overlaps = Math.abs(layout.x[v] - layout.x[queue]) < 140 && Math.abs(layout.y[v] - layout.y[queue]) < 40;
      expect(overlaps).toBe(false);
    }
  });

  it('gives the same picture for the same data in another order', () => {
    const shuffled = [...ids].reverse();
    const layout = computeGraphLayout(request(shuffled, edges, previous));
    shuffled.forEach((id, v) => expect([layout.x[v], layout.y[v]]).toEqual(previous.positions[id]));
  });

  it('starts afresh when most nodes are new or the direction changed', () => {
    expect(computeGraphLayout(request(['p', 'q', 'r', 'web'], [['p', 'q']], previous)).reusedPrevious).toBe(false);
    expect(computeGraphLayout({ ...request(ids, edges, previous), direction: 'TB' }).reusedPrevious).toBe(false);
  });

  it('places a new node that is not connected to the old picture beyond it', () => {
    const layout = computeGraphLayout(request([...ids, 'island'], edges, previous));
    const maxY = Math.max(...Object.values(previous.positions).map(([, y]) => y));
    expect(layout.y[5]).toBeGreaterThan(maxY);
  });
});
