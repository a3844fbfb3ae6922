// `npm run bench -w @alphapulse/exporter` (last step): the query API under hostile input and database faults, and
// the largest answers its limits allow. Reports requests sent, answers by status, slowest answer, RSS before/after
// and the longest event-loop block, with the database up, frozen (SIGSTOP) and killed (SIGKILL); and issue #9's
// batch (26 candle queries x 20 symbols x 30 days, maxDataPoints 10000) with the limits lifted and with the defaults.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import pino from 'pino';
import { migrate } from '../../simulator/src/db/migrate';
import { createDataWriter } from '../../simulator/src/writer/dataWriter';
import { parseConfig } from '../src/config/config';
import { createQueryRouter, type QueryLimits } from '../src/query';
import { startExporter } from '../src/startExporter';
import { startFakeService } from './support/fakeService';
import { type HostileReport, hostileRequests, knownBadRequests, runHostile } from './query-support/hostile';
import { KillablePostgres } from './query-support/killablePostgres';

const DAY = 86_400_000;
const END = Date.UTC(2026, 0, 31);
const FROM = END - 30 * DAY;
const TOKEN = 'bench-token-0123456789';
const HOSTILE = Number(process.env.BENCH_HOSTILE_REQUESTS ?? 3000);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function printReport(label: string, report: HostileReport): void {
  const statuses = Object.entries(report.byStatus).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}×${n}`).join(' ');
  console.log(`  ${label.padEnd(22)} ${String(report.sent).padStart(5)} sent in ${report.seconds.toFixed(1)} s | ${statuses}`);
  console.log(
    `  ${''.padEnd(22)} 5xx-failures ${report.failures.length}, hangs ${report.hung.length}, slowest ${report.slowestMs} ms, RSS ${report.rssBeforeMb.toFixed(0)} → ${report.rssAfterMb.toFixed(0)} MB, longest event-loop block ${report.maxEventLoopBlockMs} ms`,
  );
  for (const failure of report.failures.slice(0, 3)) console.log(`    FAILURE ${failure.status}: ${failure.request.slice(0, 200)}`);
  for (const hang of report.hung.slice(0, 3)) console.log(`    HANG ${hang.reason}: ${hang.request.slice(0, 200)}`);
}

async function main(): Promise<void> {
  const pg = await KillablePostgres.create();
  const fake = await startFakeService('trading_engine');
  const stops: (() => Promise<void>)[] = [];
  try {
    await migrate(pg.url);
    const started = Date.now();
    const writer = createDataWriter({ databaseUrl: pg.url, seed: 20_260_101, symbols: 20 });
    const backfill = await writer.backfill({ days: 30, end: new Date(END) });
    await writer.stop();
    console.log(`backfill: ${backfill.rowsWritten} rows in ${((Date.now() - started) / 1000).toFixed(1)} s (own PostgreSQL, killable)\n`);

    const start = async (limits: Partial<QueryLimits>) => {
      const config = parseConfig(undefined, { ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false', ALPHAPULSE_EXPORTER_TARGETS: `trading_engine=${fake.url}` });
      const router = createQueryRouter({ databaseUrl: pg.url, token: TOKEN, limits: { ratePerSecond: 1e6, rateBurst: 1e6, ...limits } });
      const running = await startExporter({ config, port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false, extraRouters: [{ path: '/api/v1', router }] });
      const stop = async () => {
        await running.stop();
        await router.close();
      };
      stops.push(stop);
      return { url: running.url, stop };
    };
    const post = async (url: string, body: unknown) => {
      const response = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      // Per-query statuses without JSON.parse: parsing 15 MB here would block the loop the server shares with us.
      const statuses = [...text.matchAll(/"status":(\d{3})(?:,"error"|\})/g)].map((match) => Number(match[1]));
      return { status: response.status, bytes: Buffer.byteLength(text), statuses };
    };
    const measure = async (url: string, body: unknown) => {
      global.gc?.();
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = Date.now();
      const answer = await post(url, body);
      const ms = Date.now() - t0;
      clearInterval(sampler);
      delay.disable();
      const byStatus: Record<number, number> = {};
      for (const status of answer.statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
      return { ms, status: answer.status, bytes: answer.bytes, byStatus, rssBefore, rssPeak: peak, block: Math.round(delay.max / 1e6) };
    };
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const names = (await client.query<{ symbol: string }>('SELECT DISTINCT symbol FROM alphapulse.candles ORDER BY 1')).rows.map((row) => row.symbol);
    await client.end();
    const range = { from: new Date(FROM).toISOString(), to: new Date(END).toISOString() };
    const batch = { range, intervalMs: 60_000, maxDataPoints: 10_000, queries: Array.from({ length: 26 }, (_, i) => ({ refId: `Q${i}`, queryType: 'candles', symbols: names })) };

    console.log(`issue #9 batch: 26 candle queries × ${names.length} symbols × 30 days, maxDataPoints 10000`);
    const print = (label: string, m: Awaited<ReturnType<typeof measure>>) =>
      console.log(
        `  ${label.padEnd(34)} ${String(m.ms).padStart(6)} ms  HTTP ${m.status}  ${mb(m.bytes).padStart(6)} MB  RSS ${mb(m.rssBefore)} → peak ${mb(m.rssPeak)} MB  longest event-loop block ${m.block} ms  per-query ${JSON.stringify(m.byStatus)}`,
      );
    {
      const lifted = await start({ maxPointsPerQuery: 1e12, maxPointsPerResponse: 1e12, maxResponseBytes: 1e12, maxConcurrentReadsPerRequest: 26, maxConcurrentReads: 26, statementTimeoutMs: 60_000, clientTimeoutMs: 62_000 });
      print('limits lifted (as before #9)', await measure(lifted.url, batch));
      await lifted.stop();
      stops.pop();
    }
    const api = await start({});
    print('default limits', await measure(api.url, batch));
    // The largest answer the default limits allow: 4 queries of 9 symbols (466,560 values each, 1.87 M in all).
    const largest = { ...batch, queries: Array.from({ length: 4 }, (_, i) => ({ refId: `L${i}`, queryType: 'candles', symbols: names.slice(0, 9) })) };
    for (let i = 0; i < 3; i++) print(`largest allowed answer, run ${i + 1}`, await measure(api.url, largest));

    console.log(`\nhostile suite (${HOSTILE} seeded + ${knownBadRequests(TOKEN).length} known-bad requests, 8 in flight)`);
    const up = await runHostile(api.url, [...knownBadRequests(TOKEN), ...hostileRequests(20260105, HOSTILE, TOKEN)], { concurrency: 8, timeoutMs: 15_000 });
    printReport('database up', up);
    const faulty = await start({ statementTimeoutMs: 1_000, clientTimeoutMs: 1_500 });
    const notFiveHundred = (status: number) => status >= 500 && status !== 503 && status !== 504;
    pg.freeze();
    let frozen: HostileReport;
    try {
      frozen = await runHostile(faulty.url, [...knownBadRequests(TOKEN), ...hostileRequests(7, Math.round(HOSTILE / 5), TOKEN)], { concurrency: 8, timeoutMs: 6_500, isFailure: notFiveHundred });
    } finally {
      pg.thaw();
    }
    printReport('database frozen', frozen);
    await pg.kill();
    const killed = await runHostile(faulty.url, [...knownBadRequests(TOKEN), ...hostileRequests(11, Math.round(HOSTILE / 5), TOKEN)], { concurrency: 8, timeoutMs: 6_500, isFailure: notFiveHundred });
    printReport('database killed', killed);
    await pg.start();
    const t0 = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - t0 < 30_000) {
      status = (await fetch(`${faulty.url}/api/v1/health`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`  recovered after restart: /api/v1/health ${status} in ${Date.now() - t0} ms`);
    const bad = up.failures.length + up.hung.length + frozen.failures.length + frozen.hung.length + killed.failures.length + killed.hung.length;
    console.log(bad === 0 ? '\n0 5xx (500 with the database down) and 0 hangs in all three runs' : `\n${bad} FAILURES OR HANGS`);
    if (bad > 0) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await fake.close();
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
