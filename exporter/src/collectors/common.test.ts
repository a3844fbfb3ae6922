import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { collectCommonStats } from './common';

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
