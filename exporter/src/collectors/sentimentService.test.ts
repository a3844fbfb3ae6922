import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { sentimentServiceCollector } from './sentimentService';

test('sentiment_service: messages and API errors per source, score and confidence per symbol and source', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  sentimentServiceCollector.collect(exampleStats.sentiment_service, target, set);
  expect(set.value('alphapulse_sentiment_service_messages_processed_total', { ...target, source: 'reddit' })).toBe(311_020);
  expect(set.value('alphapulse_sentiment_service_api_errors_total', { ...target, source: 'twitter' })).toBe(14);
  expect(set.value('alphapulse_sentiment_service_score', { ...target, symbol: 'AAPL', source: 'reddit' })).toBe(-0.22);
  expect(set.value('alphapulse_sentiment_service_confidence_ratio', { ...target, symbol: 'BTCUSD', source: 'news' })).toBe(0.81);
});

test('sentiment_service: a repeated (symbol, source) keeps the last score only', () => {
  const set = new MetricSet();
  const score = { symbol: 'BTCUSD', source: 'news', score: 0.1, confidence: 0.5 };
  sentimentServiceCollector.collect({ ...exampleStats.sentiment_service, scores: [score, { ...score, score: 0.2 }] }, { service: 'x', instance: 'h:1' }, set);
  expect(set.toFamilies().find((f) => f.definition.name === 'alphapulse_sentiment_service_score')?.samples.map((s) => s.value)).toEqual([0.2]);
});
