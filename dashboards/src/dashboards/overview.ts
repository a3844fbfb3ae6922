// Overview: is everything up, and how is trading going — for everyone, refreshing every 5 seconds.
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { HEALTH_MAPPINGS, alertListPanel, healthScoreExpr, rising, row, serviceDetailLink, statPanel, thresholds, timeSeriesPanel } from '../panels/common';
import { promQuery } from '../panels/queries';

export function overviewDashboard() {
  return baseDashboard(DASHBOARDS.overview, {
    tags: ['overview'],
    refresh: '5s',
    from: 'now-1h',
    description: 'Status of every AlphaPulse service, key trading KPIs and active alerts.',
    related: [DASHBOARDS.serviceDetail, DASHBOARDS.dependencyGraph, DASHBOARDS.trading, DASHBOARDS.alerts],
  })
    .withRow(row('Services'))
    .withPanel(
      statPanel({
        title: 'Service status',
        description: 'Worst instance of each service. Click a service for its detail dashboard.',
        unit: 'none',
        queries: [promQuery(`min by (service) (${healthScoreExpr()})`, { legend: '{{service}}', instant: true })],
        mappings: HEALTH_MAPPINGS,
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 1, color: 'orange' },
          { value: 2, color: 'green' },
        ]),
        background: true,
        width: 16,
        height: 6,
      }).dataLinks([serviceDetailLink()]),
    )
    .withPanel(
      statPanel({
        title: 'Heartbeat age',
        description: 'Seconds since the oldest instance of each service last reported an internal heartbeat.',
        unit: 's',
        queries: [promQuery('time() - min by (service) (alphapulse_last_heartbeat_timestamp_seconds)', { legend: '{{service}}', instant: true })],
        thresholds: rising(60, 120),
        background: true,
        width: 8,
        height: 6,
      }).dataLinks([serviceDetailLink()]),
    )
    .withRow(row('Trading KPIs'))
    .withPanel(
      statPanel({
        title: 'Equity',
        unit: 'currencyUSD',
        queries: [promQuery('sum(alphapulse_trading_engine_equity)', { legend: 'equity' })],
      }),
    )
    .withPanel(
      statPanel({
        title: "Today's P&L",
        description: 'Change of realized + unrealized P&L since midnight (dashboard time zone), from the database KPIs.',
        unit: 'currencyUSD',
        queries: [
          promQuery(
            'sum(alphapulse_kpi_strategy_realized_pnl + alphapulse_kpi_strategy_unrealized_pnl) - sum(alphapulse_kpi_strategy_realized_pnl offset $__range + alphapulse_kpi_strategy_unrealized_pnl offset $__range)',
            { legend: 'P&L', instant: true },
          ),
        ],
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 0, color: 'green' },
        ]),
      }).timeFrom('now/d'),
    )
    .withPanel(
      statPanel({
        title: 'Drawdown',
        unit: 'percentunit',
        queries: [promQuery('max(alphapulse_risk_manager_current_drawdown_ratio)', { legend: 'drawdown' })],
        thresholds: rising(0.1, 0.15),
      }),
    )
    .withPanel(
      statPanel({
        title: 'Open positions',
        unit: 'none',
        queries: [promQuery('sum(alphapulse_trading_engine_open_positions)', { legend: 'open positions' })],
      }),
    )
    .withPanel(alertListPanel({ title: 'Firing alerts', viewMode: 'stat', width: 4, height: 4 }))
    .withPanel(
      statPanel({
        title: 'Strategies running',
        unit: 'none',
        queries: [promQuery('sum(alphapulse_trading_engine_strategies_running)', { legend: 'strategies' })],
      }),
    )
    .withRow(row('Activity'))
    .withPanel(
      timeSeriesPanel({
        title: 'Requests per service',
        unit: 'reqps',
        queries: [promQuery('sum by (service) (rate(alphapulse_service_requests_total[$__rate_interval]))', { legend: '{{service}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Errors per service',
        unit: 'cps',
        description: 'Errors per second logged by each service.',
        queries: [promQuery('sum by (service) (rate(alphapulse_service_errors_total[$__rate_interval]))', { legend: '{{service}}' })],
        width: 8,
      }),
    )
    .withPanel(alertListPanel({ title: 'Active alerts', width: 8, height: 8 }));
}
