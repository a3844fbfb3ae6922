// docs/metrics.md, generated from the metric catalogue so the documentation cannot drift from the code.
import { ALL_METRICS, RUNTIME_METRIC_PREFIXES } from '../metrics/catalogue';
import { FAILURE_REASONS } from '../scrape/fetchJson';

const TYPE_NOTE: Record<string, string> = {
  gauge: 'gauge',
  counter: 'counter',
  histogram: 'histogram',
  summary: 'summary',
  info: 'info (gauge in the text format)',
};

export function renderMetricsDoc(): string {
  const lines: string[] = [
    '# AlphaPulse exporter metrics',
    '',
    '<!-- Generated from exporter/src/metrics/catalogue.ts by `npm run docs -w @alphapulse/exporter`; a test fails when it is stale. -->',
    '',
    'Every family the exporter (`exporter/`, default `http://127.0.0.1:9464/metrics`) can emit. Metrics are built',
    'fresh for every scrape from what the services answer in that scrape: an instance that vanishes or fails leaves',
    'no stale series behind.',
    '',
    '## Labels',
    '',
    '- `service` is the configured service name (the kind unless `name` is set); `instance` is the configured',
    '  instance name, by default the host:port of its URL. Scrape the exporter with `honor_labels: true` so this',
    '  `instance` is kept (see `provisioning/prometheus/prometheus.yml`).',
    '- Extra labels from the config (`services[].labels`, `services[].instances[].labels`) are added to every',
    '  series of that instance, after `service` and `instance`.',
    '- A failing endpoint gives `alphapulse_target_scrape_error{endpoint="health"|"stats", reason}` with reason one of',
    `  ${FAILURE_REASONS.map((reason) => `\`${reason}\``).join(', ')}.`,
    '',
    '## Generic export of `performance_metrics`',
    '',
    'Each numeric field of a health record\'s `performance_metrics` that no collector maps becomes one sample of',
    '`alphapulse_service_performance_metric{service, instance, metric="<field name>"}` with the field\'s value. Nested',
    'objects are flattened, path segments joined with "." (`{"cache": {"hit_ratio": 0.9}}` → `metric="cache.hit_ratio"`),',
    'at most `scrape.performance_metrics_max_depth` (default 4) levels; numeric strings and booleans (0/1) count as',
    'numbers, strings and lists are skipped and counted in `alphapulse_target_field_errors{reason="not_numeric"}`.',
    'Fields are taken in name order, at most `scrape.max_performance_metrics_per_instance` (default 50) per instance;',
    'the number left out is `alphapulse_service_performance_metrics_dropped`. Their units are whatever the service uses.',
    '',
    '## Payload drift and cardinality',
    '',
    '- A health record counts as answered (`alphapulse_up 1`) when it is a JSON object with `service_name` and',
    '  `status`; every other field, and every `/stats` field, is read on its own. Fields dropped from a payload that',
    '  was otherwise used are `alphapulse_target_field_errors{endpoint, reason}` (reasons in docs/contract.md).',
    '  A status word the exporter does not know is `alphapulse_service_status{status="unknown"} 1`, never down.',
    '- Every label value a service supplies (dependency, strategy, model, pool, channel, source, symbol, metric,',
    '  version) has control characters removed and is capped per target: `scrape.max_label_value_length` (128',
    '  characters), `scrape.max_label_values_per_label` (200), `scrape.max_label_values_per_target` (2000). Values',
    '  over the caps are counted in `alphapulse_target_label_values_dropped{label}`.',
    '',
    '## Latency',
    '',
    'A latency the service reports as cumulative buckets becomes a histogram (`*_duration_seconds`); one reported as',
    'p50/p95/p99 becomes a summary with `quantile` 0.5/0.95/0.99 (`*_latency_seconds`). A service sends one or the other.',
    '',
    '## Business KPIs',
    '',
    'Read from TimescaleDB/PostgreSQL (the `alphapulse` schema of `simulator/migrations`) when a database URL is set',
    '(`DATABASE_URL`, `kpi.database_url` or `startExporter({ databaseUrl })`). Each query runs under',
    '`kpi.statement_timeout_ms` (default 2000); results are cached for `kpi.min_interval_seconds` (default 15) and',
    'shared by concurrent scrapes. A failed query drops its KPIs (no stale values) and sets its',
    '`alphapulse_kpi_query_up` to 0. `*_in_window` KPIs count over the trailing `kpi.window_seconds` (default 300).',
    '',
  ];
  let group = '';
  for (const metric of ALL_METRICS) {
    if (metric.group !== group) {
      group = metric.group;
      lines.push(`## ${group}`, '', '| name | type | labels | meaning |', '|---|---|---|---|');
    }
    const labels = metric.labels.length ? metric.labels.map((label) => `\`${label}\``).join(', ') : '—';
    lines.push(`| \`${metric.name}\` | ${TYPE_NOTE[metric.type]} | ${labels} | ${metric.help.replace(/\|/g, '\\|')} |`);
    if (metric === ALL_METRICS[ALL_METRICS.length - 1] || ALL_METRICS[ALL_METRICS.indexOf(metric) + 1].group !== group) lines.push('');
  }
  lines.push(
    '## Process and Node.js runtime',
    '',
    `The standard ${RUNTIME_METRIC_PREFIXES.map((prefix) => `\`${prefix}*\``).join(' and ')} families of prom-client's default collectors`,
    '(CPU, resident memory, open file descriptors, heap, event-loop lag, GC), under their usual names. Left out:',
    'prom-client\'s `nodejs_active_{handles,requests,resources}_total`, gauges named like counters (the same numbers',
    'are in `nodejs_active_*{type}`).',
    '',
  );
  return lines.join('\n');
}
