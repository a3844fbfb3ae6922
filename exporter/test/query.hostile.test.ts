// The hostile-input suite (issue #9): thousands of seeded and known-bad requests over every route of the exporter
// process that hosts the query API, with the database up, killed and frozen under it. The process must never answer
// 500 (nor any 5xx with the database up), never hang, keep answering /-/healthy and keep its memory bounded.
import pino from 'pino';
import { migrate } from '../../simulator/src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { parseConfig } from '../src/config/config';
import { createQueryRouter } from '../src/query';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { startFakeService, type FakeService } from './support/fakeService';
import { buildFixture, insertFixture } from './query-support/fixture';
import { type HostileReport, hostileRequests, knownBadRequests, runHostile } from './query-support/hostile';
import { KillablePostgres } from './query-support/killablePostgres';

const TOKEN = 'hostile-suite-token-0123456789';
const logger = pino({ level: 'silent' });
let fake: FakeService;
let database: TestDatabase;
let pg: KillablePostgres;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  fake = await startFakeService('trading_engine');
  database = await createTestDatabase('query_hostile');
  await migrate(database.url);
  await insertFixture(database.url, buildFixture());
  pg = await KillablePostgres.create();
  await migrate(pg.url);
  await insertFixture(pg.url, buildFixture());
}, 120_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await fake?.close();
  await database?.drop();
  await pg?.stop();
});

/** The exporter as `npm start` runs it: /metrics of a target, the query API at /api/v1, one process. */
async function startProcess(databaseUrl: string, limits: Parameters<typeof createQueryRouter>[0]['limits'] = {}): Promise<RunningExporter> {
  const config = parseConfig(undefined, { ALPHAPULSE_EXPORTER_KPI_ENABLED: 'false', ALPHAPULSE_EXPORTER_TARGETS: `trading_engine=${fake.url}` });
  const router = createQueryRouter({ databaseUrl, token: TOKEN, limits: { ratePerSecond: 1e6, rateBurst: 1e6, ...limits } });
  const running = await startExporter({ config, port: 0, logger, reloadOnSighup: false, extraRouters: [{ path: '/api/v1', router }] });
  stops.push(async () => {
    await running.stop();
    await router.close();
  });
  return running;
}

async function healthy(url: string): Promise<number> {
  const response = await fetch(`${url}/-/healthy`, { signal: AbortSignal.timeout(5_000) });
  return response.status;
}

function expectClean(report: HostileReport): void {
  expect(report.failures.slice(0, 5)).toEqual([]);
  expect(report.hung.slice(0, 5)).toEqual([]);
}

test('database up: 3,000 seeded and known-bad requests, no 5xx, no hang, /-/healthy answers, RSS bounded', async () => {
  const running = await startProcess(database.url);
  const requests = function* () {
    yield* knownBadRequests(TOKEN);
    yield* hostileRequests(20260105, 3_000, TOKEN);
  };
  const report = await runHostile(running.url, requests(), { concurrency: 8, timeoutMs: 15_000 });
  expectClean(report);
  expect(report.sent).toBeGreaterThan(3_000);
  expect(await healthy(running.url)).toBe(200);
  // Bounded, generously: the suite's own answers are in this process too.
  expect(report.rssAfterMb - report.rssBeforeMb).toBeLessThan(400);
  // Every status class was reached, so the generator really got past validation.
  expect(report.byStatus['200']).toBeGreaterThan(100);
  expect(report.byStatus['400']).toBeGreaterThan(100);
}, 120_000);

test('database killed, then frozen, under the suite: no 500, no hang, /-/healthy answers throughout', async () => {
  const running = await startProcess(pg.url, { statementTimeoutMs: 1_000, clientTimeoutMs: 1_500 });
  const notFiveHundred = (status: number) => status >= 500 && status !== 503 && status !== 504;
  pg.freeze();
  let frozen: HostileReport;
  try {
    const probe = healthy(running.url);
    frozen = await runHostile(running.url, hostileRequests(7, 400, TOKEN), { concurrency: 8, timeoutMs: 1_500 + 5_000, isFailure: notFiveHundred });
    expect(await probe).toBe(200);
    expect(await healthy(running.url)).toBe(200);
  } finally {
    pg.thaw();
  }
  expectClean(frozen);
  expect(frozen.byStatus['504'] ?? 0).toBeGreaterThan(0);
  await pg.kill();
  const killed = await runHostile(running.url, [...knownBadRequests(TOKEN), ...hostileRequests(11, 600, TOKEN)], { concurrency: 8, timeoutMs: 10_000, isFailure: notFiveHundred });
  expectClean(killed);
  expect(killed.byStatus['503'] ?? 0).toBeGreaterThan(0);
  expect(await healthy(running.url)).toBe(200);
  await pg.start();
  // Back by itself once the database is.
  const deadline = Date.now() + 20_000;
  let status = 0;
  while (Date.now() < deadline && status !== 200) {
    status = (await fetch(`${running.url}/api/v1/health`)).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(status).toBe(200);
}, 120_000);
