// sentiment_service: messages per source, and the scores per symbol and source of the emulated market
// (world/tradingWorld.ts): the latest sentiment rows in the database, same symbols, sources and numbers.
// Message counts and source API outages are the service's own.
import { SENTIMENT_SOURCES } from '@alphapulse/contracts';
import { defineKind, roundTo } from './kindModule';

type Source = (typeof SENTIMENT_SOURCES)[number];

const MESSAGES_PER_SECOND: Record<Source, number> = { twitter: 40, reddit: 10, news: 1.5 };
/** Chance per second that a source's API starts an outage (rate limit, 5xx) lasting a minute or two. */
const OUTAGE_PROBABILITY = 1 / 7200;

interface SourceState {
  messages: number;
  apiErrors: number;
  outageSecondsLeft: number;
}

interface SentimentServiceState {
  sources: Record<Source, SourceState>;
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
  createState: (): SentimentServiceState => ({
    sources: Object.fromEntries(SENTIMENT_SOURCES.map((s) => [s, { messages: 0, apiErrors: 0, outageSecondsLeft: 0 }])) as Record<Source, SourceState>,
  }),
  step(state, { rng, process }) {
    for (const source of SENTIMENT_SOURCES) {
      const s = state.sources[source];
      if (s.outageSecondsLeft > 0) {
        s.outageSecondsLeft--;
        s.apiErrors += rng.integer(1, 3);
        process.warningCount++;
        continue;
      }
      if (rng.chance(OUTAGE_PROBABILITY)) s.outageSecondsLeft = rng.integer(30, 150);
      s.apiErrors += rng.poisson(0.0005);
      s.messages += rng.poisson(MESSAGES_PER_SECOND[source] * process.load);
    }
  },
  stats: (state, common, { world: { market } }) => ({
    ...common,
    sources: Object.fromEntries(
      SENTIMENT_SOURCES.map((source) => [
        source,
        { messages_processed_total: state.sources[source].messages, api_errors_total: state.sources[source].apiErrors },
      ]),
    ),
    scores: market.sentiment.map((s) => ({ symbol: s.symbol, source: s.source, score: roundTo(s.score, 4), confidence: roundTo(s.confidence, 4) })),
  }),
  performanceMetrics: (state) =>
    Object.fromEntries(SENTIMENT_SOURCES.map((source) => [`${source}_outage`, state.sources[source].outageSecondsLeft > 0 ? 1 : 0])),
  externalOutages: (state) => SENTIMENT_SOURCES.filter((source) => state.sources[source].outageSecondsLeft > 0).map((source) => `${source}_api`),
  degradedReason: (state) => {
    const failing = SENTIMENT_SOURCES.filter((source) => state.sources[source].outageSecondsLeft > 0);
    return failing.length > 0 ? `source API outage: ${failing.join(', ')}` : undefined;
  },
});
