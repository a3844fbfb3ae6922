// Sentiment per symbol and source every SENTIMENT_INTERVAL_MS: a latent mood that follows recent returns
// and rare news shocks, seen through sources of different noise, reach and confidence.
import type { Random } from './random';
import type { SymbolSpec } from './symbols';
import { SENTIMENT_SOURCES, type SentimentSource } from '../db/schema';

/**
 * 15 minutes: 3 sources × 20 symbols × 96 a day ≈ 173k rows for the 30-day backfill (about the size of the
 * equity snapshots), enough for the hourly aggregate (4 samples per bucket) without dominating backfill time.
 */
export const SENTIMENT_INTERVAL_MS = 15 * 60_000;

export interface SentimentState {
  mood: number;
  shock: number;
  referencePrice: number;
}

export interface SentimentReading {
  source: SentimentSource;
  score: number;
  confidence: number;
  mentions: number;
}

const SOURCES: Record<SentimentSource, { noise: number; reach: number; baseConfidence: number; sensitivity: number }> = {
  twitter: { noise: 0.22, reach: 40, baseConfidence: 0.45, sensitivity: 1.2 },
  reddit: { noise: 0.28, reach: 12, baseConfidence: 0.5, sensitivity: 1.0 },
  news: { noise: 0.1, reach: 2, baseConfidence: 0.75, sensitivity: 0.7 },
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0; // + 0 turns -0 into 0

export function createSentimentState(price: number): SentimentState {
  return { mood: 0, shock: 0, referencePrice: price };
}

/** One reading per source for `price` now; mutates the state (mood, decaying shock, reference price). */
export function nextSentiment(state: SentimentState, spec: SymbolSpec, price: number, activity: number, random: Random): SentimentReading[] {
  const interval = spec.annualVolatility * Math.sqrt(SENTIMENT_INTERVAL_MS / 60_000 / 525_600);
  const move = Math.log(price / state.referencePrice) / interval; // in standard deviations
  state.referencePrice = price;
  state.shock *= 0.85;
  if (random.chance(0.004)) state.shock += (random.next() < 0.5 ? -1 : 1) * random.between(0.4, 0.8);
  state.mood = clamp(0.8 * state.mood + 0.2 * Math.tanh(move / 2) + 0.05 * random.normal(), -1, 1);
  const popularity = Math.sqrt(spec.minuteNotional / 100_000);
  const buzz = 1 + 4 * Math.abs(state.shock) + 0.5 * Math.abs(move);
  return SENTIMENT_SOURCES.map((source) => {
    const s = SOURCES[source];
    const score = round(clamp((state.mood + state.shock) * s.sensitivity + s.noise * random.normal(), -1, 1), 4);
    const mentions = Math.max(0, Math.round(s.reach * popularity * buzz * Math.max(0.2, activity) * Math.exp(0.4 * random.normal())));
    const confidence = round(clamp(s.baseConfidence + 0.08 * Math.log10(1 + mentions) + 0.05 * random.normal(), 0.05, 0.99), 3);
    return { source, score, confidence, mentions };
  });
}
