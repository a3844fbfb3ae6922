// Issue #9's reproductions against a real PostgreSQL, each as it was reported: a hang (1), 500s from input (5),
// one batch taking the whole pool and memory (4), one rate-limit bucket for everyone behind one Grafana (11).
import { gzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { migrate } from '../../simulator/src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { DAYS, T0, buildFixture, insertFixture } from './query-support/fixture';
import { type TestServer, startQueryServer } from './query-support/server';

let database: TestDatabase;
const servers: TestServer[] = [];
const range = { from: new Date(T0).toISOString(), to: new Date(T0 + DAYS * 86_400_000 - 1).toISOString() };
const unlimited = { ratePerSecond: 1e6, rateBurst: 1e6 };

beforeAll(async () => {
  database = await createTestDatabase('query_hardening');
  await migrate(database.url);
  await insertFixture(database.url, buildFixture());
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await database?.drop();
});

async function serve(options: Omit<Parameters<typeof startQueryServer>[0], 'databaseUrl'> = {}) {
  const server = await startQueryServer({ databaseUrl: database.url, ...options, limits: { ...unlimited, ...options.limits } });
  servers.push(server);
  return server;
}

/** A raw HTTP request: any bytes as path and body, any headers (fetch would normalise or refuse them). */
function raw(server: TestServer, method: string, path: string, headers: Record<string, string>, body?: Buffer | string) {
  const url = new URL(server.url);
  return new Promise<{ status: number; text: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('#9 finding 1: maxDataPoints 1 across the bucket origin', () => {
  test('the exact request answers at once instead of spinning forever', async () => {
    const api = await serve();
    const started = Date.now();
    const response = await api.post('/query', {
      range: { from: '1999-12-31T00:00:00Z', to: '2000-01-02T00:00:00Z' },
      maxDataPoints: 1,
      queries: [{ refId: 'A', queryType: 'equity' }],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.A.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000); // a bound for a hang, not a performance goal
  });

  test.each(['candles', 'price', 'volume', 'pnl', 'drawdown', 'patternCounts', 'sentiment', 'mentions'])('every bucketed type too: %s', async (queryType) => {
    const api = await serve();
    const response = await api.post('/query', {
      range: { from: '1999-12-31T00:00:00Z', to: '2000-01-02T00:00:00Z' },
      maxDataPoints: 1,
      queries: [{ refId: 'A', queryType, symbols: ['AAA'] }],
    });
    expect(response.status).toBe(200);
  });
});

describe('#9 finding 5: 500s from input become clear 4xx', () => {
  test.each([
    ['year 10000 as text', { from: '+010000-01-01T00:00:00Z', to: '+010000-01-02T00:00:00Z' }],
    ['year 10000 in epoch ms', { from: 253402300800000, to: 253402300800001 }],
    ['the end of ECMAScript time', { from: 8.64e15 - 1, to: 8.64e15 }],
    ['a negative year', { from: '-000001-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
    ['year 0', { from: '0000-01-01T00:00:00Z', to: '0000-01-02T00:00:00Z' }],
  ])('times outside 0001-9999 (%s) are 400 naming the range', async (_name, times) => {
    const api = await serve({ limits: { maxRangeMs: 1e16 } });
    const response = await api.post('/query', { range: times, queries: [{ refId: 'A', queryType: 'price', symbols: ['AAA'] }] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toMatch(/years 0001-9999/);
  });

  test('the last millisecond of 9999 still plans and reads (the aligned window past it is clamped)', async () => {
    const api = await serve({ limits: { maxRangeMs: 1e16 } });
    const response = await api.post('/query', {
      range: { from: '9999-12-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' },
      maxDataPoints: 1,
      queries: [{ refId: 'A', queryType: 'price', symbols: ['AAA'] }, { refId: 'B', queryType: 'equity' }],
    });
    expect(response.status).toBe(200);
    const early = await api.post('/query', { range: { from: '0001-01-01T00:00:00Z', to: '0001-01-05T00:00:00Z' }, queries: [{ refId: 'A', queryType: 'pnl' }] });
    expect(early.status).toBe(200);
  });

  test('malformed percent-encoding in a path is 400', async () => {
    const api = await serve();
    const response = await raw(api, 'GET', '/api/v1/search/%E0%A4%A', { authorization: `Bearer ${api.token}` });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: 'The request path is not valid percent-encoding.' });
  });

  test.each(['gzip', 'deflate', 'br'])('content-encoding %s with a body that is not: 400, not 500', async (encoding) => {
    const api = await serve();
    const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json', 'content-encoding': encoding };
    const query = await raw(api, 'POST', '/api/v1/query', headers, JSON.stringify({ range, queries: [{ refId: 'A', queryType: 'equity' }] }));
    expect(query.status).toBe(400);
    expect(JSON.parse(query.text)).toEqual({ error: 'The request could not be read.' });
    // Any route behind the body parser, a GET with a body included.
    expect((await raw(api, 'GET', '/api/v1/search/symbols', headers, 'not compressed')).status).toBe(400);
  });

  test('a real gzip body is accepted; an unknown encoding is 415; a gzip bomb is 413', async () => {
    const api = await serve();
    const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const body = gzipSync(JSON.stringify({ range, queries: [{ refId: 'A', queryType: 'equity' }] }));
    expect((await raw(api, 'POST', '/api/v1/query', headers, body)).status).toBe(200);
    const unknown = await raw(api, 'POST', '/api/v1/query', { ...headers, 'content-encoding': 'compress' }, 'x');
    expect(unknown.status).toBe(415);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 32));
    expect((await raw(api, 'POST', '/api/v1/query', headers, bomb)).status).toBe(413);
  });

  test('NUL and other control characters in a search filter are 400, not PostgreSQL 22021', async () => {
    const api = await serve();
    for (const filter of ['%00', 'A%00A', '%1B', '%7F']) {
      const response = await api.get(`/search/symbols?filter=${filter}`);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'filter', reason: 'must not contain control characters' }]);
    }
    // Invalid UTF-8 in the query string is kept literally: matches nothing, 200.
    expect((await api.get('/search/symbols?filter=%FF%FE')).body).toEqual({ values: [] });
    expect((await api.get('/search/symbols?filter=AA')).body).toEqual({ values: ['AAA'] });
  });
});

describe('#9 finding 4: resource governance', () => {
  const candles = (refId: string) => ({ refId, queryType: 'candles', symbols: Array.from({ length: 20 }, (_, i) => `S${i}`), timeframe: '1m' });

  test('the reported batch (26 candle queries x 20 symbols x 30 days, maxDataPoints 10000) is refused per query before any database work', async () => {
    let reads = 0;
    const api = await serve({ beforeQuery: async () => void (reads += 1) });
    const response = await api.post('/query', {
      range: { from: new Date(T0).toISOString(), to: new Date(T0 + 30 * 86_400_000).toISOString() },
      maxDataPoints: 10_000,
      queries: Array.from({ length: 26 }, (_, i) => candles(String.fromCharCode(65 + i))),
    });
    expect(response.status).toBe(422);
    expect(reads).toBe(0);
    expect(response.text.length).toBeLessThan(26 * 600);
    expect(response.body.results.A).toEqual({
      frames: [],
      status: 422,
      error:
        'Query A would return up to 1,036,800 values (20 symbols × 8,640 buckets × 6 fields), more than the 500,000 allowed per query ' +
        '(ALPHAPULSE_QUERY_MAX_POINTS_PER_QUERY); choose fewer series, a shorter time range or a lower Max data points.',
    });
  });

  test('points per answer: queries past the cap fail alone, naming the limit; the others answer', async () => {
    const api = await serve({ limits: { maxPointsPerResponse: 20_000 } });
    // Each: 2 symbols x 4,320 one-minute buckets x 2 fields = 17,280 values.
    const queries = ['A', 'B', 'C'].map((refId) => ({ refId, queryType: 'price', symbols: ['AAA', 'BBB'] }));
    const response = await api.post('/query', { range, maxDataPoints: 10_000, intervalMs: 60_000, queries });
    expect(response.status).toBe(200);
    const results = Object.values(response.body.results as Record<string, { status: number; error?: string }>);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422)).toHaveLength(2);
    expect(results.find((r) => r.status === 422)!.error).toMatch(/past the 20,000 values allowed per request \(ALPHAPULSE_QUERY_MAX_POINTS_PER_RESPONSE\)/);
  });

  test('bytes per answer, and points per query found after the read (table-less series of unknown count)', async () => {
    const bytes = await serve({ limits: { maxResponseBytes: 100_000 } });
    const big = await bytes.post('/query', { range, maxDataPoints: 10_000, queries: [{ refId: 'A', queryType: 'candles', symbols: ['AAA'] }] });
    expect(big.body.results.A.status).toBe(422);
    expect(big.body.results.A.error).toMatch(/100,000 bytes allowed per request \(ALPHAPULSE_QUERY_MAX_RESPONSE_BYTES\)/);
    const points = await serve({ limits: { maxPointsPerQuery: 1_000 } });
    const equity = await points.post('/query', { range, maxDataPoints: 10_000, queries: [{ refId: 'E', queryType: 'equity' }] });
    expect(equity.body.results.E.status).toBe(422);
    expect(equity.body.results.E.error).toMatch(/^Query E returned 1,152 values, more than the 1,000 allowed per query \(ALPHAPULSE_QUERY_MAX_POINTS_PER_QUERY\)/);
  });

  test('an answer up to the caps is the same JSON as before, served in pieces', async () => {
    const api = await serve();
    const response = await api.post('/query', { range, maxDataPoints: 10_000, queries: [{ refId: 'A', queryType: 'candles', symbols: ['AAA', 'BBB'] }, { refId: 'B', queryType: 'equity' }] });
    expect(response.status).toBe(200);
    expect(response.body.results.A.frames).toHaveLength(2);
    expect(response.body.results.A.frames[0].fields.map((f: { values: unknown[] }) => f.values.length)).toEqual([4320, 4320, 4320, 4320, 4320, 4320]);
    expect(response.body.results.B.frames.length).toBe(2);
  });

  test('bounded parallelism per batch, fair turns between requests', async () => {
    let inFlight = 0;
    let peak = 0;
    const finished: string[] = [];
    const api = await serve({
      limits: { maxConcurrentReads: 3, maxConcurrentReadsPerRequest: 2, queueTimeoutMs: 30_000 },
      beforeQuery: async (client) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          await client.query('SELECT pg_sleep(0.3)');
        } finally {
          inFlight -= 1;
        }
      },
    });
    const big = api.post('/query', { range, queries: Array.from({ length: 8 }, (_, i) => ({ refId: `B${i}`, queryType: 'equity' })) }).then((r) => {
      finished.push('big');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const small = api.post('/query', { range, queries: [{ refId: 'S', queryType: 'equity' }] }).then((r) => {
      finished.push('small');
      return r;
    });
    const [bigAnswer, smallAnswer] = await Promise.all([big, small]);
    expect(bigAnswer.status).toBe(200);
    expect(smallAnswer.status).toBe(200);
    // The batch never held more than its 2 slots, so the small request got the third at once and finished first.
    expect(peak).toBeLessThanOrEqual(3);
    expect(finished).toEqual(['small', 'big']);
  });

  test('busy is an honest 503 with Retry-After, distinct from "database unreachable"', async () => {
    const api = await serve({
      limits: { maxConcurrentReads: 1, maxConcurrentReadsPerRequest: 1, queueTimeoutMs: 300 },
      beforeQuery: async (client) => void (await client.query('SELECT pg_sleep(1.5)')),
    });
    const first = api.post('/query', { range, queries: [{ refId: 'A', queryType: 'equity' }] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await fetch(`${api.url}/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ range, queries: [{ refId: 'B', queryType: 'equity' }] }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { results: Record<string, unknown> };
    expect(body.results.B).toEqual({ frames: [], status: 503, error: 'The query API is busy (all 1 database slots in use for 0.3 s); retry in 1 s.' });
    const search = await fetch(`${api.url}/search/symbols`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(200);
    // Health does not queue behind data reads.
    expect((await api.get('/health', {})).status).toBe(200);
  });
});

describe('#9 finding 11: rate limit per Grafana user, not per IP', () => {
  // Grafana's data proxy adds X-Grafana-User when send_user_header is on (applyUserHeader in
  // grafana/grafana pkg/api/pluginproxy/ds_proxy.go) and X-Grafana-Org-Id on proxied requests.
  test('users behind one Grafana (one IP) have a bucket each; the token alone is one more', async () => {
    const api = await serve({ limits: { ratePerSecond: 0.01, rateBurst: 2 } });
    const as = (user?: string, org = '1') => ({ authorization: `Bearer ${api.token}`, ...(user ? { 'x-grafana-user': user, 'x-grafana-org-id': org } : {}) });
    const statuses = async (headers: Record<string, string>, n: number) => {
      const seen: number[] = [];
      for (let i = 0; i < n; i++) seen.push((await api.get('/search/sources', headers)).status);
      return seen;
    };
    expect(await statuses(as('alice'), 3)).toEqual([200, 200, 429]);
    expect(await statuses(as('bob'), 2)).toEqual([200, 200]);
    expect(await statuses(as('alice', '2'), 2)).toEqual([200, 200]);
    expect(await statuses(as(), 3)).toEqual([200, 200, 429]);
  });

  test('without the valid token the headers choose nothing: one bucket per IP, then 401', async () => {
    const api = await serve({ limits: { ratePerSecond: 0.01, rateBurst: 2 } });
    const seen: number[] = [];
    for (const user of ['u1', 'u2', 'u3', 'u4']) seen.push((await api.get('/search/sources', { authorization: 'Bearer wrong', 'x-grafana-user': user })).status);
    expect(seen).toEqual([401, 401, 429, 429]);
    // The authenticated users are not starved by that.
    expect((await api.get('/search/sources', { authorization: `Bearer ${api.token}`, 'x-grafana-user': 'carol' })).status).toBe(200);
  });
});
