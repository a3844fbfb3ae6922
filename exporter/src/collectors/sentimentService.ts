import { SENTIMENT_SERVICE_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';

export const sentimentServiceCollector = defineCollector({
  kind: 'sentiment_service',
  collect(stats, target, set) {
    for (const [source, counts] of Object.entries(stats.sources)) {
      set.add(M.messagesProcessed, { ...target, source }, counts.messages_processed_total);
      set.add(M.apiErrors, { ...target, source }, counts.api_errors_total);
    }
    // A repeated (symbol, source) would be a duplicate series; the last entry wins.
    const latest = new Map<string, (typeof stats.scores)[number]>();
    for (const score of stats.scores) latest.set(`${score.symbol}\u0000${score.source}`, score);
    for (const { symbol, source, score, confidence } of latest.values()) {
      set.add(M.score, { ...target, symbol, source }, score);
      set.add(M.confidence, { ...target, symbol, source }, confidence);
    }
  },
});
