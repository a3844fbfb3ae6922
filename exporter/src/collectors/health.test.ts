import { exampleHealthRecord } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { addPerformanceMetrics, collectHealth, dependencyEdges } from './health';

const target = { service: 'trading_engine', instance: 'h:1' };

describe('health collector', () => {
  test('a valid record: up 1, its status 1 and the others 0, heartbeat, uptime, counters', () => {
    const set = new MetricSet();
    collectHealth({ ...exampleHealthRecord, status: 'degraded' }, target, set, { maxPerformanceMetrics: 50 });
    expect(set.value('alphapulse_up', target)).toBe(1);
    expect(set.value('alphapulse_service_status', { ...target, status: 'healthy' })).toBe(0);
    expect(set.value('alphapulse_service_status', { ...target, status: 'degraded' })).toBe(1);
    expect(set.value('alphapulse_service_status', { ...target, status: 'down' })).toBe(0);
    expect(set.value('alphapulse_last_heartbeat_timestamp_seconds', target)).toBe(Date.parse('2026-11-25T14:29:58.120Z') / 1000);
    expect(set.value('alphapulse_service_uptime_seconds', target)).toBe(86_412.5);
    expect(set.value('alphapulse_service_errors_total', target)).toBe(3);
    expect(set.value('alphapulse_service_warnings_total', target)).toBe(41);
    expect(set.value('alphapulse_service_performance_metric', { ...target, metric: 'open_websockets' })).toBe(3);
  });

  test('no valid record: up 0, status down, and no heartbeat or counters (nothing stale)', () => {
    const set = new MetricSet();
    collectHealth(undefined, target, set, { maxPerformanceMetrics: 50 });
    expect(set.value('alphapulse_up', target)).toBe(0);
    expect(set.value('alphapulse_service_status', { ...target, status: 'down' })).toBe(1);
    expect(set.value('alphapulse_service_status', { ...target, status: 'healthy' })).toBe(0);
    expect(set.value('alphapulse_last_heartbeat_timestamp_seconds', target)).toBeUndefined();
    expect(set.value('alphapulse_service_errors_total', target)).toBeUndefined();
  });

  test('performance_metrics: name order, claimed fields skipped, capped, the rest counted as dropped', () => {
    const set = new MetricSet();
    addPerformanceMetrics(set, { zeta: 1, alpha: 2, mid: 3, claimed: 4 }, target, { maxPerformanceMetrics: 2, claimedPerformanceMetrics: ['claimed'] });
    const samples = set.toFamilies().find((f) => f.definition.name === 'alphapulse_service_performance_metric')!.samples;
    expect(samples.map((s) => [s.labels.metric, s.value])).toEqual([
      ['alpha', 2],
      ['mid', 3],
    ]);
    expect(set.value('alphapulse_service_performance_metrics_dropped', target)).toBe(1);
  });

  test('dependency edges: union over instances, no duplicates, none from instances that did not answer', () => {
    const edges = dependencyEdges([
      { service: 'a', dependencies: ['b', 'timescaledb', 'b'] },
      { service: 'a', dependencies: ['c'] },
      { service: 'd', dependencies: [] },
    ]);
    expect(edges).toEqual([
      { service: 'a', dependency: 'b' },
      { service: 'a', dependency: 'timescaledb' },
      { service: 'a', dependency: 'c' },
    ]);
  });
});

test('performance metric names that sanitise to one label value give one series', () => {
  const set = new MetricSet();
  const target = { service: 's', instance: 'i' };
  addPerformanceMetrics(set, { x: 1, 'x\u0001': 2 }, target, { maxPerformanceMetrics: 50 });
  expect(set.toFamilies().find((f) => f.definition.name === 'alphapulse_service_performance_metric')?.samples).toHaveLength(1);
  expect(set.value('alphapulse_service_performance_metrics_dropped', target)).toBe(1);
});
