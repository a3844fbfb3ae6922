// Reading back what the writer stored, in the generator's own shapes, for exact comparisons.
import type { Client } from 'pg';
import { simulationConfig, type DataWriterOptions } from '../../src/writer/dataWriter';
import { emptyBatch, Simulation, type RowBatch } from '../../src/writer/simulation';

export function expectedRows(options: Pick<DataWriterOptions, 'seed' | 'symbols'>, from: number, to: number): RowBatch {
  return Simulation.start(simulationConfig(options), from).runUntil(to, emptyBatch());
}

export async function tableCounts(client: Client): Promise<Record<keyof RowBatch, number>> {
  const { rows } = await client.query(`SELECT
    (SELECT count(*) FROM alphapulse.candles)::int AS candles,
    (SELECT count(*) FROM alphapulse.trades)::int AS trades,
    (SELECT count(*) FROM alphapulse.equity_snapshots)::int AS equity,
    (SELECT count(*) FROM alphapulse.patterns)::int AS patterns,
    (SELECT count(*) FROM alphapulse.sentiment)::int AS sentiment`);
  return rows[0];
}

export function batchCounts(batch: RowBatch): Record<keyof RowBatch, number> {
  return { candles: batch.candles.length, trades: batch.trades.length, equity: batch.equity.length, patterns: batch.patterns.length, sentiment: batch.sentiment.length };
}

export async function storedCandles(client: Client) {
  const { rows } = await client.query(`SELECT time, symbol, open, high, low, close, volume FROM alphapulse.candles ORDER BY time, symbol`);
  return rows.map((r) => ({ ...r, time: r.time.getTime() }));
}

export function sortedCandles(batch: RowBatch) {
  return [...batch.candles].sort((a, b) => a.time - b.time || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

export async function storedTrades(client: Client) {
  const { rows } = await client.query(`SELECT time, trade_id, strategy, symbol, side, quantity, price, fee, realized_pnl
                                       FROM alphapulse.trades ORDER BY strategy, trade_id`);
  return rows.map((r) => ({
    time: r.time.getTime(), tradeId: Number(r.trade_id), strategy: r.strategy, symbol: r.symbol, side: r.side,
    quantity: r.quantity, price: r.price, fee: r.fee, realizedPnl: r.realized_pnl,
  }));
}

export function sortedTrades(batch: RowBatch) {
  return [...batch.trades].sort((a, b) => (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : a.tradeId - b.tradeId));
}

/** Minutes missing per symbol between the first and last stored candle (generate_series against the table). */
export async function candleGaps(client: Client): Promise<number> {
  const { rows } = await client.query(`
    WITH bounds AS (SELECT symbol, min(time) AS first, max(time) AS last FROM alphapulse.candles GROUP BY symbol)
    SELECT count(*)::int AS missing
    FROM bounds b CROSS JOIN LATERAL generate_series(b.first, b.last, INTERVAL '1 minute') AS expected(time)
    WHERE NOT EXISTS (SELECT 1 FROM alphapulse.candles c WHERE c.symbol = b.symbol AND c.timeframe = '1m' AND c.time = expected.time)`);
  return rows[0].missing;
}

/** Minutes missing per strategy in the equity snapshots. */
export async function equityGaps(client: Client): Promise<number> {
  const { rows } = await client.query(`
    WITH bounds AS (SELECT strategy, min(time) AS first, max(time) AS last FROM alphapulse.equity_snapshots GROUP BY strategy)
    SELECT count(*)::int AS missing
    FROM bounds b CROSS JOIN LATERAL generate_series(b.first, b.last, INTERVAL '1 minute') AS expected(time)
    WHERE NOT EXISTS (SELECT 1 FROM alphapulse.equity_snapshots e WHERE e.strategy = b.strategy AND e.time = expected.time)`);
  return rows[0].missing;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
