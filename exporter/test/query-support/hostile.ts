// Hostile HTTP requests for the exporter process that hosts the query API: a seeded generator over every route
// plus a corpus of known-bad requests (issue #9), and a runner that sends them with bounds and measures.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync, deflateSync } from 'node:zlib';
import { QUERY_TYPES, SEARCH_KINDS } from '../../src/query/model';

export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Park-Miller: the same seed gives the same requests, so a failure can be replayed. */
function random(seed: number) {
  let state = seed % 2147483647 || 1;
  const next = () => (state = (state * 48271) % 2147483647);
  return {
    int: (n: number) => next() % n,
    pick<T>(items: readonly T[]): T {
      return items[next() % items.length];
    },
    chance: (p: number) => next() / 2147483647 < p,
  };
}

const ROUTES = ['/api/v1/query', '/api/v1/health', ...SEARCH_KINDS.map((kind) => `/api/v1/search/${kind}`), '/metrics', '/-/healthy', '/-/ready', '/api/v1/search/nope', '/api/v1/', '/api/v2/query', '/nope', '/', '/api/v1/query/extra'];
const STRINGS = ["' OR 1=1 --", '"; DROP TABLE alphapulse.trades; --', '\u0000', 'A\u0000A', '💥'.repeat(50), '\ud800', 'ä'.repeat(70), '$1', '%', '_', '\\', '', 'AAA', 'BBB', '1m', 'x'.repeat(3000), '__proto__', 'constructor'];
const NUMBERS = [0, -1, 1, 1.5, 1e308, -1e308, 8.64e15, 8.64e15 + 1, 253402300800000, -62135596800001, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e-300];
const TIMES: unknown[] = ['2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z', '1999-12-31T00:00:00Z', '2000-01-02T00:00:00Z', '+010000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00Z', 'yesterday', '', ...NUMBERS, null, [], {}];
const PERCENT = ['%E0%A4%A', '%', '%Z1', '%00', '%FF%FE', '%C0%AF', '%2e%2e%2f', '..%2f..%2f', '%ED%A0%80', '%F4%90%80%80', '%u0041', '%25%'];
const ENCODINGS = ['gzip', 'deflate', 'br', 'identity', 'compress', 'x-gzip', 'gzip, gzip', 'GZIP', ''];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/*', ''];

/** Every UTF-8 byte percent-encoded (lone surrogates become U+FFFD's bytes, as Node writes them). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function anyValue(r: ReturnType<typeof random>, depth = 0): unknown {
  switch (r.int(depth > 2 ? 4 : 7)) {
    case 0:
      return r.pick(STRINGS);
    case 1:
      return r.pick(NUMBERS);
    case 2:
      return r.pick([null, true, false]);
    case 3:
      return r.pick(TIMES);
    case 4:
      return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    case 5:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(['symbols', 'from', '$gt', '__proto__', 'refId', 'x']), anyValue(r, depth + 1)]));
    default:
      return Array(r.pick([2, 20, 200, 2000])).fill(r.pick(STRINGS));
  }
}

function queryBody(r: ReturnType<typeof random>): unknown {
  const query = (): Record<string, unknown> => {
    const q: Record<string, unknown> = { refId: r.pick(['A', 'B', '', 'x'.repeat(65), 1, null, '__proto__']), queryType: r.chance(0.8) ? r.pick(QUERY_TYPES) : anyValue(r) };
    for (const key of ['symbols', 'strategies', 'sources', 'patternTypes', 'timeframe', 'minConfidence', 'pnlMode']) {
      if (r.chance(0.5)) q[key] = r.chance(0.5) ? r.pick([['AAA'], ['AAA', 'BBB'], ['alpha'], ['news'], '1m', '1h', '99999999999y', 0.5]) : anyValue(r);
    }
    return q;
  };
  const body: Record<string, unknown> = {
    range: r.chance(0.7) ? { from: r.pick(TIMES), to: r.pick(TIMES) } : { from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z' },
  };
  if (r.chance(0.6)) body.maxDataPoints = r.pick([1, 2, 1000, 10_000, 0, -1, 1e6, 1e9, 1.5, anyValue(r)]);
  if (r.chance(0.5)) body.intervalMs = r.pick([1, 1000, 60_000, 0, -5, 1e15, anyValue(r)]);
  body.queries = r.chance(0.85) ? Array.from({ length: r.pick([1, 1, 2, 5, 26, 27]) }, query) : anyValue(r);
  return r.chance(0.05) ? anyValue(r) : body;
}

function mutateBody(r: ReturnType<typeof random>, text: string): Buffer {
  switch (r.int(12)) {
    case 0:
      return Buffer.from(text.slice(0, Math.max(1, text.length - 3)));
    case 1:
      return Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(text.slice(20))]);
    case 2:
      return Buffer.from(text.replace('{', '{\u0000'));
    case 3:
      return Buffer.from('['.repeat(r.pick([100, 5000, 50_000])) + ']'.repeat(100));
    case 4:
      return Buffer.from(`{"a":"${'x'.repeat(r.pick([1000, 255 * 1024, 300 * 1024]))}"}`);
    default:
      return Buffer.from(text);
  }
}

export function* hostileRequests(seed: number, count: number, token: string): Generator<HostileRequest> {
  const r = random(seed);
  for (let i = 0; i < count; i++) {
    let path = r.pick(ROUTES);
    if (r.chance(0.15)) path += r.pick(PERCENT);
    if (r.chance(0.05)) path = path.replace('/v1/', r.pick(['//v1//', '/v1/./', '/V1/', '/v1%2f']));
    if (r.chance(0.03)) path += '/' + 'a'.repeat(r.pick([1000, 8000]));
    if (r.chance(0.3)) {
      const key = r.pick(['filter', 'filter[]', 'filter[a]', 'filter[a][b][c][d][e][f]', 'x', '__proto__[x]', 'constructor[prototype][x]']);
      const value = r.chance(0.5) ? percentEncode(String(r.pick(STRINGS))) : r.pick(PERCENT);
      path += `?${key}=${value}`;
      if (r.chance(0.1)) path += Array.from({ length: 1000 }, (_, k) => `&p${k}=${k}`).join('');
      if (r.chance(0.1)) path += `&${key}=again`;
    }
    const method = r.chance(0.85) ? (path.includes('/query') ? 'POST' : 'GET') : r.pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'PROPFIND']);
    const headers: Record<string, string> = {};
    const auth = r.int(10);
    if (auth < 7) headers.authorization = `Bearer ${token}`;
    else if (auth === 7) headers.authorization = r.pick(['Bearer wrong', 'Basic YTpi', 'Bearer', `Bearer ${'x'.repeat(4000)}`, `bearer ${token} extra`]);
    if (r.chance(0.2)) headers['x-grafana-user'] = r.pick(STRINGS.filter((s) => !/[\u0000-\u001f\u007f-\uffff]/.test(s))).slice(0, 200) || 'u';
    if (r.chance(0.2)) headers['x-grafana-org-id'] = r.pick(['1', '2', '-1', 'NaN', '99999999999999999999']);
    if (r.chance(0.1)) headers['x-prometheus-scrape-timeout-seconds'] = r.pick(['0', '-1', '3000000', 'NaN', '1e308', '0.001']);
    if (r.chance(0.1)) headers.accept = r.pick(['application/openmetrics-text;version=1.0.0', '*/*', 'text/html', '']);
    let body: Buffer | undefined;
    if (method !== 'GET' || r.chance(0.1)) {
      const text = JSON.stringify(queryBody(r));
      body = mutateBody(r, text);
      headers['content-type'] = r.chance(0.85) ? 'application/json' : r.pick(CONTENT_TYPES);
      const encoding = r.chance(0.8) ? undefined : r.pick(ENCODINGS);
      if (encoding !== undefined) {
        headers['content-encoding'] = encoding;
        // Half the time the body really is compressed.
        if (r.chance(0.5) && encoding.toLowerCase().includes('gzip')) body = gzipSync(body);
        else if (r.chance(0.5) && encoding === 'deflate') body = deflateSync(body);
      }
    }
    yield { method, path, headers, body };
  }
}

/** The known-bad requests of issue #9 (and neighbours), sent verbatim. */
export function knownBadRequests(token: string): HostileRequest[] {
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const post = (body: unknown, headers: Record<string, string> = json): HostileRequest => ({ method: 'POST', path: '/api/v1/query', headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });
  const q = (range: unknown, extra: object = {}) => ({ range, ...extra, queries: [{ refId: 'A', queryType: 'equity' }] });
  return [
    post({ range: { from: '1999-12-31T00:00:00Z', to: '2000-01-02T00:00:00Z' }, maxDataPoints: 1, queries: [{ refId: 'A', queryType: 'equity' }] }),
    post(q({ from: '+010000-01-01T00:00:00Z', to: '+010000-01-02T00:00:00Z' })),
    post(q({ from: 0, to: 8.64e15 })),
    post(q({ from: '9999-12-31T00:00:00Z', to: '9999-12-31T23:59:59.999Z' }, { maxDataPoints: 1 })),
    post(q({ from: '2026-01-05T00:00:00Z', to: '2026-02-04T00:00:00Z' }, { maxDataPoints: 10_000 })),
    post({ range: { from: '2026-01-05T00:00:00Z', to: '2026-02-04T00:00:00Z' }, maxDataPoints: 10_000, queries: Array.from({ length: 26 }, (_, i) => ({ refId: `Q${i}`, queryType: 'candles', symbols: Array.from({ length: 20 }, (_, s) => `S${s}`) })) }),
    post({ range: { from: '2026-01-05T00:00:00Z', to: '2026-01-08T00:00:00Z' }, maxDataPoints: 1_000_000, intervalMs: 1, queries: Array.from({ length: 26 }, (_, i) => ({ refId: `Q${i}`, queryType: 'candles', symbols: ['AAA', 'BBB'] })) }),
    post({ range: { from: '2026-01-05T00:00:00Z', to: '2026-01-06T00:00:00Z' }, queries: [{ refId: 'A', queryType: 'candles', symbols: ['AAA'], timeframe: '99999999999999999999y' }] }),
    { method: 'GET', path: '/api/v1/search/%E0%A4%A', headers: auth },
    { method: 'GET', path: '/api/v1/search/symbols?filter=%00', headers: auth },
    { method: 'GET', path: '/api/v1/search/symbols?filter=%FF', headers: auth },
    { method: 'GET', path: '/metrics%E0%A4%A', headers: auth },
    { method: 'GET', path: '/%E0%A4%A', headers: {} },
    ...['gzip', 'deflate', 'br'].map((encoding) => post(q({ from: 0, to: 1 }), { ...json, 'content-encoding': encoding })),
    { method: 'GET', path: '/api/v1/search/symbols', headers: { ...json, 'content-encoding': 'gzip' }, body: Buffer.from('not gzip') },
    { method: 'GET', path: '/-/healthy', headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' }, body: Buffer.from('not gzip') },
    post(gzipSync(Buffer.alloc(32 * 1024 * 1024, 32)), { ...json, 'content-encoding': 'gzip' }),
    post('{"range":{"from":"\u0000","to":1},"queries":[{"refId":"\u0000"}]}'),
    { method: 'GET', path: '/metrics', headers: { 'x-prometheus-scrape-timeout-seconds': '3000000' } },
  ];
}

export interface HostileReport {
  sent: number;
  byStatus: Record<string, number>;
  /** Requests without an answer within their timeout, or whose connection failed. */
  hung: { request: string; reason: string }[];
  /** 5xx answers (500 only when `allow` says so), with the request that caused them. */
  failures: { request: string; status: number; body: string }[];
  slowestMs: number;
  slowest: string;
  rssBeforeMb: number;
  rssAfterMb: number;
  maxEventLoopBlockMs: number;
  seconds: number;
}

function describeRequest(request: HostileRequest): string {
  return `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 300)} ${request.body?.toString('utf8', 0, 300) ?? ''}`;
}

function send(base: URL, request: HostileRequest, agent: false, timeoutMs: number): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: { status: number; body: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const req = http.request({ host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size < 4096) chunks.push(chunk);
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8', 0, 500) }));
      res.on('error', (error) => done({ error: error.message }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    // The server may answer (413, 401) and close before reading a large body: the answer counts, not the EPIPE.
    req.on('error', (error) => setTimeout(() => done({ error: error.message }), 50));
    // ...and a write that fails after the answer lands on the socket, whose request no longer listens.
    req.on('socket', (socket) => socket.on('error', () => undefined));
    req.end(request.body);
  });
}

/**
 * Sends `requests` to `baseUrl` with `concurrency` in flight, each bounded by `timeoutMs`. `isFailure` decides which
 * statuses break the promise (default: any 5xx). Measures RSS and the longest event-loop block of this process
 * (where the server under test runs).
 */
export async function runHostile(
  baseUrl: string,
  requests: Iterable<HostileRequest>,
  options: { concurrency?: number; timeoutMs?: number; isFailure?: (status: number) => boolean } = {},
): Promise<HostileReport> {
  const { concurrency = 8, timeoutMs = 15_000, isFailure = (status: number) => status >= 500 } = options;
  const base = new URL(baseUrl);
  // A connection per request (no agent: an agent reuses a free socket for queued requests even without keep-alive),
  // so one request's fate (a body the server refused to read) never lands on the next.
  const agent = false as const;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const report: HostileReport = { sent: 0, byStatus: {}, hung: [], failures: [], slowestMs: 0, slowest: '', rssBeforeMb: process.memoryUsage().rss / 2 ** 20, rssAfterMb: 0, maxEventLoopBlockMs: 0, seconds: 0 };
  const started = Date.now();
  const iterator = requests[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const request = next.value;
      report.sent += 1;
      const t0 = Date.now();
      const answer = await send(base, request, agent, timeoutMs);
      const ms = Date.now() - t0;
      if (ms > report.slowestMs) {
        report.slowestMs = ms;
        report.slowest = describeRequest(request).slice(0, 200);
      }
      if ('error' in answer) {
        const key = answer.error.startsWith('no answer') ? 'timeout' : 'connection error';
        report.byStatus[key] = (report.byStatus[key] ?? 0) + 1;
        if (key === 'timeout' || !/ECONNRESET|EPIPE|socket hang up/.test(answer.error) || request.body === undefined || request.body.length < 100_000) {
          report.hung.push({ request: describeRequest(request), reason: answer.error });
        }
        continue;
      }
      report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
      if (isFailure(answer.status)) report.failures.push({ request: describeRequest(request), status: answer.status, body: answer.body });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  delay.disable();
  report.maxEventLoopBlockMs = Math.round(delay.max / 1e6);
  report.rssAfterMb = process.memoryUsage().rss / 2 ** 20;
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
