import { bucketExpression, CANDLE_RELATIONS, pickCandleRelation } from '../src/db/timeBucket';
import { retentionDaysFromEnv, hypertableStatements, continuousAggregateStatements, refreshStartOffset } from '../src/db/timescaleFeatures';
import { plainAggregateStatements } from '../src/db/plainAggregates';

describe('bucketExpression', () => {
  test('uses time_bucket with TimescaleDB and date_bin with a fixed origin without it', () => {
    expect(bucketExpression({ timescaledb: true }, '5 minutes')).toBe(`time_bucket(INTERVAL '5 minutes', time)`);
    expect(bucketExpression({ timescaledb: false }, '1 hour', 'bucket')).toBe(
      `date_bin(INTERVAL '1 hour', bucket, TIMESTAMPTZ '2000-01-01 00:00:00+00')`,
    );
  });

  test('accepts a bind placeholder for the interval', () => {
    expect(bucketExpression({ timescaledb: false }, '$3')).toBe(`date_bin($3::interval, time, TIMESTAMPTZ '2000-01-01 00:00:00+00')`);
    expect(bucketExpression({ timescaledb: true }, '$1')).toBe(`time_bucket($1::interval, time)`);
  });

  test.each([`1 hour'); DROP TABLE x; --`, '1 fortnight', '', 'hour'])('rejects interval %p', (interval) => {
    expect(() => bucketExpression({ timescaledb: false }, interval)).toThrow(/interval/);
  });

  test('rejects a column that is not a plain identifier', () => {
    expect(() => bucketExpression({ timescaledb: false }, '1 hour', 'time; --')).toThrow(/column/);
  });
});

describe('pickCandleRelation', () => {
  test('picks the finest relation within the point budget', () => {
    expect(pickCandleRelation(6 * 3_600_000, 1000).relation).toBe('alphapulse.candles');
    expect(pickCandleRelation(30 * 86_400_000, 1000).relation).toBe('alphapulse.candles_1h');
    expect(pickCandleRelation(5 * 365 * 86_400_000, 1000).relation).toBe('alphapulse.candles_1d');
    expect(pickCandleRelation(50 * 365 * 86_400_000, 1000)).toBe(CANDLE_RELATIONS[2]);
  });
});

describe('TimescaleDB-only SQL (built, not executed here)', () => {
  test('hypertables, compression and continuous aggregates are one statement each, all idempotent', () => {
    const statements = [...hypertableStatements(), ...continuousAggregateStatements()];
    for (const sql of statements) expect(sql.trim().split(';').filter((part) => part.trim()).length).toBe(1);
    expect(hypertableStatements()[0]).toBe('CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public');
    expect(statements.filter((s) => s.includes('create_hypertable')).every((s) => s.includes('if_not_exists => TRUE'))).toBe(true);
    expect(statements.filter((s) => s.includes('CREATE MATERIALIZED VIEW')).every((s) => s.includes('IF NOT EXISTS') && s.includes('timescaledb.continuous'))).toBe(true);
    expect(statements.filter((s) => s.includes('add_continuous_aggregate_policy'))).toHaveLength(5);
  });

  test('continuous aggregates and plain views define the same relations', () => {
    const names = (list: string[]) => list.map((s) => /(?:VIEW(?: IF NOT EXISTS)?) (\S+)/.exec(s)?.[1]).filter(Boolean).sort();
    expect(names(continuousAggregateStatements())).toEqual(names(plainAggregateStatements()));
  });

  test('retention is off unless ALPHAPULSE_RETENTION_DAYS is a positive integer', () => {
    expect(retentionDaysFromEnv({})).toBeNull();
    expect(retentionDaysFromEnv({ ALPHAPULSE_RETENTION_DAYS: ' ' })).toBeNull();
    expect(retentionDaysFromEnv({ ALPHAPULSE_RETENTION_DAYS: '90' })).toBe(90);
    expect(() => retentionDaysFromEnv({ ALPHAPULSE_RETENTION_DAYS: '-3' })).toThrow(/positive integer/);
    // Shorter than a chunk would leave the aggregates' refresh window no room clear of dropped chunks.
    expect(() => retentionDaysFromEnv({ ALPHAPULSE_RETENTION_DAYS: '3' })).toThrow(/at least 7/);
    expect(retentionDaysFromEnv({ ALPHAPULSE_RETENTION_DAYS: '7' })).toBe(7);
  });

  test('refresh windows cover all history without retention and stop a day short of the retention horizon with it', () => {
    expect(continuousAggregateStatements().filter((s) => s.includes('add_continuous_aggregate_policy')).every((s) => s.includes('start_offset => NULL'))).toBe(true);
    expect(refreshStartOffset(null)).toBeNull();
    expect(refreshStartOffset(30)).toBe('29 days');
  });
});
