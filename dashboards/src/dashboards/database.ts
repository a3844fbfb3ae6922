// Database & query performance: TimescaleDB reachability, the KPI queries, the retrieval optimizer's query
// path and the pattern store's write path; plus direct SQL on the read-only datasource.
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { rising, row, statPanel, tablePanel, thresholds, timeSeriesPanel } from '../panels/common';
import { promQuery, sqlQuery } from '../panels/queries';

const ROWS_LAST_HOUR_SQL = `SELECT 'candles' AS "table", count(*) AS rows FROM alphapulse.candles WHERE time > now() - interval '1 hour'
UNION ALL SELECT 'trades', count(*) FROM alphapulse.trades WHERE time > now() - interval '1 hour'
UNION ALL SELECT 'patterns', count(*) FROM alphapulse.patterns WHERE time > now() - interval '1 hour'
UNION ALL SELECT 'sentiment', count(*) FROM alphapulse.sentiment WHERE time > now() - interval '1 hour'
UNION ALL SELECT 'equity_snapshots', count(*) FROM alphapulse.equity_snapshots WHERE time > now() - interval '1 hour'`;

export function databaseDashboard() {
  return baseDashboard(DASHBOARDS.database, {
    tags: ['database'],
    from: 'now-6h',
    description: 'TimescaleDB reachability, KPI query timings, query latency and cache of the retrieval optimizer, write path of the pattern store.',
    related: [DASHBOARDS.resources, DASHBOARDS.serviceDetail],
  })
    .withRow(row('Database'))
    .withPanel(
      statPanel({
        title: 'Database reachable',
        unit: 'bool_yes_no',
        queries: [promQuery('min(alphapulse_database_up)', { legend: 'reachable' })],
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 1, color: 'green' },
        ]),
        background: true,
        width: 4,
      }),
    )
    .withPanel(
      tablePanel({
        title: 'Rows written in the last hour',
        description: 'Straight from TimescaleDB through the read-only datasource.',
        unit: 'none',
        queries: [sqlQuery(ROWS_LAST_HOUR_SQL)],
        width: 8,
        height: 4,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'KPI query duration',
        unit: 's',
        queries: [promQuery('alphapulse_kpi_query_duration_seconds', { legend: '{{query}}' })],
        thresholds: rising(1, 2),
        width: 12,
        height: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'KPI queries failing',
        unit: 'none',
        bars: true,
        queries: [promQuery('count(alphapulse_kpi_query_up == 0) or vector(0)', { legend: 'failing queries' })],
        width: 12,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'KPI age',
        description: 'Seconds since each KPI query last ran (results are cached between runs).',
        unit: 's',
        queries: [promQuery('time() - alphapulse_kpi_query_last_run_timestamp_seconds', { legend: '{{query}}' })],
        width: 12,
      }),
    )
    .withRow(row('Query path (retrieval optimizer)'))
    .withPanel(
      timeSeriesPanel({
        title: 'Query latency',
        unit: 's',
        queries: [promQuery('max by (quantile) (alphapulse_retrieval_optimizer_query_latency_seconds{quantile=~"0.5|0.95"})', { legend: 'p{{quantile}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Cache hit ratio',
        unit: 'percentunit',
        max: 1,
        queries: [
          promQuery('sum(rate(alphapulse_retrieval_optimizer_cache_hits_total[$__rate_interval])) / (sum(rate(alphapulse_retrieval_optimizer_cache_hits_total[$__rate_interval])) + sum(rate(alphapulse_retrieval_optimizer_cache_misses_total[$__rate_interval])))', { legend: 'from counters' }),
          promQuery('avg(alphapulse_retrieval_optimizer_cache_hit_ratio)', { legend: 'reported' }),
        ],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Slow queries and tuning',
        unit: 'ops',
        queries: [
          promQuery('sum(rate(alphapulse_retrieval_optimizer_slow_queries_total[$__rate_interval]))', { legend: 'slow queries' }),
          promQuery('sum(rate(alphapulse_retrieval_optimizer_auto_tuning_actions_total[$__rate_interval]))', { legend: 'auto-tuning actions' }),
        ],
        width: 8,
      }),
    )
    .withPanel(
      statPanel({
        title: 'Index recommendations pending',
        unit: 'none',
        queries: [promQuery('sum(alphapulse_retrieval_optimizer_index_recommendations_pending)', { legend: 'pending' })],
        thresholds: rising(5, 20),
        width: 6,
      }),
    )
    .withRow(row('Write path (pattern storage)'))
    .withPanel(
      timeSeriesPanel({
        title: 'Insert rate',
        unit: 'wps',
        queries: [promQuery('sum(alphapulse_pattern_storage_rows_per_second)', { legend: 'rows/s' })],
        width: 6,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Batch insert latency',
        unit: 's',
        queries: [promQuery('max by (quantile) (alphapulse_pattern_storage_batch_insert_latency_seconds)', { legend: 'p{{quantile}}' })],
        width: 6,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Pattern store size',
        unit: 'bytes',
        queries: [promQuery('sum(alphapulse_pattern_storage_storage_bytes)', { legend: 'bytes' })],
        width: 6,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Compression factor',
        unit: 'suffix:×',
        queries: [promQuery('avg(alphapulse_pattern_storage_compression_factor)', { legend: 'factor' })],
        width: 6,
      }),
    );
}
