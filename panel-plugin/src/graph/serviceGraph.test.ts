import { buildServiceGraph, dependenciesOf, dependentsOf } from './serviceGraph';
import type { ServiceNode } from './types';

const node = (id: string): ServiceNode => ({ id, title: id, health: 'healthy', isExternal: false, details: [] });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, details: [] });

describe('buildServiceGraph', () => {
  it('builds adjacency in both directions', () => {
    const { graph, issues } = buildServiceGraph(
      [node('a'), node('b'), node('c')],
      [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')]
    );
    expect(issues).toEqual([]);
    const c = graph.indexById.get('c')!;
    expect([...dependentsOf(graph, c)].map((i) => graph.nodes[i].id).sort()).toEqual(['a', 'b']);
    expect([...dependenciesOf(graph, graph.indexById.get('a')!)].length).toBe(2);
  });

  it('drops duplicate nodes, duplicate edges and edges to unknown ids, reporting each', () => {
    const { graph, issues } = buildServiceGraph(
      [node('a'), node('b'), node('a')],
      [edge('a', 'b'), edge('a', 'b'), edge('a', 'ghost'), edge('nobody', 'b')]
    );
    expect(graph.nodes).toHaveLength(2);
    expect(graph.edges).toHaveLength(1);
    expect(issues.map((issue) => issue.reason).sort()).toEqual([
      'duplicate-edge',
      'duplicate-node',
      'unknown-node',
      'unknown-node',
    ]);
  });

  it('handles an empty graph', () => {
    const { graph } = buildServiceGraph([], []);
    expect(graph.nodes).toEqual([]);
    expect(graph.dependencyOffsets).toEqual(new Int32Array([0]));
  });
});
