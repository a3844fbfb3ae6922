// Pattern detections: counts per pattern type and bucket, and raw rows for the table and annotations,
// all above a minimum confidence.
import { TABLES } from '../relations';
import { type BucketWindow, type RawWindow, type SqlQuery, type SqlTarget, Params, anyOf, bucketParam, bucketSql } from './common';

export interface PatternFilters {
  symbols: readonly string[];
  patternTypes: readonly string[];
  timeframe?: string;
  minConfidence: number;
}

function filters(params: Params, selection: PatternFilters): string {
  return (
    ` AND confidence >= ${params.add(selection.minConfidence, 'float8')}` +
    anyOf(params, 'symbol', selection.symbols) +
    anyOf(params, 'pattern', selection.patternTypes) +
    (selection.timeframe ? ` AND timeframe = ${params.add(selection.timeframe)}` : '')
  );
}

export function buildPatternCountsSql(target: SqlTarget, window: BucketWindow, selection: PatternFilters): SqlQuery {
  const params = new Params();
  const bucket = bucketSql(target, bucketParam(params, window.bucketMs));
  const text = `SELECT pattern, ${bucket} AS time, count(*)::int AS count
FROM ${TABLES.patterns}
WHERE time >= ${params.time(window.fromMs)} AND time < ${params.time(window.toMs)}${filters(params, selection)}
GROUP BY pattern, 2
ORDER BY pattern, 2`;
  return { text, values: params.values };
}

export function buildPatternRowsSql(window: RawWindow, selection: PatternFilters, maxRows: number): SqlQuery {
  const params = new Params();
  const text = `SELECT time, symbol, timeframe, pattern, direction, confidence, price
FROM ${TABLES.patterns}
WHERE time >= ${params.time(window.fromMs)} AND time <= ${params.time(window.toMs)}${filters(params, selection)}
ORDER BY time DESC, symbol, pattern
LIMIT ${params.add(maxRows + 1, 'int')}`;
  return { text, values: params.values };
}
