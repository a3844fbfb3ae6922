// Issue #9 findings 6 and 7 over real HTTP: an absurd scrape-timeout header must not time every target out, and a
// target answering non-2xx with an endless body must not keep its socket (targets behind one gateway share 16).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import { exampleHealthRecord, exampleStats } from '@alphapulse/contracts';
import { parseConfig } from '../src/config/config';
import { startExporter, type RunningExporter } from '../src/startExporter';
import { parseMetrics, valueOf } from './support/parseMetrics';

let server: http.Server;
let base: string;
const open = new Set<Socket>();
let endless = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/endless')) {
      // A gateway error page that never ends: 503 and a body streamed forever.
      endless += 1;
      res.writeHead(503, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('x'.repeat(1024)), 5);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const body = url.endsWith('/health') ? exampleHealthRecord : url.endsWith('/stats') ? exampleStats.trading_engine : undefined;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function withExporter<T>(instances: string[], body: (exporter: RunningExporter) => Promise<T>): Promise<T> {
  const yaml = ['kpi: { enabled: false }', 'services:', `  - { kind: trading_engine, instances: [${instances.map((i) => `{ url: "${base}/${i}", instance: "${i}" }`).join(', ')}] }`].join('\n');
  const exporter = await startExporter({ config: parseConfig(yaml), port: 0, logger: pino({ level: 'silent' }), reloadOnSighup: false });
  try {
    return await body(exporter);
  } finally {
    await exporter.stop();
  }
}

test('(6) X-Prometheus-Scrape-Timeout-Seconds: 3000000 leaves a healthy target up', async () => {
  await withExporter(['ok'], async (exporter) => {
    const text = await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '3000000' } })).text();
    const samples = parseMetrics(text);
    expect(valueOf(samples, 'alphapulse_up', { instance: 'ok' })).toBe(1);
    expect(valueOf(samples, 'alphapulse_target_scrape_error', { instance: 'ok', endpoint: 'health', reason: 'timeout' })).toBeUndefined();
    expect(valueOf(samples, 'alphapulse_exporter_scrape_budget_seconds')).toBeLessThanOrEqual(300);
  });
});

test('(7) non-2xx with an endless body: the socket is closed at once, and 20 such targets behind one host:port do not starve a healthy one', async () => {
  const bad = Array.from({ length: 20 }, (_, i) => `endless${i}`);
  await withExporter([...bad, 'ok'], async (exporter) => {
    const started = performance.now();
    const text = await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '3' } })).text();
    const seconds = (performance.now() - started) / 1000;
    const samples = parseMetrics(text);
    expect(valueOf(samples, 'alphapulse_up', { instance: 'ok' })).toBe(1);
    expect(valueOf(samples, 'alphapulse_target_scrape_error', { instance: 'endless0', endpoint: 'health', reason: 'http_status' })).toBe(1);
    // Without destroy, 40 endless requests hold all 16 sockets to this host:port until the 2.5 s budget runs out.
    expect(seconds).toBeLessThan(2.2); // the budget is 2.5 s; headroom for a loaded 2-core machine
    // A second scrape: nothing left hanging from the first one.
    const again = parseMetrics(await (await fetch(`${exporter.url}/metrics`, { headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '3' } })).text());
    expect(valueOf(again, 'alphapulse_up', { instance: 'ok' })).toBe(1);
  });
  // The server sees every endless response's socket closed by the exporter.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(endless).toBeGreaterThanOrEqual(80);
  expect(open.size).toBeLessThanOrEqual(4);
}, 20_000);
