// The query model the datasource sends, validated with zod. The names (query types, P&L modes, search kinds)
// come from @alphapulse/contracts, which the datasource plugin imports too.
import { PNL_MODES, QUERY_TYPES, SEARCH_KINDS, SENTIMENT_SOURCES, type QueryType, type SearchKind } from '@alphapulse/contracts';
import { z } from 'zod';
import { MAX_TIME_MS, MIN_TIME_MS } from './buckets';
import type { QueryLimits } from './limits';

export { QUERY_TYPES, PNL_MODES, SENTIMENT_SOURCES, SEARCH_KINDS, type QueryType, type SearchKind };

// Names are matched as values in parameterised SQL; the pattern only keeps junk out of error messages and logs.
const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/ -]{0,63}$/, 'must be 1–64 letters, digits or . _ : / - and spaces');

function selection(limits: QueryLimits) {
  return z.array(name).max(limits.maxValuesPerSelection, `at most ${limits.maxValuesPerSelection} values`);
}

export function queryModelSchema(limits: QueryLimits) {
  const base = { refId: z.string().min(1).max(64) };
  const symbols = selection(limits).min(1, 'choose at least one symbol');
  const optional = selection(limits).default([]);
  const timeframe = name.default('1m');
  const confidence = z.number().min(0).max(1).default(0);
  const patternFilters = {
    symbols: optional,
    patternTypes: optional,
    timeframe: name.optional(),
    minConfidence: confidence,
  };
  return z.discriminatedUnion('queryType', [
    z.object({ ...base, queryType: z.literal('candles'), symbols, timeframe }),
    z.object({ ...base, queryType: z.literal('price'), symbols, timeframe }),
    z.object({ ...base, queryType: z.literal('volume'), symbols, timeframe }),
    z.object({ ...base, queryType: z.literal('trades'), symbols: optional, strategies: optional }),
    z.object({ ...base, queryType: z.literal('tradeMarkers'), symbols: optional, strategies: optional }),
    z.object({ ...base, queryType: z.literal('equity'), strategies: optional }),
    z.object({ ...base, queryType: z.literal('pnl'), strategies: optional, pnlMode: z.enum(PNL_MODES).default('cumulative') }),
    z.object({ ...base, queryType: z.literal('drawdown'), strategies: optional }),
    z.object({ ...base, queryType: z.literal('strategySummary'), strategies: optional }),
    z.object({ ...base, queryType: z.literal('patternCounts'), ...patternFilters }),
    z.object({ ...base, queryType: z.literal('patternTable'), ...patternFilters }),
    z.object({ ...base, queryType: z.literal('patternMarkers'), ...patternFilters }),
    z.object({ ...base, queryType: z.literal('sentiment'), symbols, sources: z.array(z.enum(SENTIMENT_SOURCES)).default([]) }),
    z.object({ ...base, queryType: z.literal('mentions'), symbols, sources: z.array(z.enum(SENTIMENT_SOURCES)).default([]) }),
  ]);
}
export type QueryModel = z.infer<ReturnType<typeof queryModelSchema>>;
export type QueryOf<T extends QueryType> = Extract<QueryModel, { queryType: T }>;

/** Epoch milliseconds of an ISO-8601 text or a number; NaN when unreadable or outside the years 0001-9999. */
export function parseTime(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && value.length <= 40 ? Date.parse(value) : NaN;
  return Number.isInteger(ms) && ms >= MIN_TIME_MS && ms <= MAX_TIME_MS ? ms : NaN;
}

const OUT_OF_RANGE = 'must be an ISO-8601 time or epoch milliseconds in the years 0001-9999';
const timestamp = z.union([
  z.number().int().min(MIN_TIME_MS, OUT_OF_RANGE).max(MAX_TIME_MS, OUT_OF_RANGE),
  z.string().max(40).refine((text) => !Number.isNaN(parseTime(text)), OUT_OF_RANGE),
]);

/** The batch envelope; each query inside is validated on its own so one bad query does not fail the others. */
export function queryRequestSchema(limits: QueryLimits) {
  return z
    .object({
      range: z.object({ from: timestamp, to: timestamp }),
      intervalMs: z.number().int().min(1).max(limits.maxRangeMs).optional(),
      maxDataPoints: z.number().int().min(1).max(1_000_000).optional(),
      queries: z
        .array(z.object({ refId: z.string().min(1).max(64) }).passthrough())
        .min(1, 'send at least one query')
        .max(limits.maxQueriesPerRequest, `at most ${limits.maxQueriesPerRequest} queries per request`),
    })
    .transform((request, ctx) => {
      const fromMs = toMs(request.range.from);
      const toMsValue = toMs(request.range.to);
      if (toMsValue < fromMs) ctx.addIssue({ code: 'custom', path: ['range', 'to'], message: 'must not be before range.from' });
      if (toMsValue - fromMs > limits.maxRangeMs) {
        ctx.addIssue({ code: 'custom', path: ['range'], message: `longer than the ${Math.round(limits.maxRangeMs / 86_400_000)} days allowed` });
      }
      return {
        fromMs,
        toMs: toMsValue,
        intervalMs: request.intervalMs ?? 60_000,
        // Clamped, not rejected: Grafana derives it from the panel's pixel width.
        maxDataPoints: Math.min(request.maxDataPoints ?? 1000, limits.maxDataPoints),
        queries: request.queries,
      };
    });
}
export type QueryRequest = z.infer<ReturnType<typeof queryRequestSchema>>;

const toMs = parseTime;

// No control characters: PostgreSQL refuses NUL in text (22021), and none belongs in a search box.
// eslint-disable-next-line no-control-regex
export const searchParamsSchema = z.object({ filter: z.string().max(64).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters').optional() });

/** "queries.0.symbols: choose at least one symbol" — the failing field and why, for 400 answers. */
export function describeIssues(error: z.ZodError): { field: string; reason: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: issue.message }));
}
