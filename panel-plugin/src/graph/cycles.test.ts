import { findCycles } from './cycles';
import { graphOf, idsOf } from './testGraphs';

describe('findCycles', () => {
  it('finds none in a DAG', () => {
    const report = findCycles(
      graphOf([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
      ])
    );
    expect(report.components).toEqual([]);
    expect(report.cyclicEdges.size).toBe(0);
  });

  it('flags nodes and edges of each cycle, in separate parts of the graph', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'x'],
      ['lonely', 'lonely'],
    ]);
    const report = findCycles(graph);
    expect(report.components.map((members) => idsOf(graph, members)).sort()).toEqual([
      ['a', 'b'],
      ['lonely'],
      ['x', 'y', 'z'],
    ]);
    expect(report.inCycle[graph.indexById.get('c')!]).toBe(0);
    expect(report.cyclicEdges.size).toBe(6);
  });

  it('copes with a 20,000-node chain without recursion', () => {
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 20000; i++) {
      edges.push([`n${i}`, `n${i + 1}`]);
    }
    edges.push(['n20000', 'n0']);
    expect(findCycles(graphOf(edges)).components[0]).toHaveLength(20001);
  });
});
