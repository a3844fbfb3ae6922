// `npm run bench:query -w @alphapulse/exporter`: query API latency on 30 days × 20 symbols of 1-minute candles
// (the emulator's backfill), against (a) the same SQL run directly and (b) what Grafana's PostgreSQL datasource
// does for the same panel: fetch every raw row and ship it to the browser. Uses DATABASE_URL when set (it must be
// an empty or emulator-filled database), else a throwaway embedded PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../../simulator/src/db/embeddedPostgres';
import { migrate } from '../../simulator/src/db/migrate';
import { createDataWriter } from '../../simulator/src/writer/dataWriter';
import { planBuckets } from '../src/query/buckets';
import { DEFAULT_LIMITS } from '../src/query/limits';
import { buildCandlesSql, buildRawCandlesSql } from '../src/query/sql/candles';
import { startQueryServer } from './query-support/server';

const DAY = 86_400_000;
const END = Date.UTC(2026, 0, 31);
const FROM = END - 30 * DAY;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Measured {
  p50: number;
  p95: number;
  bytes: number;
}

/** Runs the contenders round-robin, so load from other processes on this shared machine hits all of them alike. */
async function measureTogether(contenders: Record<string, () => Promise<number>>, runs = RUNS): Promise<Record<string, Measured>> {
  const names = Object.keys(contenders);
  for (let i = 0; i < 2; i++) for (const name of names) await contenders[name]();
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const bytes: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const started = process.hrtime.bigint();
      bytes[name] = await contenders[name]();
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const results: Record<string, Measured> = {};
  for (const name of names) {
    results[name] = { p50: percentile(times[name], 50), p95: percentile(times[name], 95), bytes: bytes[name] };
    const size = bytes[name] > 0 ? `${(bytes[name] / 1024).toFixed(0).padStart(7)} KiB shipped` : '';
    console.log(`  ${name.padEnd(56)} p50 ${results[name].p50.toFixed(1).padStart(8)} ms   p95 ${results[name].p95.toFixed(1).padStart(8)} ms   ${size}`);
  }
  return results;
}

/** Rows as Grafana's SQL datasources ship them: one frame, column-wise, as JSON. */
function rawFrameBytes(rows: Record<string, unknown>[]): number {
  const columns = ['time', 'symbol', 'open', 'high', 'low', 'close', 'volume'];
  const frame = { fields: columns.map((name) => ({ name, values: rows.map((row) => (row[name] instanceof Date ? (row[name] as Date).getTime() : row[name])) })) };
  return Buffer.byteLength(JSON.stringify(frame));
}

async function main(): Promise<void> {
  let databaseUrl = process.env.DATABASE_URL;
  let cleanup = async () => undefined;
  if (!databaseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'alphapulse-bench-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port: await freePort() });
    databaseUrl = embedded.databaseUrl;
    cleanup = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  // The same work_mem the API sets per transaction, so "direct" differs from the API only by the API itself.
  const pool = new Pool({ connectionString: databaseUrl, max: 4, options: `-c work_mem=${DEFAULT_LIMITS.workMemMb}MB` });
  try {
    const { capabilities } = await migrate(databaseUrl);
    const started = Date.now();
    const writer = createDataWriter({ databaseUrl, seed: 20_260_101, symbols: 20 });
    const backfill = await writer.backfill({ days: 30, end: new Date(END) });
    // Its idle connection would see the server stop at the end (57P01) with nobody listening.
    await writer.stop();
    console.log(`backfill: ${backfill.status}, ${backfill.rowsWritten} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await pool.query('VACUUM ANALYZE');
    const { rows: symbolRows } = await pool.query<{ symbol: string }>('SELECT DISTINCT symbol FROM alphapulse.candles ORDER BY 1');
    const symbols = symbolRows.map((row) => row.symbol);
    const { rows: counted } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM alphapulse.candles');
    console.log(`${counted[0].n} candle rows, ${symbols.length} symbols, PostgreSQL ${capabilities.version}, TimescaleDB ${capabilities.timescaledb ? capabilities.timescaledbVersion : 'absent'}; ${RUNS} rounds (1 symbol) and ${Math.max(3, Math.ceil(RUNS / 2))} rounds (all symbols) after 2 warm-ups\n`);

    // The API with its own pool, as the exporter mounts it.
    const api = await startQueryServer({ databaseUrl, limits: { ratePerSecond: 1e6, rateBurst: 1e6, statementTimeoutMs: 60_000 } });
    const window = planBuckets({ fromMs: FROM, toMs: END, intervalMs: 60_000, maxDataPoints: 1000, resolutionMs: 60_000 });
    const body = (selection: string[]) => ({
      range: { from: new Date(FROM).toISOString(), to: new Date(END).toISOString() },
      intervalMs: 60_000,
      maxDataPoints: 1000,
      queries: [{ refId: 'A', queryType: 'candles', symbols: selection }],
    });
    const viaApi = (selection: string[]) => async () => {
      const response = await api.post('/query', body(selection));
      if (response.status !== 200) throw new Error(`API answered ${response.status}: ${response.text}`);
      return Buffer.byteLength(response.text);
    };
    const direct = (selection: string[]) => async () => {
      await pool.query(buildCandlesSql({ timescaledb: capabilities.timescaledb }, window, { symbols: selection, timeframe: '1m' }));
      return 0; // rows stay in this process: nothing shipped
    };
    const raw = (selection: string[]) => async () => rawFrameBytes((await pool.query(buildRawCandlesSql({ fromMs: FROM, toMs: END }, selection))).rows);

    const API = 'query API (HTTP, JSON frames)';
    const SQL = 'same SQL run directly (pg, rows only)';
    const RAW = 'Grafana PostgreSQL-datasource style: all raw rows';
    console.log(`1 symbol, 30 days → ≤1,000 points (bucket ${window.bucketMs / 60_000} min, ${window.maxBuckets} buckets)`);
    const one = await measureTogether({ [API]: viaApi(symbols.slice(0, 1)), [SQL]: direct(symbols.slice(0, 1)), [RAW]: raw(symbols.slice(0, 1)) });
    console.log(`${symbols.length} symbols, 30 days → ≤1,000 points per symbol`);
    // Fewer rounds: the raw contender ships ~50 MB per run.
    const all = await measureTogether({ [API]: viaApi(symbols), [SQL]: direct(symbols), [RAW]: raw(symbols) }, Math.max(3, Math.ceil(RUNS / 2)));

    console.log('\nratios (p50; p95 in brackets)');
    for (const [label, m] of [['1 symbol  ', one], [`${symbols.length} symbols`, all]] as const) {
      console.log(
        `  ${label}: API / direct SQL ${(m[API].p50 / m[SQL].p50).toFixed(2)}× [${(m[API].p95 / m[SQL].p95).toFixed(2)}×] (goal ≤ 1.25×); ` +
          `raw rows / API ${(m[RAW].p50 / m[API].p50).toFixed(1)}× time, ${(m[RAW].bytes / m[API].bytes).toFixed(1)}× bytes`,
      );
    }

    // Every query type over the same 30 days (all symbols/strategies where optional), so none nears the timeout.
    console.log('\nevery query type, 30 days, maxDataPoints 1000 (p50 of 3 through the API)');
    const every: Array<Record<string, unknown>> = [
      { queryType: 'price', symbols },
      { queryType: 'volume', symbols },
      { queryType: 'trades' },
      { queryType: 'tradeMarkers', symbols: symbols.slice(0, 1) },
      { queryType: 'equity' },
      { queryType: 'pnl', pnlMode: 'cumulative' },
      { queryType: 'drawdown' },
      { queryType: 'strategySummary' },
      { queryType: 'patternCounts', minConfidence: 0.5 },
      { queryType: 'patternTable', minConfidence: 0.5 },
      { queryType: 'sentiment', symbols, sources: ['twitter', 'reddit', 'news'] },
      { queryType: 'mentions', symbols },
    ];
    for (const query of every) {
      const times: number[] = [];
      let shipped = 0;
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const response = await api.post('/query', { ...body([]), queries: [{ refId: 'A', ...query }] });
        if (response.status !== 200) throw new Error(`${query.queryType}: ${response.status} ${response.text.slice(0, 300)}`);
        times.push(Date.now() - started);
        shipped = Buffer.byteLength(response.text);
      }
      console.log(`  ${String(query.queryType).padEnd(16)} p50 ${percentile(times, 50).toFixed(0).padStart(6)} ms   ${(shipped / 1024).toFixed(0).padStart(6)} KiB`);
    }
    await api.close();
  } finally {
    await pool.end();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
