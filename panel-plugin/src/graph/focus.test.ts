import { focusNeighbourhood } from './focus';
import { graphOf, idsOf } from './testGraphs';

describe('focusNeighbourhood', () => {
  const graph = graphOf([
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['x', 'c'],
  ]);
  const c = graph.indexById.get('c')!;

  it('keeps nodes within the hop limits in each direction', () => {
    expect(idsOf(graph, focusNeighbourhood(graph, c, { dependencyHops: 1, dependentHops: 1 }))).toEqual([
      'b',
      'c',
      'd',
      'x',
    ]);
    expect(idsOf(graph, focusNeighbourhood(graph, c, { dependencyHops: 0, dependentHops: 2 }))).toEqual([
      'a',
      'b',
      'c',
      'x',
    ]);
  });

  it('keeps only the node itself with zero hops', () => {
    expect(idsOf(graph, focusNeighbourhood(graph, c, { dependencyHops: 0, dependentHops: 0 }))).toEqual(['c']);
  });
});
