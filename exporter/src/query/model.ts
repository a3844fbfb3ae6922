// The query model the datasource sends, validated with zod. The names (query types, P&L modes, search kinds)
// come from @alphapulse/contracts, which the datasource plugin imports too.
import { PNL_MODES, QUERY_TYPES, SEARCH_KINDS, SENTIMENT_SOURCES, type QueryType, type SearchKind } from '@alphapulse/contracts';
import { z } from 'zod';
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

const timestamp = z.union([
  z.number().int().min(0).max(8.64e15),
  z.string().max(40).refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO-8601 time or epoch milliseconds'),
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

function toMs(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

export const searchParamsSchema = z.object({ filter: z.string().max(64).optional() });

/** "queries.0.symbols: choose at least one symbol" — the failing field and why, for 400 answers. */
export function describeIssues(error: z.ZodError): { field: string; reason: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: issue.message }));
}
