import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { randomConnectedDag, seededRandom } from '../../src/graph/layout/randomGraph';

/** Node Graph frames for a big random service graph (a few per cent unhealthy), for pan and scale checks. */
export function largeGraphFrames(nodeCount: number, edgeCount: number): DataFrame[] {
  const graph = randomConnectedDag(nodeCount, edgeCount, 7);
  const random = seededRandom(11);
  const ids = Array.from({ length: nodeCount }, (_, v) => `svc_${v}`);
  const status = ids.map(() => {
    const r = random();
    return r < 0.02 ? 'down' : r < 0.06 ? 'degraded' : 'healthy';
  });
  return [
    createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ids },
        { name: 'status', type: FieldType.string, values: status },
      ],
    }),
    createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: Array.from(graph.edgeSource, (v) => ids[v]) },
        { name: 'target', type: FieldType.string, values: Array.from(graph.edgeTarget, (v) => ids[v]) },
        {
          name: 'mainstat',
          type: FieldType.number,
          values: Array.from(graph.edgeSource, () => Math.round(random() * 500)),
        },
      ],
    }),
  ];
}
