// Sentiment: score per symbol and source over time, mention volume, and shifts away from the recent mean.
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { barGaugePanel, rising, row, thresholds, timeSeriesPanel } from '../panels/common';
import { promQuery, tradingQuery } from '../panels/queries';
import { tradingVariable } from '../panels/variables';

const SCORE_COLOURS = thresholds([
  { value: null, color: 'red' },
  { value: -0.2, color: 'yellow' },
  { value: 0.2, color: 'green' },
]);

export function sentimentDashboard() {
  return baseDashboard(DASHBOARDS.sentiment, {
    tags: ['trading', 'sentiment'],
    refresh: '1m',
    from: 'now-24h',
    description: 'Sentiment score (−1 bearish … 1 bullish) per symbol and source, mention volume and shifts.',
    related: [DASHBOARDS.market, DASHBOARDS.trading],
  })
    .withVariable(tradingVariable('symbol', 'Symbols', 'symbols', { multi: true }))
    .withVariable(tradingVariable('source', 'Sources', 'sources', { multi: true }))
    .withRow(row('Over time'))
    .withPanel(
      timeSeriesPanel({
        title: 'Sentiment score',
        description: 'Confidence-weighted score per symbol and source.',
        unit: 'none',
        min: -1,
        max: 1,
        queries: [tradingQuery({ queryType: 'sentiment', symbols: ['$symbol'], sources: ['$source'] })],
        width: 16,
        height: 9,
      }),
    )
    .withPanel(
      barGaugePanel({
        title: 'Shift from the 6 h mean',
        description: 'Current score minus its 6-hour mean; SentimentShift reports moves beyond ±0.4.',
        unit: 'none',
        min: -1,
        max: 1,
        queries: [
          promQuery(
            'avg by (symbol) (alphapulse_kpi_sentiment_score{symbol=~"$symbol"}) - avg by (symbol) (avg_over_time(alphapulse_kpi_sentiment_score{symbol=~"$symbol"}[6h]))',
            { legend: '{{symbol}}', instant: true },
          ),
        ],
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: -0.4, color: 'green' },
          { value: 0.4, color: 'red' },
        ]),
        width: 8,
        height: 9,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Mentions',
        unit: 'none',
        bars: true,
        stacked: true,
        queries: [tradingQuery({ queryType: 'mentions', symbols: ['$symbol'], sources: ['$source'] })],
        width: 24,
      }),
    )
    .withRow(row('Now'))
    .withPanel(
      barGaugePanel({
        title: 'Current score by symbol and source',
        unit: 'none',
        min: -1,
        max: 1,
        queries: [promQuery('alphapulse_kpi_sentiment_score{symbol=~"$symbol", source=~"$source"}', { legend: '{{symbol}} {{source}}', instant: true })],
        thresholds: SCORE_COLOURS,
      }),
    )
    .withPanel(
      barGaugePanel({
        title: 'Confidence',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [promQuery('alphapulse_kpi_sentiment_confidence_ratio{symbol=~"$symbol", source=~"$source"}', { legend: '{{symbol}} {{source}}', instant: true })],
      }),
    )
    .withRow(row('Pipeline'))
    .withPanel(
      timeSeriesPanel({
        title: 'Messages processed per source',
        unit: 'ops',
        queries: [promQuery('sum by (source) (rate(alphapulse_sentiment_service_messages_processed_total[$__rate_interval]))', { legend: '{{source}}' })],
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Source API errors',
        unit: 'ops',
        queries: [promQuery('sum by (source) (rate(alphapulse_sentiment_service_api_errors_total[$__rate_interval]))', { legend: '{{source}}' })],
        thresholds: rising(0.1, 1),
      }),
    );
}
