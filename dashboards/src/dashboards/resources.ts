// Resources & performance trends over days and weeks: capacity planning rather than incident response.
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { row, timeSeriesPanel } from '../panels/common';
import { promQuery } from '../panels/queries';

export function resourcesDashboard() {
  return baseDashboard(DASHBOARDS.resources, {
    tags: ['services', 'capacity'],
    refresh: '5m',
    from: 'now-7d',
    description: 'CPU, memory, traffic, latency and worker pools of every service over days and weeks.',
    related: [DASHBOARDS.serviceDetail, DASHBOARDS.database],
  })
    .withRow(row('Resources'))
    .withPanel(
      timeSeriesPanel({
        title: 'CPU per service',
        description: 'CPU seconds per second, summed over instances: 100% is one core.',
        unit: 'percentunit',
        queries: [promQuery('sum by (service) (rate(alphapulse_service_cpu_seconds_total[$__rate_interval]))', { legend: '{{service}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Memory per service',
        unit: 'bytes',
        queries: [promQuery('sum by (service) (alphapulse_service_resident_memory_bytes)', { legend: '{{service}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Restarts',
        description: 'Uptime going backwards means the process restarted.',
        unit: 'none',
        bars: true,
        queries: [promQuery('sum by (service) (resets(alphapulse_service_uptime_seconds[$__interval]))', { legend: '{{service}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Memory growth per day',
        description: 'Linear trend of resident memory over the last day, per instance: a steady climb is a leak.',
        unit: 'bytes',
        queries: [promQuery('deriv(alphapulse_service_resident_memory_bytes[1d]) * 86400', { legend: '{{service}} {{instance}}' })],
      }),
    )
    .withRow(row('Performance'))
    .withPanel(
      timeSeriesPanel({
        title: 'Requests per service',
        unit: 'reqps',
        queries: [promQuery('sum by (service) (rate(alphapulse_service_requests_total[$__rate_interval]))', { legend: '{{service}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'p95 latency per service',
        unit: 's',
        queries: [
          promQuery('histogram_quantile(0.95, sum by (service, le) (rate(alphapulse_service_request_duration_seconds_bucket[$__rate_interval])))', { legend: '{{service}}' }),
          promQuery('max by (service) (alphapulse_service_request_latency_seconds{quantile="0.95"})', { legend: '{{service}} (reported)' }),
        ],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Worker pools busy',
        unit: 'percentunit',
        max: 1,
        queries: [
          promQuery('sum by (pool) (alphapulse_distributed_processor_workers_busy) / sum by (pool) (alphapulse_distributed_processor_workers)', { legend: 'processor {{pool}}' }),
          promQuery('sum(alphapulse_pattern_storage_workers_busy) / sum(alphapulse_pattern_storage_workers)', { legend: 'pattern storage' }),
        ],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Task queue and latency',
        unit: 'none',
        queries: [promQuery('sum(alphapulse_distributed_processor_queue_depth)', { legend: 'queued tasks' })],
      }),
    )
    .withRow(row('Collection'))
    .withPanel(
      timeSeriesPanel({
        title: 'Exporter scrape time per target',
        unit: 's',
        queries: [promQuery('max by (service) (alphapulse_target_scrape_duration_seconds)', { legend: '{{service}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Scrape errors per target',
        unit: 'none',
        bars: true,
        queries: [promQuery('sum by (service, reason) (alphapulse_target_scrape_error)', { legend: '{{service}} {{reason}}' })],
      }),
    );
}
