// The SQL builders are pure: client values only ever appear in `values`, and the statements read the right relations.
import { AGGREGATES, TABLES } from '../relations';
import { buildCandlesSql, candleSource } from './candles';
import { bucketSql } from './common';
import { buildPatternCountsSql, buildPatternRowsSql } from './patterns';
import { buildSearchSql, likePattern } from './search';
import { buildSentimentSql } from './sentiment';
import { buildDrawdownSql, buildEquitySql, buildPnlSql, buildStrategySummarySql } from './strategies';
import { buildTradesSql } from './trades';

const HOUR = 3_600_000;
const window = { fromMs: Date.UTC(2026, 0, 5), toMs: Date.UTC(2026, 0, 6), bucketMs: HOUR };
const plain = { timescaledb: false };
const timescale = { timescaledb: true };
const hostile = "x'); DROP TABLE alphapulse.trades; --";

const everyBuilder = () => [
  buildCandlesSql(plain, window, { symbols: [hostile], timeframe: hostile }),
  buildCandlesSql(timescale, window, { symbols: [hostile], timeframe: '1m' }, 'close'),
  buildTradesSql(window, { symbols: [hostile], strategies: [hostile] }, 10),
  buildEquitySql(plain, window, [hostile]),
  buildPnlSql(timescale, window, [hostile], 'cumulative'),
  buildDrawdownSql(plain, window, [hostile]),
  buildStrategySummarySql(window, [hostile]),
  buildPatternCountsSql(plain, window, { symbols: [hostile], patternTypes: [hostile], timeframe: hostile, minConfidence: 0.5 }),
  buildPatternRowsSql(window, { symbols: [hostile], patternTypes: [hostile], minConfidence: 0.5 }, 10),
  buildSentimentSql(timescale, window, { symbols: [hostile], sources: [hostile] }, 'score'),
  buildSearchSql('symbols', hostile),
];

test('client values never reach the SQL text, and every placeholder has a value', () => {
  for (const query of everyBuilder()) {
    expect(query.text).not.toContain('DROP');
    const placeholders = new Set([...query.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect(Math.max(...placeholders)).toBe(query.values.length);
    expect(placeholders.size).toBe(query.values.length);
  }
});

test('candles: the continuous aggregates only with TimescaleDB and whole hour/day buckets', () => {
  expect(candleSource(plain, 86_400_000, '1m').relation).toBe(TABLES.candles);
  expect(candleSource(timescale, 86_400_000, '1m').relation).toBe(AGGREGATES.candles1d);
  expect(candleSource(timescale, 2 * HOUR, '1m').relation).toBe(AGGREGATES.candles1h);
  expect(candleSource(timescale, 30 * 60_000, '1m').relation).toBe(TABLES.candles);
  expect(candleSource(timescale, HOUR, '5m').relation).toBe(TABLES.candles);
  const sql = buildCandlesSql(timescale, { ...window, bucketMs: 86_400_000 }, { symbols: ['AAA'], timeframe: '1m' });
  expect(sql.text).toContain('FROM alphapulse.candles_1d');
  expect(sql.text).toContain('first(open, bucket)');
  expect(sql.values).toEqual(['86400 seconds', ['AAA'], '1m', '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z']);
});

test('time_bucket and date_bin share the origin, so both databases bucket alike', () => {
  expect(bucketSql(plain, '$1::interval')).toBe("date_bin($1::interval, time, TIMESTAMPTZ '2000-01-01T00:00:00.000Z')");
  expect(bucketSql(timescale, '$1::interval', 'bucket')).toBe("time_bucket($1::interval, bucket, TIMESTAMPTZ '2000-01-01T00:00:00.000Z')");
  expect(() => bucketSql(plain, '$1', 'time; --')).toThrow();
});

test('sentiment re-weights the hourly aggregate with TimescaleDB and reads raw rows otherwise', () => {
  expect(buildSentimentSql(timescale, window, { symbols: ['A'], sources: [] }, 'score').text).toContain('weighted_score * avg_confidence * samples');
  expect(buildSentimentSql(plain, window, { symbols: ['A'], sources: [] }, 'score').text).toContain('FROM alphapulse.sentiment\n');
  expect(buildSentimentSql(timescale, { ...window, bucketMs: 60_000 }, { symbols: ['A'], sources: [] }, 'mentions').text).toContain('FROM alphapulse.sentiment\n');
});

test('an empty selection means all values: no filter, no parameter', () => {
  const all = buildEquitySql(plain, window, []);
  expect(all.text).not.toContain('ANY');
  expect(all.values).toHaveLength(3);
});

test('search filters match literally, wildcards escaped', () => {
  expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
  expect(buildSearchSql('sources', undefined).values).toEqual([]);
});
