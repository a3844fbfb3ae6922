import { SENTIMENT_SERVICE_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';
import { LabelGuard } from './labelGuard';

export const sentimentServiceCollector = defineCollector({
  kind: 'sentiment_service',
  collect(stats, target, set, guard = new LabelGuard()) {
    for (const [source, counts] of guardedEntries(stats.sources, 'source', guard)) {
      set.add(M.messagesProcessed, { ...target, source }, counts?.messages_processed_total);
      set.add(M.apiErrors, { ...target, source }, counts?.api_errors_total);
    }
    // A repeated (symbol, source) would be a duplicate series; the last entry wins.
    const latest = new Map<string, { symbol: string; source: string; score?: number; confidence?: number }>();
    for (const entry of stats.scores ?? []) {
      if (entry.symbol === undefined || entry.source === undefined) continue;
      const symbol = guard.value('symbol', entry.symbol);
      const source = symbol === undefined ? undefined : guard.value('source', entry.source);
      if (symbol === undefined || source === undefined) continue;
      latest.set(`${symbol}\u0000${source}`, { symbol, source, score: entry.score, confidence: entry.confidence });
    }
    for (const { symbol, source, score, confidence } of latest.values()) {
      set.add(M.score, { ...target, symbol, source }, score);
      set.add(M.confidence, { ...target, symbol, source }, confidence);
    }
  },
});
