import { rootCause } from './rootCause';
import { graphOf, idsOf } from './testGraphs';

describe('rootCause', () => {
  it('follows unhealthy dependencies to the end of the chain', () => {
    const graph = graphOf(
      [
        ['trading', 'retrieval'],
        ['retrieval', 'storage'],
        ['storage', 'db'],
        ['trading', 'risk'],
      ],
      { trading: 'degraded', retrieval: 'degraded', storage: 'down' }
    );
    const result = rootCause(graph, graph.indexById.get('trading')!);
    expect(idsOf(graph, result.causes)).toEqual(['storage']);
    expect(idsOf(graph, result.chain)).toEqual(['retrieval', 'storage']);
  });

  it('does not blame failures hidden behind a healthy dependency', () => {
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { a: 'degraded', c: 'down' }
    );
    expect(rootCause(graph, graph.indexById.get('a')!).causes).toEqual([]);
  });

  it('reports a whole unhealthy cycle when the chain has no end', () => {
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'b'],
      ],
      { a: 'down', b: 'down', c: 'degraded' }
    );
    expect(idsOf(graph, rootCause(graph, graph.indexById.get('a')!).causes)).toEqual(['b', 'c']);
  });

  it('finds several independent causes', () => {
    const graph = graphOf(
      [
        ['app', 'x'],
        ['app', 'y'],
      ],
      { app: 'down', x: 'down', y: 'degraded' }
    );
    expect(idsOf(graph, rootCause(graph, graph.indexById.get('app')!).causes)).toEqual(['x', 'y']);
  });
});
