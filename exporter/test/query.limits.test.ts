// Timeouts, rate limits, read-only transactions and a fuzz run against a real PostgreSQL.
import { migrate } from '../../simulator/src/db/migrate';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { createReadOnlyDatabase } from '../src/query/database';
import { QUERY_TYPES } from '../src/query/model';
import { T0 } from './query-support/fixture';
import { type TestServer, startQueryServer } from './query-support/server';

let database: TestDatabase;
const servers: TestServer[] = [];
const range = { from: new Date(T0).toISOString(), to: new Date(T0 + 86_400_000).toISOString() };

beforeAll(async () => {
  database = await createTestDatabase('query_limits');
  await migrate(database.url);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await database?.drop();
});

async function serve(options: Parameters<typeof startQueryServer>[0]) {
  const server = await startQueryServer(options);
  servers.push(server);
  return server;
}

test('a statement over the timeout answers 504 with a clear message', async () => {
  const api = await serve({
    databaseUrl: database.url,
    limits: { statementTimeoutMs: 200 },
    beforeQuery: async (client) => void (await client.query('SELECT pg_sleep(2)')),
  });
  const started = Date.now();
  const response = await api.post('/query', { range, queries: [{ refId: 'A', queryType: 'price', symbols: ['AAA'] }] });
  expect(Date.now() - started).toBeLessThan(1900); // the 2 s sleep was cut short
  expect(response.status).toBe(504);
  expect(response.body.results.A).toEqual({
    frames: [],
    status: 504,
    error: 'The query took longer than the 0.2 s statement timeout and was cancelled; narrow the time range or the selection.',
  });
  const search = await api.get('/search/sources');
  expect(search.status).toBe(504);
  expect(search.body.error).toMatch(/statement timeout/);
  // The pooled connections survive the cancellations: health still reads the database.
  expect((await api.get('/health', {})).status).toBe(200);
});

test('rate limit per client: 429 with Retry-After beyond the burst', async () => {
  const api = await serve({ databaseUrl: database.url, limits: { ratePerSecond: 0.5, rateBurst: 3 } });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await api.get('/search/sources')).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  const limited = await fetch(`${api.url}/search/sources`, { headers: { authorization: `Bearer ${api.token}` } });
  expect(limited.headers.get('retry-after')).toBe('2');
});

test.each([
  ['its own pool (session defaults)', false],
  ['a shared pool (READ ONLY transaction)', true],
])('reads through %s cannot write, even when the URL may', async (_name, shared) => {
  const pool = shared ? new Pool({ connectionString: database.url }) : undefined;
  const db = createReadOnlyDatabase({ databaseUrl: database.url, pool, statementTimeoutMs: 1000 });
  try {
    await expect(db.read({ text: 'CREATE TABLE alphapulse.intruder (a int)', values: [] })).rejects.toMatchObject({ code: '25006' });
    await expect(db.read({ text: "INSERT INTO alphapulse.trades (time, trade_id, strategy, symbol, side, quantity, price) VALUES (now(), 1, 's', 'X', 'buy', 1, 1)", values: [] })).rejects.toMatchObject({ code: '25006' });
    expect(await db.read({ text: 'SELECT 1 AS one', values: [] })).toEqual([{ one: 1 }]);
    await expect(db.read({ text: 'SELECT pg_sleep(3)', values: [] })).rejects.toMatchObject({ code: '57014' });
  } finally {
    await db.close();
    await pool?.end();
  }
});

test('health says down (503) when the database is unreachable, without internals', async () => {
  const api = await serve({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
  const response = await api.get('/health', {});
  expect(response.status).toBe(503);
  expect(response.body).toMatchObject({ status: 'down', database: { reachable: false }, error: 'The database is unreachable.' });
  const query = await api.post('/query', { range, queries: [{ refId: 'A', queryType: 'price', symbols: ['AAA'] }] });
  expect(query.status).toBe(503);
  expect(query.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
});

/** Deterministic generator of malformed and hostile request bodies. */
function* hostileBodies(count: number): Generator<string> {
  let seed = 7;
  const pick = <T>(items: readonly T[]): T => items[(seed = (seed * 48271) % 2147483647) % items.length];
  const strings = ["' OR 1=1 --", '"; DROP TABLE alphapulse.trades; --', '\u0000', '💥'.repeat(100), 'ä'.repeat(70), '$1', '%', '_', '\\', ' ', '', 'AAA', '1m', 'x'.repeat(5000)];
  const values: unknown[] = [...strings, null, true, -1, 0, 1e308, -1e308, 1.5, NaN, [], {}, [[]], { $gt: '' }, Array(200).fill('AAA')];
  const anyValue = () => pick(values);
  const times = [0, -1, 8.64e15 + 1, '2026-01-05', 'not a date', 1e20, null, Date.now()];
  for (let i = 0; i < count; i++) {
    const query: Record<string, unknown> = { refId: pick(['A', '', 'x'.repeat(100), 1, null]), queryType: pick([...QUERY_TYPES, 'sql', '__proto__', anyValue()]) };
    for (const key of ['symbols', 'strategies', 'sources', 'patternTypes', 'timeframe', 'minConfidence', 'pnlMode', 'constructor']) {
      if (pick([true, false])) query[key] = pick([anyValue(), [anyValue()], [pick(strings), pick(strings)]]);
    }
    const body: Record<string, unknown> = {
      range: pick([{ from: pick(times), to: pick(times) }, anyValue(), { from: 0, to: 86_400_000 }]),
      intervalMs: pick([60_000, anyValue(), undefined]),
      maxDataPoints: pick([1000, anyValue(), 0, 1e9, undefined]),
      queries: pick([[query], [query, query], anyValue(), Array(40).fill(query)]),
    };
    const text = JSON.stringify(body);
    yield pick([text, text.slice(0, Math.max(1, text.length - 3)), text.replace('{', '['), '"' + text, 'null', '[]', '1']);
  }
}

test('fuzz: 2,000 malformed and hostile requests get 2xx/4xx only, never 5xx, and the server keeps serving', async () => {
  const api = await serve({ databaseUrl: database.url, limits: { ratePerSecond: 1e6, rateBurst: 1e6 } });
  const seen = new Map<number, number>();
  for (const body of hostileBodies(2000)) {
    const response = await api.post('/query', body);
    seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
    if (response.status >= 500) throw new Error(`5xx for ${body.slice(0, 300)}: ${response.text}`);
    expect(response.text).not.toMatch(/\n\s+at /);
    const results = response.body?.results as Record<string, { status: number }> | undefined;
    for (const result of Object.values(results ?? {})) expect(result.status).toBeLessThan(500);
  }
  // Oversized and wrong content types as well.
  expect((await api.post('/query', 'x'.repeat(300 * 1024))).status).toBe(413);
  const wrongType = await fetch(`${api.url}/query`, { method: 'POST', body: 'range=1', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'text/plain' } });
  expect(wrongType.status).toBe(400);
  expect((await api.get('/health', {})).status).toBe(200);
  expect([...seen.keys()].every((status) => status < 500)).toBe(true);
  expect(seen.get(400)).toBeGreaterThan(100);
});

test('a request abandoned by the client (Grafana refresh) cancels its running statement', async () => {
  const api = await serve({
    databaseUrl: database.url,
    limits: { statementTimeoutMs: 30_000 },
    beforeQuery: async (client) => void (await client.query("SELECT pg_sleep(20) /* abandoned-request-probe */")),
  });
  const abort = new AbortController();
  const request = fetch(`${api.url}/query`, {
    method: 'POST',
    signal: abort.signal,
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ range, queries: [{ refId: 'A', queryType: 'price', symbols: ['AAA'] }] }),
  }).catch((error: Error) => error.name);
  const observer = new Pool({ connectionString: database.url, max: 1 });
  const sleeping = async () =>
    (await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%abandoned-request-probe%' AND pid <> pg_backend_pid()`)).rows[0].n;
  try {
    const deadline = Date.now() + 5000;
    while ((await sleeping()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sleeping()).toBe(1);
    abort.abort();
    expect(await request).toBe('AbortError');
    const gone = Date.now() + 3000;
    while ((await sleeping()) > 0 && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await sleeping()).toBe(0);
    // And the API keeps serving.
    expect((await api.get('/health', {})).status).toBe(200);
  } finally {
    await observer.end();
  }
});
