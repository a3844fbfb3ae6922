import { FieldType, createDataFrame } from '@grafana/data';
import {
  ALPHAPULSE_DEPENDENCIES,
  alphapulseNodeGraphFrames,
  alphapulsePrometheusFrames,
  edgeRequestRate,
  IDLE_EDGE,
} from '../fixtures/alphapulseGraph';
import { defaultOptions } from '../types';
import { NO_INPUT_MESSAGE, parseFrames } from './parseFrames';

const options = { ...defaultOptions, queries: { ...defaultOptions.queries } };

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

  const edge = (source: string, target: string) =>
    parsed.edges.find((e) => e.source === source && e.target === target)!;

  it('reads traffic, error ratio and p95 latency per edge from the ref IDs the defaults name', () => {
    const toDown = edge('retrieval_optimizer', 'pattern_storage');
    expect(toDown.traffic).toBeCloseTo(edgeRequestRate('retrieval_optimizer', 'pattern_storage'));
    expect(toDown.errorRatio).toBeCloseTo(0.4);
    expect(toDown.latencySeconds).toBeCloseTo(2.5);
    expect(toDown.secondaryStat).toBe('40% errors');
    expect(toDown.details.map((d) => d.name)).toEqual(['requests', 'error ratio', 'latency']);
    const toDegraded = edge('trading_engine', 'retrieval_optimizer');
    expect(toDegraded.errorRatio).toBeCloseTo(0.03);
    // Every edge of the topology got its traffic: none is left without data.
    const edgeCount = Object.values(ALPHAPULSE_DEPENDENCIES).flat().length;
    expect(parsed.edges).toHaveLength(edgeCount);
    expect(parsed.edges.filter((e) => e.traffic === undefined)).toEqual([]);
  });

  it('an idle edge (rate 0, ratio and quantile NaN from 0/0) has traffic 0, no error ratio and raises no issue', () => {
    const idle = edge(IDLE_EDGE[0], IDLE_EDGE[1]);
    expect(idle.traffic).toBe(0);
    expect(idle.errorRatio).toBeUndefined();
    expect(idle.latencySeconds).toBeUndefined();
    expect(parsed.issues).toEqual([]);
  });

  it('matches aggregated results by ref ID only: the same frames under other ref IDs carry no traffic', () => {
    const renamed = alphapulsePrometheusFrames().map((frame) =>
      frame.refId === 'traffic' || frame.refId === 'errors' ? { ...frame, refId: 'X' } : frame
    );
    const result = parseFrames(renamed, options);
    expect(result.edges.every((e) => e.traffic === undefined && e.errorRatio === undefined)).toBe(true);
    const chosen = parseFrames(renamed, { ...options, queries: { ...options.queries, traffic: 'X' } });
    expect(chosen.edges.every((e) => e.traffic !== undefined)).toBe(true);
  });

  it('options saved before the latency query existed still parse (no selector matches everything)', () => {
    const { latency: _dropped, ...older } = options.queries;
    const result = parseFrames(alphapulsePrometheusFrames(), {
      ...options,
      queries: older as typeof options.queries,
    });
    expect(result.edges.every((e) => e.latencySeconds === undefined)).toBe(true);
    expect(result.edges.filter((e) => e.traffic === undefined)).toEqual([]);
  });

  it('averages per-instance error ratios instead of adding them', () => {
    const frame = (refId: string, instance: string, value: number) =>
      createDataFrame({
        refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: [1] },
          {
            name: 'Value',
            type: FieldType.number,
            values: [value],
            labels: { service: 'a', dependency: 'b', instance },
          },
        ],
      });
    const result = parseFrames(
      [
        frame('deps', 'i1', 1),
        frame('errors', 'i1', 0.6),
        frame('errors', 'i2', 0.8),
        frame('traffic', 'i1', 3),
        frame('traffic', 'i2', 4),
      ],
      { ...options, queries: { ...options.queries, dependency: 'deps' } }
    );
    expect(result.edges[0].errorRatio).toBeCloseTo(0.7);
    expect(result.edges[0].traffic).toBe(7);
    const rates = parseFrames(
      [
        frame('deps', 'i1', 1),
        frame('errors', 'i1', 1),
        frame('errors', 'i2', 0.4),
        frame('traffic', 'i1', 3),
        frame('traffic', 'i2', 4),
      ],
      { ...options, errorValueKind: 'rate', queries: { ...options.queries, dependency: 'deps' } }
    );
    expect(rates.edges[0].errorRatio).toBeCloseTo(0.2);
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
