// Builds the body of POST /query from a Grafana request, pure.
import { type DataQueryRequest } from '@grafana/data';
import { type ReplaceFn, interpolateQuery } from './interpolate';
import { migrateQuery } from './migrate';
import { type AlphaPulseQuery, isRunnable } from './types/query.types';

export interface QueryRequestBody {
  range: { from: string; to: string };
  intervalMs: number;
  maxDataPoints: number;
  queries: AlphaPulseQuery[];
}

/** Migrated, interpolated, runnable queries only; `null` when there is nothing to send. */
export function buildQueryRequest(request: DataQueryRequest<AlphaPulseQuery>, replace: ReplaceFn): QueryRequestBody | null {
  const queries = request.targets
    .map((target) => interpolateQuery(migrateQuery(target), replace, request.scopedVars))
    .filter(isRunnable)
    .map(({ datasource: _datasource, hide: _hide, ...query }) => query as AlphaPulseQuery);
  if (queries.length === 0) {
    return null;
  }
  return {
    range: { from: request.range.from.toISOString(), to: request.range.to.toISOString() },
    intervalMs: Math.max(1, Math.round(request.intervalMs)),
    maxDataPoints: Math.max(1, Math.round(request.maxDataPoints ?? 1000)),
    queries,
  };
}
