// EVERYTHING TimescaleDB-only lives here: hypertables, compression, continuous aggregates and their policies,
// retention. The migrations call these only when the extension is available; plain PostgreSQL never sees them.
// Written for the TimescaleDB 2.13+ API (by_range dimension builder); not in CI, checked by hand on 2.28.3 (docs/data-model.md).
import type { ClientBase } from 'pg';
import { AGGREGATES, TABLES } from './schema';

interface HypertableLayout {
  table: string;
  chunkInterval: string;
  segmentBy: string;
  /** Together with segmentBy it covers every primary-key column, as TimescaleDB wants for unique indexes. */
  orderBy: string;
}

/** Chunk sizes keep one chunk of every table well inside memory for 50+ symbols (7 days of 1-minute candles ≈ 500k rows). */
export const HYPERTABLES: HypertableLayout[] = [
  { table: TABLES.candles, chunkInterval: '7 days', segmentBy: 'symbol, timeframe', orderBy: 'time DESC' },
  { table: TABLES.trades, chunkInterval: '7 days', segmentBy: 'strategy', orderBy: 'time DESC, trade_id' },
  { table: TABLES.equitySnapshots, chunkInterval: '7 days', segmentBy: 'strategy', orderBy: 'time DESC' },
  { table: TABLES.patterns, chunkInterval: '30 days', segmentBy: 'symbol', orderBy: 'timeframe, pattern, time DESC' },
  { table: TABLES.sentiment, chunkInterval: '30 days', segmentBy: 'symbol, source', orderBy: 'time DESC' },
];

/** Chunks older than this are compressed; older than two chunk intervals so live writes never hit a compressed chunk. */
export const COMPRESS_AFTER = '14 days';

/** One statement per entry: node-pg-migrate runs each separately, which continuous aggregates require. */
export function hypertableStatements(): string[] {
  // WITH SCHEMA public: the migration's search_path starts with alphapulse, and readers expect time_bucket() in public.
  const statements = ['CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public'];
  for (const { table, chunkInterval, segmentBy, orderBy } of HYPERTABLES) {
    statements.push(
      `SELECT create_hypertable('${table}', by_range('time', INTERVAL '${chunkInterval}'), if_not_exists => TRUE)`,
      `ALTER TABLE ${table} SET (timescaledb.compress, timescaledb.compress_segmentby = '${segmentBy}', timescaledb.compress_orderby = '${orderBy}')`,
      `SELECT add_compression_policy('${table}', compress_after => INTERVAL '${COMPRESS_AFTER}', if_not_exists => TRUE)`,
    );
  }
  return statements;
}

interface ContinuousAggregate {
  name: string;
  select: string;
  /** Refresh schedule; the window ends endOffset before now (the open bucket is served by real-time aggregation). */
  endOffset: string;
  scheduleInterval: string;
}

const CONTINUOUS_AGGREGATES: ContinuousAggregate[] = [
  {
    name: AGGREGATES.candles1h,
    select: `SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, symbol, timeframe,
       first(open, time) AS open, max(high) AS high, min(low) AS low, last(close, time) AS close, sum(volume) AS volume
     FROM ${TABLES.candles} GROUP BY time_bucket(INTERVAL '1 hour', time), symbol, timeframe`,
    endOffset: '1 hour',
    scheduleInterval: '15 minutes',
  },
  {
    name: AGGREGATES.candles1d,
    select: `SELECT time_bucket(INTERVAL '1 day', time) AS bucket, symbol, timeframe,
       first(open, time) AS open, max(high) AS high, min(low) AS low, last(close, time) AS close, sum(volume) AS volume
     FROM ${TABLES.candles} GROUP BY time_bucket(INTERVAL '1 day', time), symbol, timeframe`,
    endOffset: '1 hour',
    scheduleInterval: '1 hour',
  },
  {
    name: AGGREGATES.sentiment1h,
    select: `SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, symbol, source,
       avg(score) AS avg_score, sum(score * confidence) / NULLIF(sum(confidence), 0) AS weighted_score,
       avg(confidence) AS avg_confidence, sum(mentions) AS mentions, count(*) AS samples
     FROM ${TABLES.sentiment} GROUP BY time_bucket(INTERVAL '1 hour', time), symbol, source`,
    endOffset: '1 hour',
    scheduleInterval: '15 minutes',
  },
  {
    name: AGGREGATES.strategyPnlDaily,
    select: `SELECT time_bucket(INTERVAL '1 day', time) AS bucket, strategy,
       count(*) AS trades, sum(realized_pnl) AS realized_pnl, sum(fee) AS fees, sum(realized_pnl) - sum(fee) AS net_pnl,
       sum(CASE WHEN realized_pnl > 0 THEN 1 ELSE 0 END) AS winning_trades,
       sum(CASE WHEN realized_pnl < 0 THEN 1 ELSE 0 END) AS losing_trades
     FROM ${TABLES.trades} GROUP BY time_bucket(INTERVAL '1 day', time), strategy`,
    endOffset: '1 hour',
    scheduleInterval: '1 hour',
  },
  {
    name: AGGREGATES.equityDaily,
    select: `SELECT time_bucket(INTERVAL '1 day', time) AS bucket, strategy,
       first(equity, time) AS open_equity, last(equity, time) AS close_equity,
       max(equity) AS max_equity, min(equity) AS min_equity, last(equity, time) - first(equity, time) AS pnl
     FROM ${TABLES.equitySnapshots} GROUP BY time_bucket(INTERVAL '1 day', time), strategy`,
    endOffset: '1 hour',
    scheduleInterval: '1 hour',
  },
];

/**
 * Continuous aggregates with real-time aggregation on (materialized_only = false, so the newest, not yet
 * materialized buckets are still answered) and a refresh policy each. Must run outside a transaction.
 *
 * The refresh window has no start (start_offset NULL): real-time aggregation only covers buckets above the
 * watermark (the newest materialized bucket), so rows older than a fixed window (a backfill, or the history of
 * a database migrated after the fact) would never be materialized and would be missing from the aggregate.
 * A refresh only recomputes invalidated ranges, so an unbounded window costs nothing once history is in.
 * With retention on, applyRetentionPolicy bounds the window instead (see there).
 */
export function continuousAggregateStatements(): string[] {
  const statements: string[] = [];
  for (const aggregate of CONTINUOUS_AGGREGATES) {
    statements.push(
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${aggregate.name}
       WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
       ${aggregate.select}
       WITH NO DATA`,
      `SELECT add_continuous_aggregate_policy('${aggregate.name}',
         start_offset => NULL, end_offset => INTERVAL '${aggregate.endOffset}',
         schedule_interval => INTERVAL '${aggregate.scheduleInterval}', if_not_exists => TRUE)`,
    );
  }
  return statements;
}

/** Shortest retention accepted: one chunk interval, and enough room for a bounded refresh window of whole days. */
export const MIN_RETENTION_DAYS = 7;

/** Parses ALPHAPULSE_RETENTION_DAYS: unset or empty means keep raw rows forever (the default). */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.ALPHAPULSE_RETENTION_DAYS?.trim();
  if (!raw) return null;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS) {
    throw new Error(`ALPHAPULSE_RETENTION_DAYS must be a positive integer of at least ${MIN_RETENTION_DAYS} (days), got ${raw}`);
  }
  return days;
}

/**
 * Refresh-window start for the continuous aggregates' policies given the raw retention: none without retention;
 * with it, one day short of the retention horizon. TimescaleDB records dropped chunks as invalidated ranges, and a
 * refresh over them deletes the aggregated rows of data that no longer exists, so the window must never reach a
 * dropped chunk (a window start rounds up to a whole bucket, at most a day, so `days - 1` stays clear of it).
 */
export function refreshStartOffset(days: number | null): string | null {
  return days === null ? null : `${days - 1} days`;
}

/**
 * Brings the raw hypertables' retention policies in line with `days` (null: none), and the aggregates' refresh
 * windows with it (refreshStartOffset). Runs on every start, because it is configuration, not schema; the
 * continuous aggregates keep their history when raw chunks are dropped.
 */
export async function applyRetentionPolicy(client: ClientBase, days: number | null): Promise<void> {
  // Windows first, so a retention job that starts at once never meets a window reaching its dropped chunks.
  // Only policies whose window differs are altered: a restart with unchanged configuration changes nothing.
  await client.query(
    `SELECT alter_job(j.job_id, config => jsonb_set(j.config, '{start_offset}', s.start_offset))
     FROM timescaledb_information.jobs j, (SELECT coalesce(to_jsonb($1::text), 'null'::jsonb) AS start_offset) s
     WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
       AND format('%I.%I', j.hypertable_schema, j.hypertable_name) = ANY($2::text[])
       AND j.config->'start_offset' IS DISTINCT FROM s.start_offset`,
    [refreshStartOffset(days), CONTINUOUS_AGGREGATES.map((aggregate) => aggregate.name)],
  );
  for (const { table } of HYPERTABLES) {
    await client.query(`SELECT remove_retention_policy($1::regclass, if_exists => TRUE)`, [table]);
    if (days !== null) {
      await client.query(`SELECT add_retention_policy($1::regclass, drop_after => make_interval(days => $2::int))`, [table, days]);
    }
  }
}


/**
 * Materializes every continuous aggregate over all history now, so a fresh backfill shows in the long-range
 * views at once instead of at the next policy run (up to an hour later). CALL cannot run in a transaction
 * block; the names are our own constants. Returns the aggregates refreshed (none without TimescaleDB).
 */
export async function refreshContinuousAggregates(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ installed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS installed`,
  );
  if (!rows[0].installed) return [];
  const refreshed: string[] = [];
  for (const aggregate of Object.values(AGGREGATES)) {
    await client.query(`CALL refresh_continuous_aggregate('${aggregate}', NULL, NULL)`);
    refreshed.push(aggregate);
  }
  return refreshed;
}
