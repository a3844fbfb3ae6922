// Sentiment per symbol (and per source when sources are chosen): the confidence-weighted mean score
// Σ(score·confidence)/Σ(confidence) and the mention volume per bucket. With TimescaleDB and whole-hour buckets
// the hourly aggregate is re-weighted: Σ(confidence) = avg_confidence·samples in each hour.
import { AGGREGATES, HOUR_MS, TABLES } from '../relations';
import { type BucketWindow, type SqlQuery, type SqlTarget, Params, anyOf, bucketParam, bucketSql, coversWholeAggregateBuckets } from './common';

export function buildSentimentSql(
  target: SqlTarget,
  window: BucketWindow,
  selection: { symbols: readonly string[]; sources: readonly string[] },
  measure: 'score' | 'mentions',
): SqlQuery {
  const params = new Params();
  const fromAggregate = target.timescaledb && coversWholeAggregateBuckets(window.bucketMs, HOUR_MS);
  const time = fromAggregate ? 'bucket' : 'time';
  const bucket = bucketSql(target, bucketParam(params, window.bucketMs), time);
  const bySource = selection.sources.length > 0;
  const weight = fromAggregate ? 'avg_confidence * samples' : 'confidence';
  const weightedScore = fromAggregate ? 'weighted_score * avg_confidence * samples' : 'score * confidence';
  const value =
    measure === 'score'
      ? `sum(${weightedScore}) / NULLIF(sum(${weight}), 0) AS score`
      : 'sum(mentions)::float8 AS mentions';
  const text = `SELECT symbol, ${bySource ? 'source' : 'NULL::text AS source'}, ${bucket} AS time, ${value}
FROM ${fromAggregate ? AGGREGATES.sentiment1h : TABLES.sentiment}
WHERE symbol = ANY(${params.add([...selection.symbols], 'text[]')})${anyOf(params, 'source', selection.sources)}
  AND ${time} >= ${params.time(window.fromMs)} AND ${time} < ${params.time(window.toMs)}
GROUP BY symbol${bySource ? ', source' : ''}, 3
ORDER BY symbol${bySource ? ', source' : ''}, 3`;
  return { text, values: params.values };
}
