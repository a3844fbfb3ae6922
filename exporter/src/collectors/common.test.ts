import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { collectCommonStats } from './common';
import { LabelGuard } from './labelGuard';

const target = { service: 'risk_manager', instance: 'h:1', region: 'eu' };

test('common stats: version, CPU, memory, requests and the latency histogram from buckets', () => {
  const set = new MetricSet();
  collectCommonStats(exampleStats.risk_manager, target, set);
  expect(set.value('alphapulse_service_version_info', { ...target, version: '2.4.1' })).toBe(1);
  expect(set.value('alphapulse_service_cpu_seconds_total', target)).toBe(5123.42);
  expect(set.value('alphapulse_service_resident_memory_bytes', target)).toBe(412_385_280);
  expect(set.value('alphapulse_service_requests_total', target)).toBe(62004);
  expect(set.value('alphapulse_service_request_duration_seconds', { ...target, le: '0.025' }, '_bucket')).toBe(48211);
  expect(set.value('alphapulse_service_request_duration_seconds', { ...target, le: '+Inf' }, '_bucket')).toBe(62004);
  expect(set.value('alphapulse_service_request_duration_seconds', target, '_sum')).toBe(1902.7);
  expect(set.value('alphapulse_service_request_duration_seconds', target, '_count')).toBe(62004);
});

test('common stats: quantiles only become a summary, without sum and count when the service gives none', () => {
  const set = new MetricSet();
  collectCommonStats({ ...exampleStats.risk_manager, latency_seconds: { p50: 0.01, p95: 0.05 } }, target, set);
  expect(set.value('alphapulse_service_request_latency_seconds', { ...target, quantile: '0.5' })).toBe(0.01);
  expect(set.value('alphapulse_service_request_latency_seconds', { ...target, quantile: '0.95' })).toBe(0.05);
  expect(set.value('alphapulse_service_request_latency_seconds', target, '_count')).toBeUndefined();
  expect(set.value('alphapulse_service_request_duration_seconds', { ...target, le: '+Inf' }, '_bucket')).toBeUndefined();
});

test('dependency_calls: per-edge requests and errors counters, latency as histogram or quantiles, edges guarded', () => {
  const set = new MetricSet();
  const stats = {
    ...exampleStats.risk_manager,
    dependency_calls: [
      { dependency: 'timescaledb', requests: 100, errors: 2, latency: { buckets: [{ le: 0.1, count: 90 }, { le: '+Inf' as const, count: 100 }], sum: 3, count: 100 } },
      { dependency: 'exchange_api', requests: 50, errors: 0, latency: { p50: 0.02, p95: 0.2 } },
      { dependency: 'third', requests: 1, errors: 0 },
    ],
  };
  collectCommonStats(stats, target, set, new LabelGuard({ maxPerLabel: 2, maxPerTarget: 100, maxLength: 64 }));
  const db = { ...target, dependency: 'timescaledb' };
  expect(set.value('alphapulse_service_dependency_requests_total', db)).toBe(100);
  expect(set.value('alphapulse_service_dependency_errors_total', db)).toBe(2);
  expect(set.value('alphapulse_service_dependency_latency_seconds', { ...db, le: '0.1' }, '_bucket')).toBe(90);
  expect(set.value('alphapulse_service_dependency_latency_seconds', db, '_count')).toBe(100);
  expect(set.value('alphapulse_service_dependency_quantile_latency_seconds', { ...target, dependency: 'exchange_api', quantile: '0.95' })).toBe(0.2);
  expect(set.value('alphapulse_service_dependency_requests_total', { ...target, dependency: 'third' })).toBeUndefined();
});
