import { FieldType, createDataFrame } from '@grafana/data';
import {
  alphapulseNodeGraphFrames,
  alphapulsePrometheusFrames,
  PROMETHEUS_OPTIONS_FOR_FIXTURE,
} from '../fixtures/alphapulseGraph';
import { defaultOptions } from '../types';
import { NO_INPUT_MESSAGE, parseFrames } from './parseFrames';

const options = { ...defaultOptions, queries: { ...defaultOptions.queries, ...PROMETHEUS_OPTIONS_FOR_FIXTURE } };

describe('parseFrames: Prometheus results', () => {
  const parsed = parseFrames(alphapulsePrometheusFrames(), options);
  const byId = new Map(parsed.nodes.map((node) => [node.id, node]));

  it('recognises the input and builds nodes for services and externals', () => {
    expect(parsed.kind).toBe('prometheus');
    expect(parsed.issues).toEqual([]);
    expect(parsed.nodes).toHaveLength(17);
    expect(byId.get('pattern_storage')!.health).toBe('down');
    expect(byId.get('trading_engine')!.health).toBe('degraded');
    expect(byId.get('timescaledb')).toMatchObject({ isExternal: true, health: 'unknown' });
    expect(byId.get('risk_manager')).toMatchObject({ isExternal: false, health: 'healthy' });
  });

  it('attaches traffic and error ratio to edges by label', () => {
    const edge = parsed.edges.find((e) => e.source === 'retrieval_optimizer' && e.target === 'pattern_storage')!;
    expect(edge.errorRatio).toBeCloseTo(0.4);
    expect(edge.traffic).toBeGreaterThan(0);
  });

  it('uses configurable label names', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [1] },
        { name: 'Value', type: FieldType.number, values: [1], labels: { __name__: 'deps', job: 'a', needs: 'b' } },
      ],
    });
    const result = parseFrames([frame], {
      ...options,
      labels: { ...options.labels, service: 'job', dependency: 'needs' },
      queries: { ...options.queries, dependency: 'deps' },
    });
    expect(result.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['a>b']);
  });

  it('reads table-format results and numeric status with thresholds', () => {
    const deps = createDataFrame({
      refId: 'A',
      fields: [
        { name: 'service', type: FieldType.string, values: ['a', 'b'] },
        { name: 'dependency', type: FieldType.string, values: ['b', 'c'] },
        { name: 'Value #A', type: FieldType.number, values: [1, 1] },
      ],
    });
    const health = createDataFrame({
      refId: 'H',
      fields: [
        { name: 'service', type: FieldType.string, values: ['a', 'b', 'c'] },
        { name: 'Value #H', type: FieldType.number, values: [1, 0.7, NaN] },
      ],
    });
    const result = parseFrames([deps, health], {
      ...options,
      queries: { ...options.queries, dependency: 'A', status: 'H' },
    });
    expect(result.nodes.map((n) => `${n.id}:${n.health}`).sort()).toEqual(['a:healthy', 'b:degraded', 'c:unknown']);
    expect(result.issues.map((issue) => issue.reason)).toEqual(['invalid-value']);
  });

  it('marks a service down when up is 0 even if its last status said healthy', () => {
    const frames = alphapulsePrometheusFrames({ ...Object.fromEntries([['risk_manager', 'healthy']]) } as never);
    const up0 = createDataFrame({
      refId: 'E',
      fields: [
        { name: 'Time', type: FieldType.time, values: [2] },
        {
          name: 'Value',
          type: FieldType.number,
          values: [0],
          labels: { __name__: 'alphapulse_up', service: 'risk_manager', instance: 'risk_manager:8101' },
        },
      ],
    });
    const result = parseFrames([...frames.filter((f) => f.refId !== 'E'), up0], options);
    expect(result.nodes.find((n) => n.id === 'risk_manager')!.health).toBe('down');
  });
});

describe('parseFrames: Node Graph frames', () => {
  it('parses nodes, edges, details and stats', () => {
    const parsed = parseFrames(alphapulseNodeGraphFrames(), defaultOptions);
    expect(parsed.kind).toBe('node-graph');
    expect(parsed.nodes).toHaveLength(17);
    expect(parsed.edges).toHaveLength(26);
    const storage = parsed.nodes.find((n) => n.id === 'pattern_storage')!;
    expect(storage.health).toBe('down');
    expect(storage.details).toEqual([{ name: 'version', value: '1.4.2' }]);
    expect(parsed.nodes.find((n) => n.id === 'smtp')!.isExternal).toBe(true);
    expect(parsed.edges[0].traffic).toBe(10);
  });

  it('takes health from arcs named after states', () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a'] },
        { name: 'arc__healthy', type: FieldType.number, values: [0.2] },
        { name: 'arc__down', type: FieldType.number, values: [0.8] },
      ],
    });
    expect(parseFrames([nodes], defaultOptions).nodes[0].health).toBe('down');
  });

  it('lets value mappings decide health and colour', () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a'] },
        { name: 'status', type: FieldType.number, values: [2] },
      ],
    });
    const result = parseFrames([nodes], defaultOptions, (value) =>
      value === 2 ? { text: 'degraded', color: '#123456' } : undefined
    );
    expect(result.nodes[0]).toMatchObject({ health: 'degraded', color: '#123456' });
  });

  it('survives missing fields, empty frames, NaN and nulls', () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a', null, 'b'] },
        { name: 'mainstat', type: FieldType.number, values: [NaN, 1, 2] },
      ],
    });
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: ['a', 'a', null] },
        { name: 'target', type: FieldType.string, values: ['b', 'zzz', 'b'] },
        { name: 'mainstat', type: FieldType.number, values: [NaN, 1, 1] },
      ],
    });
    const emptyNodes = createDataFrame({ name: 'nodes', fields: [] });
    const result = parseFrames([nodes, edges, emptyNodes], defaultOptions);
    expect(result.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(result.nodes[0].mainStat).toBeUndefined();
    expect(result.edges).toHaveLength(2);
    expect(result.edges[0].traffic).toBeUndefined();
    expect(result.issues.map((issue) => issue.reason).sort()).toEqual([
      'missing-field',
      'missing-field',
      'missing-field',
    ]);
  });

  it('derives nodes from edges-only data', () => {
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: ['a'] },
        { name: 'target', type: FieldType.string, values: ['slack'] },
      ],
    });
    const result = parseFrames([edges], defaultOptions);
    expect(result.nodes.map((n) => [n.id, n.isExternal])).toEqual([
      ['a', false],
      ['slack', true],
    ]);
  });
});

describe('parseFrames: nothing recognisable', () => {
  it('explains what it expects', () => {
    const frame = createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [1] }] });
    for (const frames of [undefined, [], [frame]]) {
      const result = parseFrames(frames, defaultOptions);
      expect(result.kind).toBe('none');
      expect(result.message).toBe(NO_INPUT_MESSAGE);
    }
  });
});
