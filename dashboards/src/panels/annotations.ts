// Trades and pattern detections from our datasource, drawn as annotations on every time axis of a dashboard.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCES } from '../grafana/ids';
import { tradingQuery } from './queries';

export function tradeAnnotations(strategies: string[]): dashboard.AnnotationQueryBuilder {
  return new dashboard.AnnotationQueryBuilder()
    .name('Trades')
    .datasource(DATASOURCES.alphapulse)
    .enable(true)
    .iconColor('blue')
    .target(tradingQuery({ refId: 'tradeMarkers', queryType: 'tradeMarkers', strategies, symbols: ['$symbol'] }));
}

export function patternAnnotations(options: { timeframe: string; minConfidence: number }): dashboard.AnnotationQueryBuilder {
  return new dashboard.AnnotationQueryBuilder()
    .name('Patterns')
    .datasource(DATASOURCES.alphapulse)
    .enable(true)
    .iconColor('purple')
    .target(tradingQuery({ refId: 'patternMarkers', queryType: 'patternMarkers', symbols: ['$symbol'], ...options }));
}
