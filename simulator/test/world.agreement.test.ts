// One emulated world: the real data writer writes real PostgreSQL while the real emulator, on the same seed
// and clock, answers /stats over HTTP from the simulation the writer writes. trading_engine's equity per
// strategy, risk_manager's drawdown and sentiment_service's scores must be the database's latest rows.
import { TABLES } from '@alphapulse/contracts';
import { Client } from 'pg';
import { startEmulator, type RunningEmulator } from '../src/emulator';
import { migrate } from '../src/db/migrate';
import { createManualClock } from '../src/services/clock';
import { createDataWriter, type DataWriter } from '../src/writer/dataWriter';
import { alignToMinute, MINUTE_MS } from '../src/writer/simulation';
import { createScratchPostgres, type ScratchPostgres } from './support-db/scratchPostgres';
import { waitFor } from './support-db/rows';

jest.setTimeout(180_000);

const SEED = 31;
// Half a minute in: the latest complete minute is the one before.
const clock = createManualClock(Date.parse('2026-11-25T14:00:30Z'));
const json = (res: Response): Promise<any> => res.json();

let server: ScratchPostgres;
let url: string;
let db: Client;
let emulator: RunningEmulator;
let writer: DataWriter;

beforeAll(async () => {
  server = await createScratchPostgres();
  await server.start();
  const admin = new Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE world_test');
  await admin.end();
  url = server.url('world_test');
  await migrate(url);
  db = new Client({ connectionString: url });
  await db.connect();
  emulator = await startEmulator({ basePort: 0, controlPort: 0, seed: SEED, clock, jwt: false });
});

afterAll(async () => {
  await writer?.stop();
  await emulator?.stop();
  await db?.end();
  await server?.destroy();
});

const statsOf = async (on: RunningEmulator, service: string) => json(await fetch(`${on.services.find((s) => s.name === service)!.url}/stats`));
const stats = (service: string) => statsOf(emulator, service);

async function latestEquity(): Promise<Map<string, { time: number; equity: number; realized: number; unrealized: number; positions: number }>> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (strategy) strategy, extract(epoch FROM time) * 1000 AS time, equity, realized_pnl, unrealized_pnl, open_positions
     FROM ${TABLES.equitySnapshots} ORDER BY strategy, time DESC`,
  );
  return new Map(rows.map((r) => [r.strategy, { time: Number(r.time), equity: r.equity, realized: r.realized_pnl, unrealized: r.unrealized_pnl, positions: r.open_positions }]));
}

/** Drawdown of the total equity (sum over strategies per minute) from its running peak: 1 − latest / peak, 0–1. */
async function databaseDrawdown(): Promise<number> {
  const { rows } = await db.query(
    `SELECT sum(equity) AS total FROM ${TABLES.equitySnapshots} GROUP BY time ORDER BY time`,
  );
  const totals = rows.map((r) => Math.round(r.total * 100) / 100);
  const peak = Math.max(...totals);
  return 1 - totals.at(-1)! / peak;
}

async function latestSentiment(): Promise<Map<string, { score: number; confidence: number }>> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (symbol, source) symbol, source, score, confidence FROM ${TABLES.sentiment} ORDER BY symbol, source, time DESC`,
  );
  return new Map(rows.map((r) => [`${r.symbol}/${r.source}`, { score: r.score, confidence: r.confidence }]));
}

const tradeCount = async () => Number((await db.query(`SELECT count(*) AS n FROM ${TABLES.trades}`)).rows[0].n);

test('without a writer the services answer from a world of their own (same seed, same clock)', async () => {
  const trading = await stats('trading_engine');
  expect(Object.keys(trading.strategies).sort()).toEqual(['breakout', 'mean_reversion', 'momentum', 'pairs']);
  expect(emulator.simulation.world.isAttached).toBe(false);
  const twin = await startEmulator({ basePort: 0, controlPort: 0, seed: SEED, clock, jwt: false });
  try {
    const other = json(await fetch(`${twin.services.find((s) => s.name === 'trading_engine')!.url}/stats`));
    expect((await other).strategies).toEqual(trading.strategies);
  } finally {
    await twin.stop();
  }
});

test('trading_engine equity per strategy, risk_manager drawdown and sentiment scores are the database latest rows', async () => {
  writer = createDataWriter({ databaseUrl: url, seed: SEED, clock: () => clock.now(), world: emulator.simulation.world });
  await writer.backfill({ days: 1 });
  await writer.startLive({ tickMs: 10 });
  expect(emulator.simulation.world.isAttached).toBe(true);

  let fillsBefore: number | null = null;
  let tradesBefore = 0;
  const worst = { equity: 0, drawdown: 0, score: 0, confidence: 0, lagTicks: 0 };
  for (let minute = 0; minute < 20; minute++) {
    clock.advance(MINUTE_MS);
    const due = alignToMinute(clock.now());
    await waitFor(() => writer.status().nextTime?.getTime() === due && writer.status().pendingRows === 0, 30_000, 'the live minute to be written');
    // The emulator's own timer may have stepped this second before the writer committed the minute: risk_manager
    // computes drawdown once per emulated second, so one more second (one tick) and it has seen the new minute.
    // trading_engine and sentiment_service read the market when asked, so they already agree.
    const lagging = (await stats('risk_manager')).current_drawdown_ratio;
    clock.advance(1_000);

    const [trading, risk, sentiment] = [await stats('trading_engine'), await stats('risk_manager'), await stats('sentiment_service')];
    const equity = await latestEquity();
    expect([...equity.keys()].sort()).toEqual(Object.keys(trading.strategies).sort());
    for (const [strategy, row] of equity) {
      expect(row.time).toBe(due - MINUTE_MS); // the minute just completed: within one tick of "now"
      const reported = trading.strategies[strategy];
      worst.equity = Math.max(worst.equity, Math.abs(reported.equity - row.equity));
      expect(reported.equity).toBeCloseTo(row.equity, 2);
      expect(reported.realized_pnl).toBeCloseTo(row.realized, 2);
      expect(reported.unrealized_pnl).toBeCloseTo(row.unrealized, 2);
      expect(reported.open_positions).toBe(row.positions);
    }
    const total = [...equity.values()].reduce((sum, row) => sum + row.equity, 0);
    expect(trading.equity).toBeCloseTo(total, 2);

    const drawdown = await databaseDrawdown();
    worst.drawdown = Math.max(worst.drawdown, Math.abs(risk.current_drawdown_ratio - drawdown));
    expect(risk.current_drawdown_ratio).toBeCloseTo(drawdown, 6);
    if (Math.abs(lagging - drawdown) > 1e-6) worst.lagTicks = 1;

    const scores = await latestSentiment();
    expect(sentiment.scores).toHaveLength(scores.size);
    for (const s of sentiment.scores) {
      const row = scores.get(`${s.symbol}/${s.source}`)!;
      expect(row).toBeDefined();
      worst.score = Math.max(worst.score, Math.abs(s.score - row.score));
      worst.confidence = Math.max(worst.confidence, Math.abs(s.confidence - row.confidence));
      expect(s.score).toBeCloseTo(row.score, 4);
      expect(s.confidence).toBeCloseTo(row.confidence, 3);
    }

    // Fills since the engine's first look are the trades rows written since.
    const trades = await tradeCount();
    if (fillsBefore === null) {
      fillsBefore = trading.fills_total;
      tradesBefore = trades;
    } else {
      expect(trading.fills_total - fillsBefore).toBe(trades - tradesBefore);
    }
  }
  // Measured differences, for the record (the report quotes them).
  process.stdout.write(`world agreement, worst differences: ${JSON.stringify(worst)}\n`);
});

test('an emulator in another process follows the writer through its checkpoint row: the same numbers', async () => {
  expect(writer).toBeDefined(); // the writer of the previous test is still live
  const follower = await startEmulator({ basePort: 0, controlPort: 0, seed: SEED + 1, clock, jwt: false, database: { url, pollMs: 20 } });
  try {
    let worstEquity = 0;
    let worstDrawdown = 0;
    for (let minute = 0; minute < 3; minute++) {
      clock.advance(MINUTE_MS - 1_000);
      const due = alignToMinute(clock.now());
      await waitFor(() => writer.status().nextTime?.getTime() === due && writer.status().pendingRows === 0, 30_000, 'the live minute to be written');
      await waitFor(() => follower.simulation.world.at(clock.now()).timeMs === due - MINUTE_MS, 10_000, 'the follower to read the checkpoint');
      clock.advance(1_000); // one emulated second for risk_manager to step on the new minute
      const [trading, risk] = [await statsOf(follower, 'trading_engine'), await statsOf(follower, 'risk_manager')];
      for (const [strategy, row] of await latestEquity()) {
        worstEquity = Math.max(worstEquity, Math.abs(trading.strategies[strategy].equity - row.equity));
        expect(trading.strategies[strategy].equity).toBeCloseTo(row.equity, 2);
      }
      const drawdown = await databaseDrawdown();
      worstDrawdown = Math.max(worstDrawdown, Math.abs(risk.current_drawdown_ratio - drawdown));
      expect(risk.current_drawdown_ratio).toBeCloseTo(drawdown, 6);
    }
    process.stdout.write(`checkpoint follower, worst differences: ${JSON.stringify({ equity: worstEquity, drawdown: worstDrawdown })}\n`);
  } finally {
    await follower.stop();
  }
});
