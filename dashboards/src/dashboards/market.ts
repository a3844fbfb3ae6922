// Market & patterns: candles with detected patterns and trades as annotations, pattern counts and confidence,
// and how fresh the market data is.
import { PanelBuilder as CandlestickBuilder, CandleStyle, ColorStrategy, VizDisplayMode } from '@grafana/grafana-foundation-sdk/candlestick';
import { DASHBOARDS } from '../grafana/ids';
import { patternAnnotations, tradeAnnotations } from '../panels/annotations';
import { barGaugePanel, rising, row, statPanel, tablePanel, timeSeriesPanel } from '../panels/common';
import { baseDashboard } from '../panels/base';
import { promQuery, tradingQuery } from '../panels/queries';
import { tradingVariable } from '../panels/variables';

/** The datasource interpolates symbols and timeframe but not numbers, so the confidence floor is fixed here. */
const MIN_CONFIDENCE = 0.6;

export function marketDashboard() {
  const candles = new CandlestickBuilder()
    .title('Candles ($symbol, $timeframe)')
    .description('Patterns (purple) and trades (blue) are annotations; toggle them above.')
    .unit('currencyUSD')
    .mode(VizDisplayMode.CandlesVolume)
    .candleStyle(CandleStyle.Candles)
    .colorStrategy(ColorStrategy.OpenClose)
    .includeAllFields(false)
    .withTarget(tradingQuery({ queryType: 'candles', symbols: ['$symbol'], timeframe: '$timeframe' }))
    .span(24)
    .height(12);

  return baseDashboard(DASHBOARDS.market, {
    tags: ['trading', 'market'],
    refresh: '1m',
    from: 'now-24h',
    description: 'Candles with detected patterns and trades, pattern statistics and market data freshness.',
    related: [DASHBOARDS.trading, DASHBOARDS.sentiment],
  })
    .withVariable(tradingVariable('symbol', 'Symbol', 'symbols'))
    .withVariable(tradingVariable('timeframe', 'Timeframe', 'timeframes'))
    .annotation(patternAnnotations({ timeframe: '$timeframe', minConfidence: MIN_CONFIDENCE }))
    .annotation(tradeAnnotations([]))
    .withRow(row('Price'))
    .withPanel(candles)
    .withRow(row('Patterns'))
    .withPanel(
      timeSeriesPanel({
        title: 'Patterns detected',
        unit: 'none',
        bars: true,
        stacked: true,
        queries: [tradingQuery({ queryType: 'patternCounts', symbols: ['$symbol'], timeframe: '$timeframe', minConfidence: MIN_CONFIDENCE })],
      }),
    )
    .withPanel(
      barGaugePanel({
        title: 'Patterns in the last KPI window (all symbols)',
        unit: 'none',
        queries: [promQuery('sum by (pattern, direction) (alphapulse_kpi_patterns_in_window)', { legend: '{{pattern}} ({{direction}})', instant: true })],
      }),
    )
    .withPanel(
      tablePanel({
        title: 'Detections (confidence ≥ 0.6)',
        unit: 'none',
        queries: [tradingQuery({ queryType: 'patternTable', symbols: ['$symbol'], timeframe: '$timeframe', minConfidence: MIN_CONFIDENCE })],
        width: 24,
        height: 9,
      }),
    )
    .withRow(row('Market data'))
    .withPanel(
      barGaugePanel({
        title: 'Newest candle age',
        description: 'Seconds since the newest 1m candle per symbol; StaleMarketData fires above 5 minutes during trading hours.',
        unit: 's',
        queries: [promQuery('max by (symbol) (alphapulse_kpi_newest_candle_age_seconds{timeframe="1m"})', { legend: '{{symbol}}', instant: true })],
        thresholds: rising(120, 300),
        width: 12,
        height: 10,
      }),
    )
    .withPanel(
      statPanel({
        title: 'Symbols with stale data',
        unit: 'none',
        queries: [promQuery('count(alphapulse_kpi_newest_candle_age_seconds{timeframe="1m"} > 300) or vector(0)', { legend: 'stale symbols' })],
        thresholds: rising(1, 5),
        width: 4,
        height: 5,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Volume ($symbol)',
        unit: 'none',
        bars: true,
        queries: [tradingQuery({ queryType: 'volume', symbols: ['$symbol'], timeframe: '$timeframe' })],
        width: 8,
        height: 10,
      }),
    );
}
