import { SERVICE_KINDS } from '@alphapulse/contracts';
import { ALL_METRICS, COMMON_METRICS, HEALTH_METRICS, TARGET_METRICS, KIND_METRICS, METRIC_NAMES, RESERVED_LABELS } from './catalogue';

describe('metric catalogue follows the Prometheus naming rules', () => {
  test.each(ALL_METRICS.map((metric) => [metric.name, metric] as const))('%s', (name, metric) => {
    expect(name).toMatch(/^alphapulse_[a-z0-9_]+$/);
    expect(name.endsWith('_total')).toBe(metric.type === 'counter');
    if (metric.type === 'info') expect(name).toMatch(/_info$/);
    expect(name).not.toMatch(/_(percent|percentage|milliseconds|ms|kilobytes|megabytes)(_|$)/);
    expect(metric.help.length).toBeGreaterThan(10);
    expect(metric.labels).not.toContain('success');
    expect(metric.labels).not.toContain('job');
    expect(new Set(metric.labels).size).toBe(metric.labels.length);
  });

  test('names are unique and the fixed names are exactly as dashboards and alerts expect', () => {
    expect(new Set(METRIC_NAMES).size).toBe(METRIC_NAMES.length);
    expect(HEALTH_METRICS.up).toMatchObject({ name: 'alphapulse_up', labels: ['service', 'instance'] });
    expect(HEALTH_METRICS.status).toMatchObject({ name: 'alphapulse_service_status', labels: ['service', 'instance', 'status'] });
    expect(HEALTH_METRICS.lastHeartbeat).toMatchObject({ name: 'alphapulse_last_heartbeat_timestamp_seconds', labels: ['service', 'instance'] });
    expect(HEALTH_METRICS.dependency).toMatchObject({ name: 'alphapulse_service_dependency_info', labels: ['service', 'dependency'] });
    // Per-edge traffic: the emulator and the service graph panel use these names as they are.
    const edge = ['service', 'instance', 'dependency'];
    expect(COMMON_METRICS.dependencyRequests).toMatchObject({ name: 'alphapulse_service_dependency_requests_total', type: 'counter', labels: edge });
    expect(COMMON_METRICS.dependencyErrors).toMatchObject({ name: 'alphapulse_service_dependency_errors_total', type: 'counter', labels: edge });
    expect(COMMON_METRICS.dependencyLatency).toMatchObject({ name: 'alphapulse_service_dependency_latency_seconds', type: 'histogram', labels: edge });
    expect(TARGET_METRICS.fieldErrors).toMatchObject({ name: 'alphapulse_target_field_errors', labels: ['service', 'instance', 'endpoint', 'reason'] });
  });

  test('every service kind has its own group of metrics named after it', () => {
    expect(Object.keys(KIND_METRICS)).toEqual([...SERVICE_KINDS]);
    for (const [kind, metrics] of Object.entries(KIND_METRICS)) {
      for (const metric of Object.values(metrics)) expect(metric.name.startsWith(`alphapulse_${kind}_`)).toBe(true);
    }
  });

  test('reserved labels include the target labels and Prometheus special labels', () => {
    for (const label of ['service', 'instance', 'job', 'le', 'quantile', 'status']) expect(RESERVED_LABELS.has(label)).toBe(true);
  });
});
