// sentiment_service: messages per source scored per symbol. Each symbol has a slowly wandering mood
// with occasional sudden shifts (news); each source sees it with its own bias and noise.
import { SENTIMENT_SOURCES } from '@alphapulse/contracts';
import { clamp, defineKind, roundTo } from './kindModule';

type Source = (typeof SENTIMENT_SOURCES)[number];

export const SENTIMENT_SYMBOLS = ['BTCUSD', 'ETHUSD', 'SOLUSD', 'AAPL', 'NVDA', 'TSLA', 'SPY'] as const;

const MESSAGES_PER_SECOND: Record<Source, number> = { twitter: 40, reddit: 10, news: 1.5 };
/** Chance per second that a source's API starts an outage (rate limit, 5xx) lasting a minute or two. */
const OUTAGE_PROBABILITY = 1 / 7200;

interface SourceState {
  messages: number;
  apiErrors: number;
  outageSecondsLeft: number;
}

interface ScoreState {
  symbol: string;
  source: Source;
  score: number;
  confidence: number;
}

interface SentimentServiceState {
  sources: Record<Source, SourceState>;
  mood: Map<string, number>;
  scores: ScoreState[];
}

export const sentimentService = defineKind({
  kind: 'sentiment_service',
  profile: {
    version: '1.4.0',
    requestsPerSecond: 50,
    latencyMedianSeconds: 0.02,
    latencySigma: 0.6,
    cpuSecondsPerRequest: 0.003,
    idleCpuSecondsPerSecond: 0.02,
    baseMemoryBytes: 700 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 18_000,
    errorBurstsPerHour: 0.2,
  },
  createState: (rng): SentimentServiceState => ({
    sources: Object.fromEntries(SENTIMENT_SOURCES.map((s) => [s, { messages: 0, apiErrors: 0, outageSecondsLeft: 0 }])) as Record<Source, SourceState>,
    mood: new Map(SENTIMENT_SYMBOLS.map((symbol) => [symbol, rng.between(-0.3, 0.4)])),
    scores: SENTIMENT_SYMBOLS.flatMap((symbol) => SENTIMENT_SOURCES.map((source) => ({ symbol, source, score: 0, confidence: 0.5 }))),
  }),
  step(state, { rng, process }) {
    for (const [symbol, mood] of state.mood) {
      const shift = rng.chance(1 / 5400) ? rng.between(-0.6, 0.6) : 0;
      // Mean-reverting toward neutral, so moods neither stick at ±1 nor drift away.
      state.mood.set(symbol, clamp(mood * 0.9995 + 0.01 * rng.normal() + shift, -1, 1));
    }
    const messagesThisTick = {} as Record<Source, number>;
    for (const source of SENTIMENT_SOURCES) {
      const s = state.sources[source];
      if (s.outageSecondsLeft > 0) {
        s.outageSecondsLeft--;
        s.apiErrors += rng.integer(1, 3);
        process.warningCount++;
        messagesThisTick[source] = 0;
        continue;
      }
      if (rng.chance(OUTAGE_PROBABILITY)) s.outageSecondsLeft = rng.integer(30, 150);
      s.apiErrors += rng.poisson(0.0005);
      messagesThisTick[source] = rng.poisson(MESSAGES_PER_SECOND[source] * process.load);
      s.messages += messagesThisTick[source];
    }
    for (const score of state.scores) {
      const mood = state.mood.get(score.symbol) ?? 0;
      const noise = score.source === 'news' ? 0.02 : 0.05;
      score.score = clamp(0.97 * score.score + 0.03 * mood + noise * rng.normal(), -1, 1);
      // Confidence follows how many messages back the score.
      const perSymbol = messagesThisTick[score.source] / SENTIMENT_SYMBOLS.length;
      score.confidence = clamp(0.98 * score.confidence + 0.02 * (1 - Math.exp(-perSymbol / 2)), 0, 1);
    }
  },
  stats: (state, common) => ({
    ...common,
    sources: Object.fromEntries(
      SENTIMENT_SOURCES.map((source) => [
        source,
        { messages_processed_total: state.sources[source].messages, api_errors_total: state.sources[source].apiErrors },
      ]),
    ),
    scores: state.scores.map((s) => ({ symbol: s.symbol, source: s.source, score: roundTo(s.score, 4), confidence: roundTo(s.confidence, 4) })),
  }),
  performanceMetrics: (state) =>
    Object.fromEntries(SENTIMENT_SOURCES.map((source) => [`${source}_outage`, state.sources[source].outageSecondsLeft > 0 ? 1 : 0])),
  externalOutages: (state) => SENTIMENT_SOURCES.filter((source) => state.sources[source].outageSecondsLeft > 0).map((source) => `${source}_api`),
  degradedReason: (state) => {
    const failing = SENTIMENT_SOURCES.filter((source) => state.sources[source].outageSecondsLeft > 0);
    return failing.length > 0 ? `source API outage: ${failing.join(', ')}` : undefined;
  },
});
