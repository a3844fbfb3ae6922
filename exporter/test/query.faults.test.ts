// Database faults under the query API, for real: the PostgreSQL server is SIGKILLed, restarted, SIGSTOPped and
// SIGCONTed under running queries (its own server, not the run's shared one). Findings 2 and 3 of issue #9.
import { migrate } from '../../simulator/src/db/migrate';
import { buildFixture, insertFixture, T0 } from './query-support/fixture';
import { KillablePostgres } from './query-support/killablePostgres';
import { type TestServer, startQueryServer } from './query-support/server';

let pg: KillablePostgres;
const servers: TestServer[] = [];
const range = { from: new Date(T0).toISOString(), to: new Date(T0 + 3 * 86_400_000).toISOString() };
const heavy = (n: number) => Array.from({ length: n }, (_, i) => ({ refId: `Q${i}`, queryType: 'candles', symbols: ['AAA', 'BBB'] }));
const unhandled: unknown[] = [];
const onUnhandled = (error: unknown) => unhandled.push(error);

beforeAll(async () => {
  pg = await KillablePostgres.create();
  await migrate(pg.url);
  await insertFixture(pg.url, buildFixture());
  process.on('uncaughtException', onUnhandled);
}, 120_000);

afterAll(async () => {
  process.off('uncaughtException', onUnhandled);
  await Promise.all(servers.map((server) => server.close()));
  await pg?.stop();
});

afterEach(() => pg.thaw());

async function serve(options: Omit<Parameters<typeof startQueryServer>[0], 'databaseUrl'> = {}) {
  const server = await startQueryServer({ databaseUrl: pg.url, ...options, limits: { ratePerSecond: 1e6, rateBurst: 1e6, ...options.limits } });
  servers.push(server);
  return server;
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

test('#9 finding 2: the postmaster SIGKILLed mid-batch: the process survives, answers 503, and recovers after a restart', async () => {
  const api = await serve({
    limits: { statementTimeoutMs: 20_000, clientTimeoutMs: 20_000 },
    // Keeps every query of the batch in flight on its own checked-out connection when the server dies.
    beforeQuery: async (client) => void (await client.query('SELECT pg_sleep(5)')),
  });
  expect((await api.get('/health', {})).status).toBe(200);
  const batch = api.post('/query', { range, queries: heavy(8) });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await pg.kill();
  const answer = await batch;
  expect(answer.status).toBe(503);
  for (const result of Object.values(answer.body.results as Record<string, { status: number; error: string }>)) {
    expect(result).toEqual({ frames: [], status: 503, error: 'The database is unreachable.' });
  }
  // Give a late 'error' event of a dead connection the chance to surface.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(unhandled).toEqual([]);
  // While the server is down: honest 503s, quickly.
  const down = await api.post('/query', { range, queries: heavy(2) });
  expect(down.status).toBe(503);
  expect((await api.get('/health', {})).status).toBe(503);
  await pg.start();
  const health = await eventually(() => api.get('/health', {}), (r) => r.status === 200, 20_000);
  expect(health.status).toBe(200);
  const back = await eventually(() => api.post('/query', { range, queries: heavy(2) }), (r) => r.status === 200, 20_000);
  expect(back.status).toBe(200);
  expect(unhandled).toEqual([]);
}, 90_000);

test('#9 finding 3: a frozen database (SIGSTOP) answers 504 within the client timeout, discards the stuck connections, recovers after SIGCONT', async () => {
  const api = await serve({ limits: { statementTimeoutMs: 1_000, clientTimeoutMs: 1_500 } });
  expect((await api.post('/query', { range, queries: heavy(2) })).status).toBe(200);
  pg.freeze();
  try {
    let started = Date.now();
    const frozen = await api.post('/query', { range, queries: heavy(3) });
    const took = Date.now() - started;
    expect({ status: frozen.status, body: frozen.body }).toMatchObject({ status: 504 });
    expect(frozen.body.results.Q0).toEqual({ frames: [], status: 504, error: 'The database did not answer within 1.5 s (overloaded or not responding); try again shortly.' });
    expect(took).toBeLessThan(1_500 + 2_000);
    // New connections cannot be made either (connect hangs on a frozen postmaster): bounded as well.
    started = Date.now();
    const search = await api.get('/search/symbols');
    expect([503, 504]).toContain(search.status);
    expect(Date.now() - started).toBeLessThan(1_500 + 2_000);
    started = Date.now();
    expect((await api.get('/health', {})).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_500 + 2_000);
  } finally {
    pg.thaw();
  }
  const back = await eventually(() => api.post('/query', { range, queries: heavy(3) }), (r) => r.status === 200, 15_000);
  expect(back.status).toBe(200);
  expect((await api.get('/health', {})).status).toBe(200);
  expect(unhandled).toEqual([]);
}, 60_000);
