import { z } from 'zod';
import { count, ratio } from '../common';
import { commonStatsShape } from './common';

export const sentimentSourceStatsSchema = z.looseObject({
  messages_processed_total: count,
  api_errors_total: count,
});

export const sentimentScoreSchema = z.looseObject({
  symbol: z.string().min(1),
  source: z.string().min(1),
  /** −1 (bearish) … 1 (bullish). */
  score: z.number().finite().min(-1).max(1),
  confidence: ratio,
});

export const sentimentServiceStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Keyed by source: twitter, reddit, news. */
  sources: z.record(z.string().min(1), sentimentSourceStatsSchema),
  scores: z.array(sentimentScoreSchema),
});
export type SentimentServiceStats = z.infer<typeof sentimentServiceStatsSchema>;
