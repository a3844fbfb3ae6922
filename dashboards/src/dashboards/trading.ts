// Trading performance: equity curve, P&L by strategy, drawdown, the strategy scorecard (win rate, profit
// factor, Sharpe) from our datasource, live exposure and order flow from Prometheus, trades on the price chart.
import { DASHBOARDS } from '../grafana/ids';
import { tradeAnnotations } from '../panels/annotations';
import { baseDashboard } from '../panels/base';
import { rising, row, statPanel, tablePanel, thresholds, timeSeriesPanel } from '../panels/common';
import { promQuery, tradingQuery } from '../panels/queries';
import { tradingVariable } from '../panels/variables';

const STRATEGIES = ['$strategy'];

export function tradingDashboard() {
  return baseDashboard(DASHBOARDS.trading, {
    tags: ['trading'],
    refresh: '1m',
    from: 'now-7d',
    description: 'Equity, P&L, drawdown and risk per strategy; trades as annotations on the price chart.',
    related: [DASHBOARDS.market, DASHBOARDS.sentiment],
  })
    .withVariable(tradingVariable('strategy', 'Strategy', 'strategies', { multi: true }))
    .withVariable(tradingVariable('symbol', 'Symbol', 'symbols'))
    .annotation(tradeAnnotations(STRATEGIES))
    .withRow(row('Now'))
    .withPanel(statPanel({ title: 'Equity', unit: 'currencyUSD', queries: [promQuery('sum(alphapulse_trading_engine_equity)', { legend: 'equity' })] }))
    .withPanel(
      statPanel({
        title: 'Unrealized P&L',
        unit: 'currencyUSD',
        queries: [promQuery('sum(alphapulse_kpi_strategy_unrealized_pnl)', { legend: 'unrealized' })],
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 0, color: 'green' },
        ]),
      }),
    )
    .withPanel(statPanel({ title: 'Current drawdown', unit: 'percentunit', queries: [promQuery('max(alphapulse_risk_manager_current_drawdown_ratio)', { legend: 'drawdown' })], thresholds: rising(0.1, 0.15) }))
    .withPanel(statPanel({ title: 'Value at risk (1 d, 95%)', unit: 'currencyUSD', queries: [promQuery('sum(alphapulse_risk_manager_value_at_risk)', { legend: 'VaR' })] }))
    .withPanel(
      statPanel({
        title: 'Win rate',
        unit: 'percentunit',
        queries: [promQuery('avg(alphapulse_kpi_strategy_win_ratio{strategy=~"$strategy"})', { legend: 'win rate' })],
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 0.45, color: 'orange' },
          { value: 0.5, color: 'green' },
        ]),
      }),
    )
    .withPanel(statPanel({ title: 'Open positions', unit: 'none', queries: [promQuery('sum(alphapulse_trading_engine_open_positions)', { legend: 'open' })] }))
    .withRow(row('Performance'))
    .withPanel(timeSeriesPanel({ title: 'Equity curve', unit: 'currencyUSD', queries: [tradingQuery({ queryType: 'equity', strategies: STRATEGIES })] }))
    .withPanel(
      timeSeriesPanel({
        title: 'Drawdown',
        unit: 'percentunit',
        queries: [tradingQuery({ queryType: 'drawdown', strategies: STRATEGIES })],
        thresholds: rising(0.1, 0.15),
      }),
    )
    .withPanel(timeSeriesPanel({ title: 'Cumulative P&L by strategy', unit: 'currencyUSD', queries: [tradingQuery({ queryType: 'pnl', pnlMode: 'cumulative', strategies: STRATEGIES })] }))
    .withPanel(timeSeriesPanel({ title: 'P&L per interval', unit: 'currencyUSD', bars: true, queries: [tradingQuery({ queryType: 'pnl', pnlMode: 'perBucket', strategies: STRATEGIES })] }))
    .withPanel(
      tablePanel({
        title: 'Strategy scorecard',
        description: 'Trades, win rate, profit factor, average win/loss, Sharpe, Sortino and max drawdown over the dashboard range.',
        unit: 'none',
        queries: [tradingQuery({ queryType: 'strategySummary', strategies: STRATEGIES })],
        width: 24,
        height: 7,
      }),
    )
    .withRow(row('Risk'))
    .withPanel(
      timeSeriesPanel({
        title: 'Exposure per strategy',
        description: 'Gross exposure as a multiple of equity (leverage); the ExposureOverLimit alert fires above 2×.',
        unit: 'suffix:×',
        queries: [promQuery('alphapulse_kpi_strategy_gross_exposure{strategy=~"$strategy"} / alphapulse_kpi_strategy_equity{strategy=~"$strategy"}', { legend: '{{strategy}}' })],
        thresholds: rising(1.5, 2),
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Net exposure',
        unit: 'currencyUSD',
        queries: [promQuery('alphapulse_kpi_strategy_net_exposure{strategy=~"$strategy"}', { legend: '{{strategy}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Limit breaches and stop-losses',
        unit: 'none',
        bars: true,
        queries: [
          promQuery('sum(increase(alphapulse_risk_manager_limit_breaches_total[$__interval]))', { legend: 'limit breaches' }),
          promQuery('sum(increase(alphapulse_risk_manager_stop_losses_triggered_total[$__interval]))', { legend: 'stop-losses' }),
        ],
        width: 8,
      }),
    )
    .withRow(row('Orders and trades'))
    .withPanel(
      timeSeriesPanel({
        title: 'Orders by side and status',
        unit: 'ops',
        stacked: true,
        queries: [promQuery('sum by (side, status) (rate(alphapulse_trading_engine_orders_total[$__rate_interval]))', { legend: '{{side}} {{status}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Price with trades ($symbol)',
        description: 'Trades of the selected strategies appear as annotations (toggle "Trades" above).',
        unit: 'currencyUSD',
        queries: [tradingQuery({ queryType: 'price', symbols: ['$symbol'], timeframe: '1m' })],
      }),
    )
    .withPanel(
      tablePanel({
        title: 'Trades',
        unit: 'none',
        queries: [tradingQuery({ queryType: 'trades', strategies: STRATEGIES, symbols: [] })],
        width: 24,
        height: 10,
      }),
    );
}
